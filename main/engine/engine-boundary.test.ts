import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

const engineDir = new URL('.', import.meta.url).pathname;
const IMPORT_RE =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
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
