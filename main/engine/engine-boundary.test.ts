import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

const engineDir = new URL('.', import.meta.url).pathname;
const repoDir = new URL('../../', import.meta.url).pathname;
const sifDir = join(engineDir, 'sif');
/** Folders whose code may reach SIF modules only through `sif/index.ts`. */
const SIF_CLIENT_DIRS = ['main', 'e2e', 'scripts', 'preload', 'shared', 'renderer'];
/** The only packages the SIF engine and key store may import (besides `node:` built-ins). */
const SIF_ALLOWED_PACKAGES = new Set(['openpgp']);
const IMPORT_RE =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'testdata') continue;
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every module specifier imported by a source text. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

test('the import scanner sees static, dynamic and require imports', () => {
  // Built from parts so that text searches for engine imports of Electron stay clean.
  const pkg = ['elec', 'tron'].join('');
  const found = importsOf(
    `import { app } from '${pkg}';\nconst x = await import('${pkg}/main');\nrequire('fs');`,
  );
  assert.deepEqual(found, [pkg, `${pkg}/main`, 'fs']);
});

test('no engine module imports electron (the engine stays plain Node)', async () => {
  const files = await sourceFiles(engineDir);
  assert.ok(files.length > 10, 'the engine folder was found and has modules');
  const offenders: string[] = [];
  for (const file of files) {
    if (file.endsWith('engine-boundary.test.ts')) continue;
    const imports = importsOf(await readFile(file, 'utf8'));
    if (imports.some((s) => s === 'electron' || s.startsWith('electron/'))) offenders.push(file);
  }
  assert.deepEqual(offenders, []);
});

/** True when `file` lies inside `dir` (or is it). */
function isInside(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

test('outside main/engine/sif, SIF code is imported only through sif/index.ts', async () => {
  const offenders: string[] = [];
  for (const dir of SIF_CLIENT_DIRS) {
    const files = await sourceFiles(join(repoDir, dir)).catch(() => []);
    for (const file of files) {
      if (isInside(file, sifDir)) continue;
      for (const spec of importsOf(await readFile(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!isInside(target, sifDir)) continue;
        const inner = relative(sifDir, target);
        if (inner !== 'index.js') {
          offenders.push(`${relative(repoDir, file)} imports ${spec}`);
        }
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('main/engine/sif and main/engine/keys import only node built-ins, openpgp and each other', async () => {
  const offenders: string[] = [];
  const files = [...(await sourceFiles(sifDir)), ...(await sourceFiles(join(engineDir, 'keys')))];
  assert.ok(files.length > 30, 'the sif and keys folders were walked, subfolders included');
  for (const file of files) {
    for (const spec of importsOf(await readFile(file, 'utf8'))) {
      const ok = spec.startsWith('.')
        ? spec.endsWith('.js')
        : spec.startsWith('node:') || SIF_ALLOWED_PACKAGES.has(spec);
      if (!ok) offenders.push(`${relative(repoDir, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
