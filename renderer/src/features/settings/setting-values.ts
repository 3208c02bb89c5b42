import { DEFAULT_SETTINGS } from '../../../../shared/settings-contract.js';

/** A choice of a drop-down list (the shape `ui/select.tsx` takes). */
export interface ValueOption {
  readonly value: string;
  readonly label: string;
}

/**
 * Why `path` cannot be the default pull folder, or undefined when it can: empty (the pull
 * dialog asks) or a full path on Linux, macOS or Windows. The host runs the pull, so a path
 * relative to nothing the user can see is refused rather than guessed.
 */
export function folderPathProblem(path: string): string | undefined {
  const value = path.trim();
  if (value === '') return undefined;
  if (value.startsWith('~')) {
    return 'Write the home folder out in full (for example /home/you/images): "~" is not expanded.';
  }
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value)) return undefined;
  return 'Use a full path, such as /home/you/images or C:\\Users\\you\\images.';
}

/** `values`, with `current` added in order when the list lacks it. */
function withCurrent(values: readonly number[], current: number): readonly number[] {
  return values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
}

/** Transfers at once, 1–6, the default marked (UI.md S13). */
export function concurrencyOptions(): ValueOption[] {
  return [1, 2, 3, 4, 5, 6].map((n) => ({
    value: String(n),
    label: n === DEFAULT_SETTINGS.concurrency ? `${n} (default)` : String(n),
  }));
}

const PULL_CONNECTIONS = [0, 1, 2, 4, 8, 16];

/**
 * Connections per pull of a large image, 0 being automatic (the default); a value set
 * elsewhere (the settings file) is offered too, so the list always shows what is in force.
 */
export function pullConnectionOptions(current: number): ValueOption[] {
  return withCurrent(PULL_CONNECTIONS, current).map((n) => ({
    value: String(n),
    label:
      n === 0
        ? 'Automatic (default): 4, or 1 on this machine'
        : n === 1
          ? '1 (one stream)'
          : String(n),
  }));
}

const HISTORY_SIZES = [50, 100, 250, 500, 1000, 2500, 5000];

/**
 * History sizes to choose from, the default marked; a value set elsewhere (the settings file,
 * the CLI) is offered too, so the list always shows what is in force.
 */
export function historyOptions(current: number): ValueOption[] {
  return withCurrent(HISTORY_SIZES, current).map((n) => ({
    value: String(n),
    label: `${n.toLocaleString('en-US')} transfers${n === DEFAULT_SETTINGS.historySize ? ' (default)' : ''}`,
  }));
}
