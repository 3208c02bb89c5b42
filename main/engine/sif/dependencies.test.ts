import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const FOLDERS = ['../sif/', '../keys/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
/** The only packages the SIF engine and key store may import (besides `node:` built-ins). */
const ALLOWED = new Set(['openpgp']);

function importsOf(source: string): string[] {
  const found = source.matchAll(
    /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  );
  return [...found].map((m) => m[1] ?? m[2] ?? '');
}

describe('dependencies of main/engine/sif and main/engine/keys', () => {
  it('never import electron, and import only node built-ins, openpgp and each other', () => {
    for (const folder of FOLDERS) {
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
        for (const spec of importsOf(readFileSync(folder + file, 'utf8'))) {
          assert.ok(!/^electron(\/|$)/.test(spec), `${file} imports ${spec}`);
          if (spec.startsWith('.')) {
            assert.match(spec, /\.js$/, `${file}: relative import ${spec} must end in .js`);
            continue;
          }
          assert.ok(spec.startsWith('node:') || ALLOWED.has(spec), `${file} imports ${spec}`);
        }
      }
    }
  });
});
