import { useEffect, useRef, useState } from 'react';
import { useSifportStore } from '../../store/store.js';
import { registriesOf } from '../targets/target-rules.js';
import type { DialogOf, PushFile } from '../shell/view-slice.js';
import { entryReference, newEntry, startAccount, withFacts, type PushEntry } from './push-entry.js';

/** Wait after the last edit of a target before asking the registry about its tag, in ms. */
const TAG_CHECK_DELAY = 350;

const fileKey = (file: PushFile, n: number) => `${n}:${file.path ?? file.name}:${file.size}`;

/** Registries pushed to lately, newest first (the "last used account"). */
function recentPushRegistries(): string[] {
  const { transferOrder, transfers } = useSifportStore.getState();
  return registriesOf(
    transferOrder
      .map((id) => transfers[id])
      .flatMap((j) => (j?.kind === 'push' ? [j.reference] : [])),
  );
}

/**
 * The push sheet's files and their state: entries appear for every file the dialog offers
 * (dropped or added later), each file is checked once, and each target's tag is asked about
 * (`registry:details`) a moment after its last edit. `update` edits one entry.
 */
export function usePushEntries(dialog: DialogOf<'push'>) {
  const [entries, setEntries] = useState<readonly PushEntry[]>([]);
  const seen = useRef(0);
  const update = (key: string, change: (entry: PushEntry) => PushEntry) =>
    setEntries((list) => list.map((e) => (e.key === key ? change(e) : e)));

  useEffect(() => {
    const fresh = dialog.files.slice(seen.current);
    if (fresh.length === 0) return;
    const state = useSifportStore.getState();
    const account = startAccount(state.accounts, dialog.target, recentPushRegistries());
    const start = seen.current;
    seen.current = dialog.files.length;
    const added = fresh.map((file, i) =>
      newEntry(fileKey(file, start + i), file, account, dialog.target),
    );
    setEntries((list) => [...list, ...added]);
    for (const entry of added) {
      void state
        .inspectPushFile(entry.file)
        .then((facts) => update(entry.key, (e) => withFacts(e, facts)));
    }
  }, [dialog.files, dialog.target]);

  const accounts = useSifportStore((s) => s.accounts);
  const wanted = entries.map((e) => {
    const reference = entryReference(e, accounts);
    return e.facts?.ok && reference && e.tagState.status === 'idle' ? `${e.key}\n${reference}` : '';
  });
  const pending = wanted.filter(Boolean).join('\n\n');
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => {
      for (const item of pending.split('\n\n')) {
        const [key, reference] = item.split('\n') as [string, string];
        update(key, (e) => ({ ...e, tagState: { status: 'checking', reference } }));
        const [repository, tag] = [
          reference.slice(0, reference.lastIndexOf(':')),
          reference.slice(reference.lastIndexOf(':') + 1),
        ];
        void useSifportStore
          .getState()
          .checkTag(repository, tag)
          .then((check) =>
            update(key, (e) =>
              e.tagState.status === 'checking' && e.tagState.reference === reference
                ? { ...e, tagState: { ...check, reference } }
                : e,
            ),
          );
      }
    }, TAG_CHECK_DELAY);
    return () => clearTimeout(timer);
  }, [pending]);

  return { entries, setEntries, update };
}
