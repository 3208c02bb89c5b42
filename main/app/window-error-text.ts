import type { ErrorInfo } from '../../shared/error-codes.js';

/**
 * The engine's messages end with the command-line step that fixes them ("run `sifport login
 * ghcr.io` again"), which is right in a terminal. The window answers each code with a button
 * of its own (Log in again, Add by name, Remove…), so before an error crosses to the
 * renderer its CLI steps become the window's words. Rules are tried in order; a message
 * without a CLI step passes unchanged.
 */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/Log in with `sifport login REGISTRY`/g, 'Log in again'],
  [/[Cc]heck them and run `sifport login [^`]+` again\./g, 'Check them, then use Log in again.'],
  [/: run `sifport login ([^`]+)`\./g, ': log in to $1 again.'],
  [/[Rr]un `sifport login ([^`]+)`\./g, 'Log in to $1 again.'],
  [/Log in with `sifport login ([^`]+)`/g, 'Log in to $1'],
  [/ \(`sifport login [^`]+`\)/g, ''],
  [/name instead \(e\.g\. `sifport tags [^`]+`\)/g, 'name instead (Add by name…)'],
  [/ \(`sifport tags [^`]+`\)/g, ''],
  [/ \(`sifport accounts rm [^`]+`\)/g, ''],
];

/** `message` with the engine's command-line steps said as the window's actions. */
export function windowWording(message: string): string {
  return RULES.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
}

/** The error as the window shows it (code, retryable and detail unchanged). */
export function forWindow<E extends ErrorInfo | undefined>(error: E): E {
  return (error && { ...error, message: windowWording(error.message) }) as E;
}
