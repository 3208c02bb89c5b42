import type { RequestOf, ResponseOf } from '../../../../shared/contract.js';
import type { LocalInspect } from '../../store/domain.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';
import { baseName } from '../push/push-names.js';

/** The SIF on show in the inspector, as far as it has been read. */
export interface Inspection {
  readonly path: string;
  readonly status: 'uploading' | 'loading' | 'ready' | 'failed';
  readonly result?: LocalInspect;
  readonly error?: ErrorState;
  /** Browser mode: the name of the file the user chose; `path` is Sifport's copy of it. */
  readonly uploadedFrom?: string;
}

/** A `sif:verify` of the inspected file (a full read of the image). */
export interface Verification {
  readonly path: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly result?: ResponseOf<'sif:verify'>;
  readonly error?: ErrorState;
}

/** The local inspector slice (S11). */
export interface InspectorSlice {
  readonly inspection?: Inspection;
  readonly verification?: Verification;
  /** Ctrl+Shift+O: choose a local SIF (native dialog, or the browser's picker) and inspect it. */
  requestInspect(): void;
  /** Opens the inspector on `path` and reads it. */
  inspectPath(path: string, name?: string): Promise<void>;
  /** Browser mode: uploads `file` to the host and inspects the copy. */
  inspectFile(file: File): Promise<void>;
  /** Reads `path` for the inspector (on show, and after signing). */
  loadInspection(path: string): Promise<void>;
  verifyInspected(): Promise<void>;
  /** Desktop: shows `path` in the file manager (a failure goes to the bell). */
  revealPath(path: string): void;
  /** Signs the inspected file (or a copy) and shows the file that now carries the signature. */
  signInspected(request: Omit<RequestOf<'sif:sign'>, 'path'>): Promise<ResponseOf<'sif:sign'>>;
}

/** Creates the local inspector slice over `dialog:openFile`, `sif:inspect`, `sif:verify`, `sif:sign`. */
export const createInspectorSlice: SliceOf<InspectorSlice> = (host) => (set, get) => ({
  requestInspect() {
    if (get().desktopHost) {
      void host
        .invoke('dialog:openFile', { sifOnly: true, title: 'Inspect a SIF image' })
        .then(({ paths }) => (paths[0] ? get().inspectPath(paths[0]) : undefined))
        .catch((err: unknown) =>
          get().notify({
            tone: 'danger',
            title: 'Could not open a file',
            body: errorState(err).message,
          }),
        );
      return;
    }
    // The browser's chooser (the push slice's, set by the window): the first file is inspected.
    void get()
      .browserFilePicker?.()
      .then(([file]) => (file ? get().inspectFile(file) : undefined));
  },
  async inspectPath(path, name) {
    get().navigate({ kind: 'inspector', path, ...(name ? { name } : {}) });
    await get().loadInspection(path);
  },
  async inspectFile(file) {
    get().navigate({ kind: 'inspector', path: '', name: file.name });
    set({ inspection: { path: '', status: 'uploading', uploadedFrom: file.name } });
    try {
      if (!host.uploadFile) throw new Error('This window cannot upload files.');
      const path = await host.uploadFile(file);
      // The upload's screen becomes the copy's, without a second history entry.
      set({ screen: { kind: 'inspector', path, name: file.name } });
      await get().loadInspection(path);
      set((s) => ({ inspection: s.inspection && { ...s.inspection, uploadedFrom: file.name } }));
    } catch (err) {
      set({
        inspection: { path: '', status: 'failed', error: errorState(err), uploadedFrom: file.name },
      });
    }
  },
  async loadInspection(path) {
    const keep = get().inspection?.path === path ? get().inspection?.uploadedFrom : undefined;
    set({ inspection: { path, status: 'loading', uploadedFrom: keep }, verification: undefined });
    try {
      const result = await host.invoke('sif:inspect', { path });
      if (get().inspection?.path !== path) return;
      set({ inspection: { path, status: 'ready', result, uploadedFrom: keep } });
    } catch (err) {
      if (get().inspection?.path !== path) return;
      set({ inspection: { path, status: 'failed', error: errorState(err), uploadedFrom: keep } });
    }
  },
  async verifyInspected() {
    const path = get().inspection?.path;
    if (!path) return;
    set({ verification: { path, status: 'running' } });
    try {
      const result = await host.invoke('sif:verify', { path });
      if (get().verification?.path !== path) return;
      set({ verification: { path, status: 'done', result } });
      get().announce(
        result.ok ? `Verified: ${result.message}` : `Does not verify: ${result.message}`,
      );
    } catch (err) {
      if (get().verification?.path !== path) return;
      set({ verification: { path, status: 'failed', error: errorState(err) } });
    }
  },
  revealPath(path) {
    host.invoke('shell:reveal', { path }).catch((err: unknown) =>
      get().notify({
        tone: 'danger',
        title: 'Could not show the file',
        body: errorState(err).message,
      }),
    );
  },
  async signInspected(request) {
    const path = get().inspection?.path;
    if (!path) throw new Error('No SIF is open in the inspector.');
    const signed = await host.invoke('sif:sign', { ...request, path });
    const count = signed.signatures.length;
    get().announce(
      `Signed: ${count} signature${count === 1 ? '' : 's'} added to ${baseName(signed.path)}.`,
    );
    if (signed.path === path) await get().loadInspection(path);
    else await get().inspectPath(signed.path);
    return signed;
  },
});
