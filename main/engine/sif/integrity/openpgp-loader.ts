import type * as OpenpgpModule from 'openpgp';

/** The openpgp.js module. */
export type Openpgp = typeof OpenpgpModule;

let loading: Promise<Openpgp> | undefined;

/**
 * openpgp.js, loaded on first use: importing it costs about 0.1 s, which every `sifport`
 * command (and the unchanged re-push target of 0.5 s) would pay even when it never signs.
 */
export function loadOpenpgp(): Promise<Openpgp> {
  loading ??= import('openpgp');
  return loading;
}
