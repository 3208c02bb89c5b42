import { useEffect, useState } from 'react';
import { errorState, type ErrorState } from '../../store/slice.js';
import { useStoreFields } from '../../store/use-store-fields.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { TextField } from '../../ui/field.js';
import { Spinner } from '../../ui/spinner.js';
import { accountForReference, parseTypedReference } from '../palette/oras-reference.js';
import type { DialogProps } from '../shell/view-slice.js';
import {
  confirmationWord,
  deleteGroups,
  deleteRefusal,
  digestReference,
  type DeleteDryRun,
} from './delete-plan.js';
import { DeleteGroupsView } from './delete-groups-view.js';
import { shortRef } from './references.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Delete (UI.md S8), an alert dialog: a dry run first (`registry:delete` with `dryRun`), then
 * every tag that goes with each digest named; typing the repository name when other tags
 * vanish or more than 10 go; no undo, said; a registry that cannot delete disables the action
 * with the reason. After deleting, the explorer refreshes.
 */
export function DeleteDialog({ dialog, onClose }: DialogProps<'delete'>) {
  const { references } = dialog;
  const s = useStoreFields('accounts', 'providers', 'previewDelete', 'deleteDigest', 'announce');
  const [runs, setRuns] = useState<readonly DeleteDryRun[]>();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<readonly string[]>([]);
  /** Deletes the registry refused (DENIED, UNSUPPORTED): pressing again would not help. */
  const [refused, setRefused] = useState<readonly ErrorState[]>([]);
  /** Digests already deleted, so pressing Delete again after a failure retries only the rest. */
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const { previewDelete: preview } = s;
  useEffect(() => {
    let live = true;
    void Promise.all(
      references.map((reference) =>
        preview(reference).then(
          (p): DeleteDryRun => ({ reference, ok: true, digest: p.digest, tags: p.tags }),
          (err: unknown): DeleteDryRun => ({ reference, ok: false, error: errorState(err) }),
        ),
      ),
    ).then((answers) => live && setRuns(answers));
    return () => {
      live = false;
    };
  }, [references, preview]);

  const first = parseTypedReference(references[0] ?? '');
  const account = first ? accountForReference(s.accounts, first) : undefined;
  const provider = s.providers.find((p) => p.id === account?.provider);
  const groups = runs ? deleteGroups(runs) : [];
  const errors = [...(runs ?? []).flatMap((r) => (r.ok ? [] : [r.error])), ...refused];
  const refusal = runs ? deleteRefusal(account, provider, errors) : undefined;
  const word = confirmationWord(groups);
  const tagCount = groups.reduce((n, g) => n + g.tags.length, 0);
  const failed = (runs ?? []).filter((r) => !r.ok);
  const ready = groups.length > 0 && !refusal && (word === undefined || typed.trim() === word);

  const remove = async () => {
    if (!ready || busy) return;
    setBusy(true);
    const problems: string[] = [];
    const errors: ErrorState[] = [];
    const gone = new Set(deleted);
    for (const group of groups) {
      const reference = digestReference(group);
      if (gone.has(reference)) continue;
      await s.deleteDigest(reference).then(
        () => gone.add(reference),
        (err: unknown) => {
          errors.push(errorState(err));
          problems.push(
            `${group.repository}@${group.digest.slice(0, 19)}: ${errorState(err).message}`,
          );
        },
      );
    }
    setDeleted(gone);
    if (problems.length === 0) {
      s.announce(`Deleted ${plural(groups.length, 'image')} and ${plural(tagCount, 'tag')}.`);
      onClose();
      return;
    }
    setFailures(problems);
    setRefused(errors);
    setBusy(false);
  };
  const title =
    references.length === 1 && first
      ? `Delete ${shortRef(first)}?`
      : `Delete ${references.length} tags?`;
  return (
    <ActionSheet
      title={title}
      role="alertdialog"
      width="md"
      onClose={onClose}
      busy={busy}
      busyLabel="Deleting…"
      reason={
        refusal
          ? 'The registry cannot delete these.'
          : word !== undefined && typed.trim() !== word
            ? `Type ${word} to confirm.`
            : undefined
      }
      action={
        <Button variant="danger" onPress={() => void remove()} isDisabled={!ready || busy}>
          {groups.length > 0
            ? `Delete ${plural(groups.length, 'image')} (${plural(tagCount, 'tag')})`
            : 'Delete'}
        </Button>
      }
    >
      {!runs ? (
        <Spinner label="Finding every tag on these images…" />
      ) : (
        <div className="flex flex-col gap-3">
          {refusal ? (
            <Banner tone="danger" title="This registry cannot delete these images">
              {refusal}
            </Banner>
          ) : null}
          <DeleteGroupsView groups={groups} />
          {failed.length > 0 && !refusal ? (
            <Banner tone="warning" title={`${plural(failed.length, 'tag')} cannot be deleted`}>
              <ul className="m-0 pl-4">
                {failed.map((r) => (
                  <li key={r.reference}>{!r.ok && r.error.message}</li>
                ))}
              </ul>
            </Banner>
          ) : null}
          {groups.length > 0 && !refusal ? (
            <Banner tone="warning" title="There is no undo">
              The {groups.length === 1 ? 'image is' : 'images are'} deleted from the registry with
              every tag listed. Whoever pulls these tags gets “not found”; copies elsewhere are
              untouched.
            </Banner>
          ) : null}
          {word && !refusal && groups.length > 0 ? (
            <TextField
              label={`Type ${word} to confirm`}
              mono
              value={typed}
              onChange={setTyped}
              autoComplete="off"
            />
          ) : null}
          {failures.length > 0 ? (
            <Banner tone="danger" title="Some deletes failed">
              <ul className="m-0 pl-4">
                {failures.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </Banner>
          ) : null}
        </div>
      )}
    </ActionSheet>
  );
}
