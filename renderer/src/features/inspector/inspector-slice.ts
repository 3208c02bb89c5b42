import type { SliceOf } from '../../store/slice.js';

/** The local inspector slice (S11). */
export interface InspectorSlice {
  /** Ctrl+Shift+O: choose a local SIF and inspect it. */
  requestInspect(): void;
}

/** Creates the local inspector slice. */
export const createInspectorSlice: SliceOf<InspectorSlice> = () => (_set, get) => ({
  requestInspect: () =>
    get().notify({ tone: 'info', title: 'Inspecting a local SIF is not available yet.' }),
});
