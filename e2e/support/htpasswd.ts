import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { Credentials } from './testbed-accounts.js';

const run = promisify(execFile);

/**
 * Writes an htpasswd file with bcrypt hashes (the only kind distribution 2.8 accepts) using the
 * `htpasswd` binary from apache2-utils, since Node has no bcrypt. The file is replaced.
 */
export async function writeHtpasswd(file: string, users: readonly Credentials[]): Promise<void> {
  let create = true;
  for (const user of users) {
    // -b takes the password from the command line: fine for fixed test passwords.
    await run('htpasswd', [create ? '-Bbc' : '-Bb', file, user.username, user.password]);
    create = false;
  }
}
