/**
 * `npm run dist:dir`: packages the built app as electron-builder's unpacked `dir` target in
 * `release/`. Where no Electron binary exists (these machines), `electronDist` points at a
 * stand-in folder whose `electron` file carries only the fuse wire, so electron-builder's
 * real steps (file selection, asar with integrity, fuses) run and can be checked; the result
 * cannot start, and says so in its executable.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronBinary } from './electron-binary.js';

const root = new URL('..', import.meta.url).pathname;

/** Electron's fuse wire marker and its version-1 defaults (as shipped, before flipping). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSES = '10110001';

/** A folder with a stand-in `electron` executable holding Electron's fuse wire. */
async function standInElectronDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-electron-dist-'));
  const script = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\necho "This Sifport build was packaged without an Electron binary; it cannot run." >&2\nexit 1\n# ',
    ),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), script);
  await chmod(join(dir, 'electron'), 0o755);
  await mkdir(join(dir, 'resources'), { recursive: true });
  await writeFile(join(dir, 'LICENSE'), 'stand-in\n');
  await writeFile(join(dir, 'version'), '45.5.0\n');
  return dir;
}

const binary = electronBinary();
const electronDist = 'path' in binary ? dirname(binary.path) : await standInElectronDist();
if (!('path' in binary)) {
  process.stdout.write(`No Electron binary (${binary.reason}): packaging against a stand-in.\n`);
}
const child = spawn(
  'npx',
  ['electron-builder', '--dir', '--publish', 'never', `-c.electronDist=${electronDist}`],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } },
);
child.on('exit', (code) => process.exit(code ?? 1));
