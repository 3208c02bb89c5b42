#!/usr/bin/env node
// The `sifport` command: loads the compiled CLI from dist/ (built by `npm run build:node`,
// which `npm ci` runs through the prepare script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'main', 'cli.js');

if (!existsSync(entry)) {
  process.stderr.write(
    `sifport is not built: run \`npm ci\` (or \`npm run build:node\`) in ${root}\n`,
  );
  process.exit(2);
}
await import(pathToFileURL(entry).href);
