import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

import { COMMANDS } from './command-list.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/sifport.js`;
const built = existsSync(`${root}dist/cli/sifport.mjs`);

const skip = !built && 'dist/cli/sifport.mjs is not built (npm run build:node)';

describe('bin/sifport.js (what `npx sifport` runs)', () => {
  it(
    'runs the built CLI: --help lists every command, --version is the package version',
    { skip },
    async () => {
      const help = await run(process.execPath, [bin, '--help']);
      for (const command of COMMANDS)
        assert.match(help.stdout, new RegExp(`sifport ${command.name} `));
      const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
      const version = await run(process.execPath, [bin, '--version']);
      assert.equal(version.stdout.trim(), `sifport ${pkg.version}`);
    },
  );

  it('a usage error exits 2 with one line on stderr', { skip }, async () => {
    await assert.rejects(
      run(process.execPath, [bin, 'push']),
      (err: { code?: number; stderr?: string }) => {
        assert.equal(err.code, 2);
        assert.equal(err.stderr?.trim().split('\n').length, 1, err.stderr);
        return true;
      },
    );
  });
});
