/**
 * The `sifport` command (bin/sifport.js loads the built copy of this file): runs
 * {@link runCli} on the process's streams, turns the first Ctrl-C into a cancellation of
 * the running transfer (exit 130) and a second one into an immediate exit.
 */
import { EXIT_INTERRUPTED, runCli } from './cli/main.js';

const controller = new AbortController();
let interrupts = 0;
const onInterrupt = (): void => {
  interrupts++;
  if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
  controller.abort();
};
process.on('SIGINT', onInterrupt);
// `sifport tags … | head -1` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: touching process.stdin opens it, which only `login --password-stdin` needs.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  signal: controller.signal,
  columns: process.stderr.columns,
});
process.off('SIGINT', onInterrupt);
process.exitCode = code;
// After Ctrl-C something may still hold the event loop (a read of a terminal's stdin): leave.
if (controller.signal.aborted) process.exit(code);
