import { useEffect, useState } from 'react';
import { ArrowUpFromLine } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { Banner } from '../../ui/banner.js';
import { Button } from '../../ui/button.js';
import { CommandBlock } from '../../ui/copy-button.js';
import { Sheet } from '../../ui/dialog.js';
import { Kbd } from '../../ui/kbd.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { TargetPicker } from '../targets/target-picker.js';
import type { DialogProps } from '../shell/view-slice.js';
import { PushFileList } from './push-file-list.js';
import { apptainerPush } from './push-names.js';
import { PushNotes } from './push-notes.js';
import { blockingReason, entryReference } from './push-entry.js';
import { SignBeforePush, type SignChoice } from './sign-before-push.js';
import { usePushEntries } from './use-push-entries.js';

/** Why signing keeps the sheet from pushing, or undefined. */
function signReason(sign: SignChoice, unsigned: number): string | undefined {
  if (!sign.enabled || unsigned === 0) return undefined;
  if (!sign.fingerprint) return 'Choose the key to sign with.';
  if (!sign.passphrase) return "Give the key's passphrase to sign.";
  return undefined;
}

/**
 * S7: the push sheet (720 px). The files with their SIF check, where each goes (account →
 * repository → tag, with the `oras://` reference and the `apptainer push` line), what to know
 * first (tag exists, unsigned, token lifetime, encrypted), and Push (Ctrl+Enter), disabled
 * with its reason until everything is settled. On Push the sheet closes and the drawer shows
 * the new rows.
 */
export function PushSheet({ dialog, onClose }: DialogProps<'push'>) {
  const { entries, setEntries, update } = usePushEntries(dialog);
  const [selectedKey, setSelectedKey] = useState<string>();
  const [sign, setSign] = useState<SignChoice>({ enabled: false, passphrase: '' });
  const { accounts, providers, lists, run, requestPush, startPush, cancelRun } = useSifportStore(
    useShallow((s) => ({
      accounts: s.accounts,
      providers: s.providers,
      lists: s.repositoryLists,
      run: s.pushRun,
      requestPush: s.requestPush,
      startPush: s.startPush,
      cancelRun: s.cancelPushRun,
    })),
  );
  const selected = entries.find((e) => e.key === selectedKey) ?? entries[0];
  const unsigned = entries.filter((e) => e.facts?.ok && e.facts.signatures === 0);
  const busy = run !== undefined && !run.error;
  const reason =
    blockingReason(entries, { accounts, providers, lists }) ?? signReason(sign, unsigned.length);
  const references = Object.fromEntries(entries.map((e) => [e.key, entryReference(e, accounts)]));

  const push = () => {
    if (reason || busy) return;
    const wantsSign = sign.enabled && sign.fingerprint !== undefined;
    const items = entries.map((e) => ({
      key: e.key,
      file: e.file,
      reference: references[e.key]!,
      sign: wantsSign && e.facts?.ok === true && e.facts.signatures === 0,
    }));
    const signing = wantsSign
      ? { fingerprint: sign.fingerprint!, passphrase: sign.passphrase }
      : undefined;
    void startPush(items, signing).then((queued) =>
      setEntries((list) => list.filter((e) => !queued.includes(e.key))),
    );
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        push();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });
  useEffect(() => () => useSifportStore.getState().cancelPushRun(), []);

  const count = entries.length;
  return (
    <Sheet
      title={count > 1 ? `Push ${count} files` : 'Push to a registry'}
      description="The sheet closes when the push starts; follow it in Transfers."
      width="lg"
      onClose={() => {
        cancelRun();
        onClose();
      }}
      dismissable={!busy}
      footer={
        <>
          <div className="min-w-0 flex-1 text-sm text-muted" aria-live="polite">
            {busy ? (
              <div className="flex flex-col gap-1">
                <span className="truncate">{run.step}…</span>
                <ProgressBar
                  label={run.step}
                  value={run.total ? ((run.done ?? 0) / run.total) * 100 : undefined}
                />
              </div>
            ) : (
              <span data-testid="push-reason">{reason}</span>
            )}
          </div>
          <Button onPress={busy ? cancelRun : onClose}>{busy ? 'Stop' : 'Cancel'}</Button>
          <Button variant="primary" isDisabled={reason !== undefined || busy} onPress={push}>
            <ArrowUpFromLine size={14} aria-hidden />
            {count > 1 ? `Push ${count}` : 'Push'}
            <Kbd keys="Mod+Enter" />
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {run?.error ? (
          <Banner tone="danger" title="The push did not start">
            {run.error}
          </Banner>
        ) : null}
        <PushFileList
          entries={entries}
          selected={selected?.key}
          references={references}
          onSelect={setSelectedKey}
          onRemove={(key) => setEntries((list) => list.filter((e) => e.key !== key))}
          onAdd={() => requestPush()}
          disabled={busy}
        />
        {selected ? (
          <>
            <section
              aria-label={`Where ${selected.file.name} goes`}
              className="flex flex-col gap-2"
            >
              {count > 1 ? (
                <h3 className="m-0 text-sm font-medium">{selected.file.name} goes to</h3>
              ) : null}
              <TargetPicker
                value={selected.target}
                onChange={(target) =>
                  update(selected.key, (e) => ({
                    ...e,
                    target,
                    tagSettled: e.tagSettled || target.tag !== e.target.tag,
                    tagState: { status: 'idle' },
                    overwrite: false,
                  }))
                }
                tagNote={
                  selected.tagState.status === 'checking'
                    ? 'Checking whether it exists…'
                    : selected.tagState.status === 'free'
                      ? 'New tag.'
                      : undefined
                }
              />
            </section>
            <PushNotes entry={selected} onChange={(change) => update(selected.key, change)} />
            <SignBeforePush
              unsigned={unsigned.map((e) => e.file.name)}
              value={sign}
              onChange={setSign}
              disabled={busy}
            />
            {references[selected.key] ? (
              <CommandBlock
                label="the equivalent apptainer command"
                command={apptainerPush(selected.file.name, references[selected.key]!)}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </Sheet>
  );
}
