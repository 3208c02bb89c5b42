import { FsType } from '../format/codes.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { describeCause, isSifError } from '../format/errors.js';
import type { ContainerMetadata } from './inspect-metadata.js';
import { stringMap } from './inspect-metadata.js';
import type { SifImage } from '../format/load.js';
import { Squashfs } from './squashfs.js';

/** Largest file read from the root file system for inspection, in bytes. */
const MAX_FILE_BYTES = 1024 * 1024;

const FILES = {
  labels: '/.singularity.d/labels.json',
  runscript: '/.singularity.d/runscript',
  startscript: '/.singularity.d/startscript',
  test: '/.singularity.d/test',
  helpfile: '/.singularity.d/runscript.help',
  /** Where images built before apptainer 3.7 keep the definition file (no Def.FILE object). */
  deffile: '/.singularity.d/Singularity',
} as const;

/** Environment scripts apptainer's `inspect --environment` shows. */
const ENVIRONMENT_FILES = ['90-environment.sh', '91-environment.sh'];

/**
 * Reads labels, environment, runscript, start script, test, help and the definition file from
 * `/.singularity.d` in
 * the primary squashfs partition, for images built before apptainer stored
 * `inspect-metadata.json` (spec A9). Returns a plain-language reason instead when the
 * partition is missing, encrypted, not squashfs, compressed with something other than gzip,
 * or unreadable.
 */
export async function readRootfsMetadata(
  image: SifImage,
  primary: SifDescriptor | undefined,
): Promise<ContainerMetadata | string> {
  const info = primary?.details.kind === 'partition' ? primary.details : undefined;
  if (!primary || !info) return 'no primary system partition, so /.singularity.d could not be read';
  if (info.encrypted) {
    return `the root file system (object ${primary.id}) is encrypted; labels, environment and scripts cannot be read without its key`;
  }
  if (info.fsType !== FsType.squashfs) {
    return `the root file system (object ${primary.id}) is ${info.fsTypeName}, not squashfs; labels, environment and scripts are not available`;
  }
  try {
    const fs = await Squashfs.open(image.source, primary);
    const text = async (path: string) => {
      const bytes = await fs.readFile(path, MAX_FILE_BYTES);
      return bytes ? new TextDecoder().decode(bytes) : undefined;
    };
    const out: Record<string, unknown> = {};
    const labels = stringMap(await text(FILES.labels));
    if (labels) out.labels = labels;
    const environment: [string, string][] = [];
    for (const name of ENVIRONMENT_FILES) {
      const body = await text(`/.singularity.d/env/${name}`);
      if (body !== undefined) environment.push([name, body]);
    }
    if (environment.length > 0) out.environment = Object.fromEntries(environment);
    for (const key of ['runscript', 'startscript', 'test', 'helpfile', 'deffile'] as const) {
      const body = await text(FILES[key]);
      if (body !== undefined) out[key] = body;
    }
    return out as ContainerMetadata;
  } catch (error) {
    if (!isSifError(error)) throw error;
    return `the root file system (object ${primary.id}) could not be read: ${describeCause(error)}`;
  }
}
