import { repositoryProblem, tagProblem } from '../targets/target-rules.js';

/** Labels that name an image's version, in the order they are trusted. */
const VERSION_LABELS = [
  'org.opencontainers.image.version',
  'org.label-schema.version',
  'version',
  'Version',
];

/** The image's version from its labels (a valid tag), if one says it. */
export function versionLabel(labels: Readonly<Record<string, string>> = {}): string | undefined {
  for (const key of VERSION_LABELS) {
    const value = labels[key]?.trim();
    if (value && !tagProblem(value)) return value;
  }
  return undefined;
}

/** A file name made into a repository path component: lower case, runs of others as `-`. */
function asRepository(stem: string): string {
  return stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/**
 * What a file name says of where it goes (UI.md S7): `bwa_0.7.18.sif` → `bwa` : `0.7.18`,
 * `samtools-1.20.sif` → `samtools` : `1.20`, `ubuntu.sif` → `ubuntu` with no tag. A version
 * must start with a digit (or `v` and a digit) to be taken as one.
 */
export function nameParts(fileName: string): { repository: string; tag?: string } {
  const stem = fileName.replace(/\.sif$/i, '');
  const split = /^(.+?)[_:-](v?\d[A-Za-z0-9._-]*)$/.exec(stem);
  if (split && !tagProblem(split[2]!)) {
    const repository = asRepository(split[1]!);
    if (repository && !repositoryProblem(repository)) return { repository, tag: split[2]! };
  }
  return { repository: asRepository(stem) || 'image' };
}

/** The repository path in an account scoped to `namespace` (`lab` + `bwa` → `lab/bwa`). */
export function inNamespace(repository: string, namespace: string | undefined): string {
  if (!namespace || repository.startsWith(`${namespace}/`)) return repository;
  return `${namespace}/${repository}`;
}

/** The `apptainer push` line that does the same as the sheet (shell-quoted when needed). */
export function apptainerPush(fileName: string, reference: string): string {
  const quoted = /^[\w./@:+-]+$/.test(fileName) ? fileName : `'${fileName.replace(/'/g, `'\\''`)}'`;
  return `apptainer push ${quoted} ${reference}`;
}

/** A signed copy's path beside the original: `bwa.sif` → `bwa.signed.sif` (`-2`… when taken). */
export function signedCopyPath(path: string, attempt = 1): string {
  const suffix = attempt > 1 ? `.signed-${attempt}` : '.signed';
  return /\.sif$/i.test(path) ? path.replace(/\.sif$/i, `${suffix}.sif`) : `${path}${suffix}.sif`;
}

/** The last part of a path, on any platform. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
