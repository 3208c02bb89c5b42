import type { ProviderId } from '../../store/domain.js';
import type { SliceOf } from '../../store/slice.js';
import type { SifportState } from '../../store/store.js';

/** What fills the main area (UI.md §3). The explorer's panes say which repositories. */
export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'explorer' }
  | { readonly kind: 'inspector'; readonly path: string; readonly name?: string }
  | { readonly kind: 'keys' }
  | { readonly kind: 'settings'; readonly section?: string };

/**
 * One explorer pane's repository: `registry` is the host, `repository` the path on it. An
 * element that stands for a repository (a sidebar row, a pane) carries it as
 * `data-push-target` (see {@link pushTargetAttribute}), so a file dropped on it is pushed there.
 */
export interface PaneTarget {
  readonly accountId: string;
  readonly registry: string;
  readonly repository: string;
}

/** A file offered to the push sheet: a path from the host, or a browser `File` to upload. */
export interface PushFile {
  readonly name: string;
  readonly size: number;
  readonly path?: string;
  readonly file?: File;
}

/** The one modal dialog or sheet open at a time (UI.md §3 S2, S7, S8, S11, S14). */
export type DialogState =
  | { readonly kind: 'add-account'; readonly provider?: ProviderId; readonly input?: string }
  | { readonly kind: 'import-accounts' }
  | { readonly kind: 'add-repository'; readonly accountId: string }
  | { readonly kind: 'remove-account'; readonly accountId: string }
  | { readonly kind: 'export-account'; readonly accountId: string }
  | {
      readonly kind: 'push';
      readonly files: readonly PushFile[];
      readonly target?: Partial<PaneTarget>;
    }
  | { readonly kind: 'pull'; readonly references: readonly string[] }
  | {
      readonly kind: 'copy';
      readonly references: readonly string[];
      /** Where to copy to, when known (rows dragged onto the other explorer pane). */
      readonly target?: Partial<PaneTarget>;
    }
  | { readonly kind: 'delete'; readonly references: readonly string[] }
  | { readonly kind: 'sign'; readonly path: string }
  | { readonly kind: 'palette'; readonly query?: string }
  | { readonly kind: 'shortcuts' };

/** The state of one dialog kind, as its component receives it. */
export type DialogOf<K extends DialogState['kind']> = Extract<DialogState, { kind: K }>;

/** What the dialog host gives the component of dialog kind `K` ({@link DialogState}). */
export interface DialogProps<K extends DialogState['kind']> {
  readonly dialog: DialogOf<K>;
  readonly onClose: () => void;
}

/** Which parts of the frame show (UI.md §1; Ctrl+B, Ctrl+J, Ctrl+I, Ctrl+\). */
export interface FrameLayout {
  readonly sidebar: boolean;
  readonly drawer: boolean;
  readonly details: boolean;
  readonly split: boolean;
}

interface Place {
  readonly screen: Screen;
  readonly panes: readonly (PaneTarget | undefined)[];
}

/** The view slice: where the user is, what is open, and the back/forward history. */
export interface ViewSlice {
  readonly screen: Screen;
  /** The explorer's panes: one, or two side by side when `frame.split`. */
  readonly panes: readonly (PaneTarget | undefined)[];
  readonly activePane: number;
  readonly frame: FrameLayout;
  readonly dialog?: DialogState;
  readonly back: readonly Place[];
  readonly forward: readonly Place[];
  navigate(screen: Screen): void;
  /** Opens a repository in the explorer, in the active pane or in `pane`. */
  openRepository(target: PaneTarget, pane?: number): void;
  setActivePane(pane: number): void;
  goBack(): void;
  goForward(): void;
  toggleFrame(part: keyof FrameLayout, open?: boolean): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
}

const HISTORY = 50;
/** Recent repositories kept per account (UI.md S3: "20 recent"). */
const RECENT = 20;

/** Puts `target` first in its account's recent repositories (kept in the settings). */
function rememberRecent(get: () => SifportState, target: PaneTarget): void {
  const { settings, updateSettings } = get();
  const recent = settings.recentRepositories[target.accountId] ?? [];
  if (recent[0] === target.repository) return;
  const next = [target.repository, ...recent.filter((r) => r !== target.repository)];
  void updateSettings({
    recentRepositories: {
      ...settings.recentRepositories,
      [target.accountId]: next.slice(0, RECENT),
    },
  });
}

function samePlace(a: Place, b: Place): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Creates the view slice; every move records the place left for Alt+← / Alt+→. */
export const createViewSlice: SliceOf<ViewSlice> = () => (set, get) => {
  const moveTo = (next: Place): void => {
    const here: Place = { screen: get().screen, panes: get().panes };
    if (samePlace(here, next)) return;
    set({ ...next, back: [...get().back, here].slice(-HISTORY), forward: [] });
  };
  return {
    screen: { kind: 'home' },
    panes: [undefined, undefined],
    activePane: 0,
    frame: { sidebar: true, drawer: false, details: true, split: false },
    back: [],
    forward: [],
    navigate: (screen) => moveTo({ screen, panes: get().panes }),
    openRepository(target, pane = get().activePane) {
      const panes = [...get().panes];
      panes[pane] = target;
      moveTo({ screen: { kind: 'explorer' }, panes });
      set({ activePane: pane, frame: pane === 1 ? { ...get().frame, split: true } : get().frame });
      rememberRecent(get, target);
    },
    setActivePane: (pane) => set({ activePane: pane }),
    goBack() {
      const back = [...get().back];
      const to = back.pop();
      if (!to) return;
      const here: Place = { screen: get().screen, panes: get().panes };
      set({ ...to, back, forward: [here, ...get().forward] });
    },
    goForward() {
      const [to, ...forward] = get().forward;
      if (!to) return;
      const here: Place = { screen: get().screen, panes: get().panes };
      set({ ...to, forward, back: [...get().back, here] });
    },
    toggleFrame(part, open) {
      const frame = get().frame;
      const value = open ?? !frame[part];
      set({
        frame: { ...frame, [part]: value },
        activePane: part === 'split' && !value ? 0 : get().activePane,
      });
    },
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: undefined }),
  };
};

/** The `data-push-target` value of an element standing for `target`. */
export function pushTargetAttribute(target: Partial<PaneTarget>): string {
  return JSON.stringify(target);
}
