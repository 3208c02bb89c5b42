import { useMemo, useState } from 'react';
import { FolderOpen } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { useStoreFields } from '../../store/use-store-fields.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { ActionSheet } from '../../ui/sheet-actions.js';
import { SheetForm } from '../../ui/sheet-form.js';
import { Checkbox, TextField } from '../../ui/field.js';
import { Select } from '../../ui/select.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { DialogProps } from '../shell/view-slice.js';
import {
  pullBlocker,
  pullCommands,
  pullFileNames,
  pullRequests,
  spaceVerdict,
} from './pull-plan.js';
import { shortRef } from './references.js';
import { parseTypedReference } from '../palette/oras-reference.js';
import { ReferenceList } from './reference-list.js';
import { useFolderSpace } from './use-folder-space.js';
import { totalSize, useReferenceDetails } from './use-reference-details.js';
import { useSheetAction } from './use-sheet-action.js';
import { ANY_SIGNER, VerifyField } from './verify-field.js';

const FORM_ID = 'pull-form';

/**
 * Pull (UI.md S8): folder (remembered; Choose… on the desktop, a typed path the host checks
 * in the browser mode), file name, Overwrite, Verify after pull, platform for indexes, free
 * space (blocks when short) and the same as a command. Pull queues the jobs, closes, and the
 * drawer shows them.
 */
export function PullDialog({ dialog, onClose }: DialogProps<'pull'>) {
  const { references } = dialog;
  const f = useFormatters();
  const s = useStoreFields('settings', 'desktopHost', 'keysLoaded');
  const act = useStoreFields('updateSettings', 'chooseFolder', 'startPulls');
  const keyCount = useSifportStore((st) => st.keys.length);
  const [folder, setFolder] = useState(s.settings.pullFolder);
  const [fileName, setFileName] = useState(() => pullFileNames({ references })[0] ?? '');
  const [overwrite, setOverwrite] = useState(false);
  const [verify, setVerify] = useState(s.settings.verifyAfterPull);
  const [signer, setSigner] = useState(ANY_SIGNER);
  const [arch, setArch] = useState<string | undefined>();
  const { busy, error, run } = useSheetAction();
  const details = useReferenceDetails(references);
  const single = references.length === 1;
  const names = useMemo(() => pullFileNames({ references, fileName }), [references, fileName]);
  const check = useFolderSpace(folder, names);
  const platforms = [
    ...new Set(
      [...details.details.values()].flatMap((d) => (d.ok && d.kind === 'index' ? d.platforms : [])),
    ),
  ];
  const choices = {
    references,
    folder: folder.trim(),
    fileName: fileName.trim(),
    overwrite,
    ...(verify ? { verify: signer === ANY_SIGNER ? {} : { fingerprint: signer } } : {}),
    ...(arch ? { arch: arch.split('/')[1] ?? arch } : {}),
  };
  const size = totalSize(references, details.details);
  const space = check.value ? spaceVerdict(size.bytes, check.value.freeBytes, f.bytes) : undefined;
  const existing = check.value?.existing ?? [];
  const blocker = pullBlocker({
    folder: check.status,
    desktop: s.desktopHost,
    noFileName: single && fileName.trim() === '',
    short: space?.short ?? false,
    existing,
    overwrite,
    nothingToVerifyWith: verify && s.keysLoaded && keyCount === 0,
  });
  const blocked = blocker !== undefined;
  const commands = pullCommands({ ...choices, folder: choices.folder || '/FOLDER' });

  const submit = () =>
    !blocked &&
    run(async () => {
      void act.updateSettings({ pullFolder: choices.folder, verifyAfterPull: verify });
      await act.startPulls(pullRequests(choices));
      onClose();
    });
  const title = single
    ? `Pull ${shortRef(parseTypedReference(references[0]!) ?? { registry: '', repository: references[0]! })}`
    : `Pull ${references.length} images`;
  return (
    <ActionSheet
      title={title}
      width="md"
      onClose={onClose}
      busy={busy}
      reason={blocker}
      action={
        <Button variant="primary" type="submit" form={FORM_ID} isDisabled={blocked || busy}>
          {single ? 'Pull' : `Pull ${references.length}`}
        </Button>
      }
    >
      <SheetForm id={FORM_ID} onSubmit={() => void submit()}>
        <ReferenceList
          references={references}
          details={details}
          extra={
            single
              ? undefined
              : (_ref, i) => (
                  <span className="shrink-0 font-mono text-sm text-muted">→ {names[i]}</span>
                )
          }
        />
        <div className="flex items-end gap-2">
          <TextField
            label="Folder"
            mono
            className="flex-1"
            value={folder}
            onChange={setFolder}
            placeholder={s.desktopHost ? 'Choose a folder' : '/home/you/images'}
            error={check.status === 'failed' ? check.error?.message : undefined}
            description={
              s.desktopHost
                ? undefined
                : 'A folder on the machine running Sifport, as an absolute path (a browser cannot browse it).'
            }
          />
          {s.desktopHost ? (
            <Button
              onPress={() =>
                void act.chooseFolder(folder || undefined).then((p) => p && setFolder(p))
              }
            >
              <FolderOpen size={14} aria-hidden />
              Choose…
            </Button>
          ) : null}
        </div>
        {single ? (
          <TextField label="File name" mono value={fileName} onChange={setFileName} />
        ) : null}
        {platforms.length > 0 ? (
          <Select
            label="Platform (the image is an index)"
            value={arch}
            onChange={setArch}
            placeholder="This machine's"
            options={platforms.map((p) => ({ value: p, label: p }))}
          />
        ) : null}
        <Checkbox
          isSelected={overwrite}
          onChange={setOverwrite}
          hint={
            existing.length > 0
              ? `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in this folder.`
              : undefined
          }
        >
          Overwrite existing files
        </Checkbox>
        <VerifyField on={verify} onToggle={setVerify} signer={signer} onSigner={setSigner} />
        {space ? (
          <p
            role="status"
            className={space.short ? 'm-0 font-medium text-danger' : 'm-0 text-muted'}
          >
            {`Space: ${space.text}${size.unknown > 0 ? ` (${size.unknown} of unknown size)` : ''}`}
          </p>
        ) : null}
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium">The same from a terminal</span>
          <CommandBlock command={commands.sifport} label="sifport pull command" />
          <CommandBlock command={commands.apptainer} label="apptainer pull command" />
        </div>
        {error ? (
          <Banner tone="danger" title="Could not start the pull">
            {error.message}
          </Banner>
        ) : null}
      </SheetForm>
    </ActionSheet>
  );
}
