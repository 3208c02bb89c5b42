import type { SliceOf } from '../../store/slice.js';

/** Whether the window reached its host, and what kind of host it is. */
export type HostStatus = 'connecting' | 'ready' | 'absent' | 'lost';

/** The host slice: connection state (S14 "engine unreachable") and what the host can do. */
export interface HostSlice {
  readonly hostStatus: HostStatus;
  /**
   * The desktop app: dropped files have paths and native dialogs exist. False in the browser
   * mode, where dropped files are uploaded and paths are typed.
   */
  readonly desktopHost: boolean;
  /** Bumped by F5 / Ctrl+R: the screen on show reloads what it lists. */
  readonly refreshCount: number;
  /** Bumped by Ctrl+F: the screen on show focuses its filter. */
  readonly filterFocusCount: number;
  setHostStatus(status: HostStatus, desktop?: boolean): void;
  refresh(): void;
  focusFilter(): void;
}

/** Creates the host slice. */
export const createHostSlice: SliceOf<HostSlice> = () => (set, get) => ({
  hostStatus: 'connecting',
  desktopHost: false,
  refreshCount: 0,
  filterFocusCount: 0,
  setHostStatus: (hostStatus, desktop) =>
    set({ hostStatus, desktopHost: desktop ?? get().desktopHost }),
  refresh: () => set({ refreshCount: get().refreshCount + 1 }),
  focusFilter: () => set({ filterFocusCount: get().filterFocusCount + 1 }),
});
