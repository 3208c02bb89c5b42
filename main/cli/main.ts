import { SifportError, toSifportError } from '../engine/errors.js';
import { hasSwitch, parseArgs, splitCommand, usageError } from './args.js';
import { GLOBAL_FLAGS, type Command } from './command.js';
import { COMMANDS, findCommand } from './command-list.js';
import { CliContext } from './context.js';
import type { CliIo } from './io.js';
import { Output } from './output.js';
import { commandHelp, globalHelp, usageLine } from './usage.js';
import { sifportVersion } from './version.js';

export type { CliIo, TextSink } from './io.js';

/** Exit status after Ctrl-C, as shells report a SIGINT death (128 + 2). */
export const EXIT_INTERRUPTED = 130;
/** Exit status of a usage error. */
export const EXIT_USAGE = 2;

const ALL_FLAGS = [...GLOBAL_FLAGS, ...COMMANDS.flatMap((c) => c.flags)];
const COMMAND_NAMES = COMMANDS.map((c) => c.name).join(', ');

/** Adds the usage line to a usage error, so one stderr line says what to type. */
function withUsage(err: SifportError, command: Command | undefined): SifportError {
  if (err.code !== 'USAGE') return err;
  const text = err.message.replace(/\.?$/, '.');
  const usage = command
    ? `Usage: ${usageLine(command)} (see \`sifport ${command.name} --help\`).`
    : `Usage: sifport COMMAND [ARGS] with COMMAND one of ${COMMAND_NAMES} (see \`sifport --help\`).`;
  return new SifportError('USAGE', `${text} ${usage}`);
}

function checkArity(command: Command, positionals: readonly string[]): void {
  const { min, max } = command.arity;
  if (positionals.length < min) {
    throw usageError(`${command.name}: missing argument${min - positionals.length > 1 ? 's' : ''}`);
  }
  if (positionals.length > max) {
    throw usageError(`${command.name}: unexpected argument "${positionals[max]}"`);
  }
}

/**
 * Runs one `sifport` invocation in-process and returns its exit status: 0 success,
 * 1 failure, 2 usage error, 130 interrupted. Output goes to `io.stdout` (results, or one
 * JSON object with `--json`); a failure is one `sifport: …` line on `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io.stdout, io.stderr, hasSwitch(argv, '--json'));
  let command: Command | undefined;
  let context: CliContext | undefined;
  try {
    const { command: name, rest } = splitCommand(argv, ALL_FLAGS);
    if (name === undefined || name === 'help') {
      const topic = name === 'help' ? parseArgs(rest, GLOBAL_FLAGS).positionals[0] : undefined;
      if (topic !== undefined) {
        command = findCommand(topic);
        if (!command) throw usageError(`unknown command "${topic}"`);
        out.text(commandHelp(command));
        return 0;
      }
      if (name === undefined && hasSwitch(argv, '--version')) {
        const version = sifportVersion();
        if (out.json) out.result({ version });
        else out.text(`sifport ${version}`);
        return 0;
      }
      if (name === 'help' || hasSwitch(argv, '--help', '-h')) {
        out.text(globalHelp(COMMANDS, sifportVersion()));
        return 0;
      }
      parseArgs(rest, GLOBAL_FLAGS);
      throw usageError('missing command');
    }
    command = findCommand(name);
    if (!command) throw usageError(`unknown command "${name}"`);
    if (hasSwitch(rest, '--help', '-h')) {
      out.text(commandHelp(command));
      return 0;
    }
    const args = parseArgs(rest, [...GLOBAL_FLAGS, ...command.flags]);
    checkArity(command, args.positionals);
    context = new CliContext(io, out, args);
    await command.run(context);
    return 0;
  } catch (err) {
    const error = withUsage(toSifportError(err), command);
    out.error(error);
    if (io.signal?.aborted) return EXIT_INTERRUPTED;
    return error.code === 'USAGE' ? EXIT_USAGE : 1;
  } finally {
    await context?.close();
  }
}
