/**
 * `npm start` (after `npm run build`): the desktop app where Electron's binary is installed;
 * elsewhere one line says why, and the browser mode serves the same window instead, so the
 * README's first command brings the window up on any machine. Arguments go to either.
 */
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.js';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const binary = electronBinary();
const [command, commandArgs] =
  'path' in binary
    ? [binary.path, ['dist/main/index.js', ...args]]
    : [process.execPath, ['dist/main/web.js', ...args]];
if (!('path' in binary)) {
  process.stdout.write(`Desktop app unavailable (${binary.reason}); starting the browser mode.\n`);
}
const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
