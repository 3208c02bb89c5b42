import { SifportError } from '../engine/errors.js';

/** One command-line option. */
export interface FlagSpec {
  /** Long name without dashes: `ca-file`. */
  readonly name: string;
  /** One-letter alias without the dash: `u`. */
  readonly short?: string;
  /** Placeholder of the value (`FILE`); absent for a boolean switch. */
  readonly value?: string;
  /** One line for `--help`. */
  readonly help: string;
}

/** Options by long name (`true` for switches, the text for valued options) and the rest. */
export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | true>>;
  readonly positionals: readonly string[];
}

/** A usage error: exit status 2, the message says what is wrong and what to type. */
export function usageError(message: string): SifportError {
  return new SifportError('USAGE', message);
}

/**
 * True when `token` reads as an option: it starts with `-`, but is neither a lone `-` nor a
 * negative number (`--group -1` gives -1 to --group, which then says it must be positive).
 */
function isOption(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !/^-\d+(\.\d+)?$/.test(token);
}

function find(specs: readonly FlagSpec[], token: string): FlagSpec | undefined {
  if (token.startsWith('--')) return specs.find((s) => s.name === token.slice(2));
  return specs.find((s) => s.short !== undefined && s.short === token.slice(1));
}

/**
 * Parses options anywhere among the arguments: `--name`, `--name VALUE`, `--name=VALUE`,
 * `-x VALUE`; `--` ends the options and a lone `-` is an argument. Unknown options, missing
 * values and values given to switches are usage errors. A value may not start with `-`
 * unless written `--name=VALUE` or a negative number, so `-u --password-stdin` is not read
 * as a user name.
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq >= 0 ? token.slice(0, eq) : token;
    const spec = find(specs, name);
    if (!spec) throw usageError(`unknown option ${name}`);
    const shown = name;
    if (spec.value === undefined) {
      if (eq >= 0) throw usageError(`option ${shown} takes no value`);
      flags[spec.name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = token.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !isOption(next)) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') {
      throw usageError(`option ${shown} needs a value (${spec.value})`);
    }
    flags[spec.name] = value;
  }
  return { flags, positionals };
}

/**
 * Finds the command word: the first argument that is neither an option nor the value of a
 * known valued option, so global options may come before it (`sifport --json tags …`).
 * Returns the command and the arguments without it.
 */
export function splitCommand(
  argv: readonly string[],
  valued: readonly FlagSpec[],
): { command: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.startsWith('-') && token !== '-') {
      const spec = find(valued, token);
      if (spec?.value !== undefined && !token.includes('=')) i++;
      continue;
    }
    return { command: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: undefined, rest: [...argv] };
}

/** True when `argv` holds the switch before any `--`. */
export function hasSwitch(argv: readonly string[], ...names: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => names.includes(a));
}

/** Reads a valued option as a string, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a switch. */
export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

/**
 * Reads a valued option as a whole number from `min` to `max`, or undefined when absent; any
 * other value is a usage error naming the option and the range.
 */
export function integerFlag(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = stringFlag(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new SifportError(
      'USAGE',
      `--${name} takes a whole number from ${min} to ${max}, not "${value}".`,
    );
  }
  return n;
}
