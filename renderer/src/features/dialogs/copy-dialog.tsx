import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { SheetForm } from '../../ui/sheet-form.js';
import { shortDigest } from '../../ui/format.js';
import { accountForReference, parseTypedReference, sameHost } from '../palette/oras-reference.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { DialogProps, DialogOf } from '../shell/view-slice.js';
import { checkTarget, firstProblem } from '../targets/target-check.js';
import { TargetPicker } from '../targets/target-picker.js';
import type { TargetValue } from '../targets/target-rules.js';
import { copyMode, copyRequests, describeCopyMode } from './copy-plan.js';
import { ReferenceList } from './reference-list.js';
import { shortRef } from './references.js';
import { useDebouncedAnswer } from './use-debounced-answer.js';
import { detailsKey, totalSize, useReferenceDetails } from './use-reference-details.js';
import { useSheetAction } from './use-sheet-action.js';

const FORM_ID = 'copy-form';

/**
 * Where the copy goes first: the pane the rows were dropped on, or the other explorer pane;
 * else an account on another registry (copying is mostly between registries); else the
 * source's own account, with the tag left to type.
 */
function startValue(dialog: DialogOf<'copy'>): TargetValue {
  const s = useSifportStore.getState();
  const other = dialog.target ?? (s.frame.split ? s.panes[1 - s.activePane] : undefined);
  const source = parseTypedReference(dialog.references[0] ?? '');
  const elsewhere = s.accounts.find((a) => source && !sameHost(a.registry, source.registry));
  const own = source ? accountForReference(s.accounts, source) : undefined;
  const account = other?.accountId ?? elsewhere?.id ?? own?.id ?? '';
  return {
    accountId: account,
    repository: other?.repository ?? source?.repository ?? '',
    tag: account === own?.id && !other ? '' : (source?.tag ?? 'latest'),
  };
}

/**
 * Copy to… (UI.md S8): the push sheet's target picker, the mode said honestly (a tag in the
 * same repository, a server-side mount within one registry, or every byte streamed through
 * this machine), then `registry:copy` per image; the drawer shows the jobs.
 */
export function CopyDialog({ dialog, onClose }: DialogProps<'copy'>) {
  const { references } = dialog;
  const single = references.length === 1;
  const f = useFormatters();
  const s = useSifportStore(
    useShallow((st) => ({
      accounts: st.accounts,
      providers: st.providers,
      lists: st.repositoryLists,
      checkTag: st.checkTag,
      start: st.startCopies,
    })),
  );
  const [value, setValue] = useState(() => startValue(dialog));
  const { busy, error, run } = useSheetAction();
  const details = useReferenceDetails(references);
  const account = s.accounts.find((a) => a.id === value.accountId);
  const problem = firstProblem(checkTarget(value, s));
  const target = account && {
    registry: account.registry,
    repository: value.repository,
    tag: value.tag,
  };
  const requests = target && !problem ? copyRequests(references, target) : [];
  const mode = account
    ? copyMode(references[0] ?? '', account.registry, value.repository)
    : undefined;
  const size = totalSize(references, details.details);
  const words =
    mode && account ? describeCopyMode(mode, f.bytes(size.bytes), account.registry) : undefined;
  const sourceTag = parseTypedReference(references[0] ?? '')?.tag;
  const sameTag = mode === 'retag' && single && value.tag === sourceTag;

  const { checkTag } = s;
  const askTag = useCallback(
    (key: string) => {
      const colon = key.lastIndexOf(':');
      return checkTag(key.slice(0, colon), key.slice(colon + 1));
    },
    [checkTag],
  );
  const tagAnswer = useDebouncedAnswer(single ? requests[0]?.to : undefined, askTag);
  const sourceDigest = details.details.get(detailsKey(references[0] ?? ''));
  const tagNote =
    tagAnswer.value?.status === 'exists'
      ? sourceDigest?.ok && sourceDigest.digest === tagAnswer.value.digest
        ? 'Already holds this image: nothing to copy.'
        : `Exists (${shortDigest(tagAnswer.value.digest)}): the copy moves the tag; the old image stays reachable by digest.`
      : undefined;

  const submit = async () => {
    if (busy || requests.length === 0 || sameTag) return;
    await run(async () => {
      await s.start(requests);
      onClose();
    });
  };
  const first = parseTypedReference(references[0] ?? '');
  return (
    <ActionSheet
      title={
        single && first ? `Copy ${shortRef(first)} to…` : `Copy ${references.length} images to…`
      }
      width="lg"
      onClose={onClose}
      busy={busy}
      reason={problem ?? (sameTag ? 'Choose another tag, repository or account.' : undefined)}
      action={
        <Button
          variant="primary"
          type="submit"
          form={FORM_ID}
          isDisabled={busy || requests.length === 0 || sameTag}
        >
          {single ? 'Copy' : `Copy ${references.length}`}
        </Button>
      }
    >
      <SheetForm id={FORM_ID} onSubmit={() => void submit()}>
        <ReferenceList references={references} details={details} label="Images to copy" />
        <TargetPicker
          value={value}
          onChange={setValue}
          hideTag={!single}
          tagNote={tagNote}
          tagError={
            sameTag
              ? 'This is the image itself: choose another tag, repository or account.'
              : undefined
          }
        />
        {words ? (
          <Banner tone="info" title={words.title}>
            {words.detail}
          </Banner>
        ) : null}
        <p className="m-0 text-sm text-muted">
          {single ? '' : 'Each image keeps its own tag. '}Signatures travel inside the SIF, so the
          copy stays signed. OCI referrers (attached artifacts) are not copied.
        </p>
        {error ? (
          <Banner tone="danger" title="Could not start the copy">
            {error.message}
          </Banner>
        ) : null}
      </SheetForm>
    </ActionSheet>
  );
}
