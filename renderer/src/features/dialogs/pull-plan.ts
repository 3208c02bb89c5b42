import type { RequestOf } from '../../../../shared/contract.js';
import { joinPath } from '../inspector/local-paths.js';
import { pullFileName } from './references.js';
import { parseTypedReference } from '../palette/oras-reference.js';

/** What the Pull dialog's fields say (UI.md S8). */
export interface PullChoices {
  readonly references: readonly string[];
  /** Absolute folder on the host's machine. */
  readonly folder: string;
  /** The file name, when pulling one reference (editable); several get `{repo}_{tag}.sif`. */
  readonly fileName?: string;
  readonly overwrite: boolean;
  /** Verify with the keyring: a required signer's fingerprint, or any signer (undefined). */
  readonly verify?: { readonly fingerprint?: string };
  /** Architecture for image indexes. */
  readonly arch?: string;
}

/** The file each reference is pulled to, in order. */
export function pullFileNames(choices: Pick<PullChoices, 'references' | 'fileName'>): string[] {
  return choices.references.map((reference, i) => {
    if (i === 0 && choices.references.length === 1 && choices.fileName) return choices.fileName;
    const parts = parseTypedReference(reference);
    return parts ? pullFileName(parts) : 'image.sif';
  });
}

/** The `transfer:pull` requests the dialog sends, one per reference. */
export function pullRequests(choices: PullChoices): RequestOf<'transfer:pull'>[] {
  const names = pullFileNames(choices);
  return choices.references.map((reference, i) => ({
    reference,
    destination: joinPath(choices.folder, names[i]!),
    ...(choices.overwrite ? { force: true } : {}),
    ...(choices.verify ? { verify: { ...choices.verify } } : {}),
    ...(choices.arch ? { arch: choices.arch } : {}),
  }));
}

/** A word for a shell: quoted when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The equivalent commands (UI.md S8 "CLI"): `sifport pull`, which does exactly what the
 * dialog does, verification included, and `apptainer pull`, which cannot verify while it
 * pulls (run `apptainer verify` after).
 */
export function pullCommands(choices: PullChoices): { sifport: string; apptainer: string } {
  const requests = pullRequests(choices);
  const sifport = requests.map((r) =>
    [
      'sifport pull',
      shellWord(r.reference),
      shellWord(r.destination),
      r.force ? '--force' : '',
      r.arch ? `--arch ${shellWord(r.arch)}` : '',
      r.verify ? (r.verify.fingerprint ? `--fingerprint ${r.verify.fingerprint}` : '--verify') : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  const apptainer = requests.map((r) =>
    ['apptainer pull', r.force ? '--force' : '', r.arch ? `--arch ${shellWord(r.arch)}` : '']
      .concat(shellWord(r.destination), shellWord(r.reference))
      .filter(Boolean)
      .join(' '),
  );
  return { sifport: sifport.join('\n'), apptainer: apptainer.join('\n') };
}

/** Whether the pulls fit: what they need and what the folder has, in words. */
export function spaceVerdict(
  needed: number,
  free: number | undefined,
  bytes: (n: number) => string,
): { readonly text: string; readonly short: boolean } {
  if (free === undefined)
    return { text: `needs ${bytes(needed)} · free space unknown`, short: false };
  if (needed > free) {
    return {
      text: `needs ${bytes(needed)} but only ${bytes(free)} is free: free some space or choose another folder`,
      short: true,
    };
  }
  return { text: `needs ${bytes(needed)} · ${bytes(free)} free`, short: false };
}
