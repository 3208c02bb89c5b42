import type { SliceOf } from '../../store/slice.js';
import type { PaneTarget, PushFile } from '../shell/view-slice.js';

/** The push slice (S7): how files reach the push sheet. */
export interface PushSlice {
  /** Ctrl+O and the toolbar's Push…: choose files, then open the sheet. */
  requestPush(target?: Partial<PaneTarget>): void;
  /** Files dropped or opened with the app: open the sheet with them. */
  offerFiles(files: readonly PushFile[], target?: Partial<PaneTarget>): void;
}

/** Creates the push slice. */
export const createPushSlice: SliceOf<PushSlice> = () => (_set, get) => ({
  requestPush: (target) => get().openDialog({ kind: 'push', files: [], target }),
  offerFiles: (files, target) => get().openDialog({ kind: 'push', files, target }),
});
