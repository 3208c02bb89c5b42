import type { SifportApi } from '../../../../shared/contract.js';
import { errorState } from '../../store/slice.js';
import type { PushFile } from '../shell/view-slice.js';
import { readFileFacts } from './sif-header.js';

/** What the push sheet knows of a file: a SIF's facts, or why it cannot be pushed. */
export type FileFacts =
  | {
      readonly ok: true;
      readonly size: number;
      readonly version: string;
      readonly arch: string;
      readonly signatures: number;
      readonly encrypted: boolean;
      readonly labels: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly size?: number; readonly why: string };

/** Whether a tag is on the registry already (UI.md S7 "tag exists"). */
export type TagCheck =
  | { readonly status: 'free' }
  | {
      readonly status: 'exists';
      readonly digest: string;
      /** RFC 3339, when the manifest says. */
      readonly created?: string;
    }
  /** The registry could not say (no access, offline…): the push may still work. */
  | { readonly status: 'unknown'; readonly message: string };

/**
 * Checks a file offered for push: with a path the host inspects it (`sif:inspect`); a browser
 * `File` is read here, header and descriptor table only (spec sif.md A7).
 */
export async function inspectPushFile(host: SifportApi, file: PushFile): Promise<FileFacts> {
  if (file.path) {
    try {
      const { size, report } = await host.invoke('sif:inspect', { path: file.path });
      return {
        ok: true,
        size,
        version: '01',
        arch: report.primaryArch,
        signatures: report.signatures.length,
        encrypted: report.encrypted,
        labels: report.metadata.labels ?? {},
      };
    } catch (err) {
      return { ok: false, why: errorState(err).message };
    }
  }
  if (!file.file) return { ok: false, why: 'the window has neither the file nor its path' };
  const facts = await readFileFacts(file.file).catch((err: unknown) => ({
    ok: false as const,
    why: `it could not be read (${errorState(err).message})`,
  }));
  return { ...facts, size: file.file.size };
}

/** Asks the registry about `tag` in `repository` (`oras://HOST/REPO`) with `registry:details`. */
export async function checkTagOn(
  host: SifportApi,
  repository: string,
  tag: string,
): Promise<TagCheck> {
  try {
    const [details] = (await host.invoke('registry:details', { repository, tags: [tag] })).details;
    if (details?.ok) return { status: 'exists', digest: details.digest, created: details.created };
    if (!details || details.error.code === 'NOT_FOUND') return { status: 'free' };
    return { status: 'unknown', message: details.error.message };
  } catch (err) {
    const error = errorState(err);
    return error.code === 'NOT_FOUND'
      ? { status: 'free' }
      : { status: 'unknown', message: error.message };
  }
}
