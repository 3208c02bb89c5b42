import { errorState, type SliceOf } from '../../store/slice.js';
import type { PaneTarget, PushFile } from '../shell/view-slice.js';
import { checkTagOn, inspectPushFile, type FileFacts, type TagCheck } from './push-checks.js';
import { baseName } from './push-names.js';
import { runPushes, type PushItem, type PushRun, type Signing } from './push-run.js';

/** The push slice (S7): how files reach the push sheet, what it checks, and the push itself. */
export interface PushSlice {
  /** Files being copied to the host or signed before their push (the sheet shows it). */
  readonly pushRun?: PushRun;
  /**
   * The browser's file chooser (a hidden `<input type=file>`), set by the window at start;
   * absent in the desktop app, which has `dialog:openFile`, and in tests.
   */
  readonly browserFilePicker?: () => Promise<readonly File[]>;
  setBrowserFilePicker(pick: (() => Promise<readonly File[]>) | undefined): void;
  /** Ctrl+O, the toolbar's Push… and the sheet's Add files…: choose files, then offer them. */
  requestPush(target?: Partial<PaneTarget>): void;
  /** Files dropped or opened with the app: open the sheet with them (or add them to it). */
  offerFiles(files: readonly PushFile[], target?: Partial<PaneTarget>): void;
  /** Files dropped on the window: paths where the host can tell, else the files themselves. */
  dropFiles(files: readonly File[], target?: Partial<PaneTarget>): void;
  inspectPushFile(file: PushFile): Promise<FileFacts>;
  /** Whether `tag` exists in `repository` (`oras://HOST/REPO`). */
  checkTag(repository: string, tag: string): Promise<TagCheck>;
  /**
   * Copies, signs and queues the pushes; on success the sheet closes and the drawer shows the
   * first new row. Resolves with the keys of the items queued (the sheet drops them).
   */
  startPush(items: readonly PushItem[], signing?: Signing): Promise<readonly string[]>;
  /** Stops copying files to the host (a signature already under way finishes). */
  cancelPushRun(): void;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Creates the push slice. */
export const createPushSlice: SliceOf<PushSlice> = (host) => (set, get) => {
  let running: AbortController | undefined;
  return {
    setBrowserFilePicker: (pick) => set({ browserFilePicker: pick }),
    requestPush(target) {
      const state = get();
      if (!state.desktopHost && state.browserFilePicker) {
        void state
          .browserFilePicker()
          .then((files) => files.length && get().dropFiles(files, target));
        return;
      }
      if (!state.desktopHost) return state.offerFiles([], target);
      host
        .invoke('dialog:openFile', {
          title: 'Choose SIF files to push',
          sifOnly: true,
          multiple: true,
        })
        .then(({ paths }) => {
          if (paths.length === 0) return;
          get().offerFiles(
            paths.map((path) => ({ name: baseName(path), size: -1, path })),
            target,
          );
        })
        .catch((err: unknown) =>
          get().notify({
            tone: 'danger',
            title: 'Could not open files',
            body: errorState(err).message,
          }),
        );
    },
    offerFiles(files, target) {
      const open = get().dialog;
      if (open?.kind === 'push') {
        get().openDialog({
          ...open,
          files: [...open.files, ...files],
          target: open.target ?? target,
        });
      } else {
        get().openDialog({ kind: 'push', files, target });
      }
    },
    dropFiles(files, target) {
      const state = get();
      const offered = files.map((file): PushFile => {
        if (state.desktopHost && host.pathForFile) {
          try {
            return { name: file.name, size: file.size, path: host.pathForFile(file) };
          } catch {
            // no path for this one (a file from another app's memory): keep the bytes
          }
        }
        return { name: file.name, size: file.size, file };
      });
      state.announce(`${plural(offered.length, 'file')} ready to push`);
      state.offerFiles(offered, target);
    },
    inspectPushFile: (file) => inspectPushFile(host, file),
    checkTag: (repository, tag) => checkTagOn(host, repository, tag),
    async startPush(items, signing) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      set({ pushRun: { step: 'Starting' } });
      const outcome = await runPushes(
        host,
        items,
        signing,
        (run) => set({ pushRun: run }),
        controller.signal,
      );
      if (running === controller) running = undefined;
      for (const { job } of outcome.jobs) get().jobChanged(job);
      const first = outcome.jobs[0]?.job;
      if (first) get().selectTransfer(first.id, get().settings.openDrawerOnTransfer);
      if (outcome.error) set({ pushRun: { step: 'Stopped', error: outcome.error } });
      else {
        set({ pushRun: undefined });
        if (!controller.signal.aborted) get().closeDialog();
      }
      return outcome.jobs.map((j) => j.key);
    },
    cancelPushRun() {
      running?.abort();
      running = undefined;
      set({ pushRun: undefined });
    },
  };
};
