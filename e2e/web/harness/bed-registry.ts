import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RegistryClient } from '../../../main/engine/registry/client.js';
import { listTags } from '../../../main/engine/registry/listing.js';
import { parseReference } from '../../../main/engine/registry/reference.js';
import { pullSif } from '../../../main/engine/transfers/pull.js';
import { pushSif } from '../../../main/engine/transfers/push.js';
import type { TestBedInfo } from '../../support/testbed-types.js';
import type { BedRegistry } from './bed-accounts.js';

/**
 * The registry side of a window test, seen without the window: what a test pushes before it
 * starts or checks after the window pushed, through the engine logged in as `tester`.
 */
export interface BedRegistryCheck {
  /** `oras://HOST/REPO` of a fresh repository name, unique to this run. */
  repository(prefix: string): string;
  /** The repository's tags (none when it does not exist). */
  tags(repository: string): Promise<string[]>;
  /** Pulls `reference` into `dir` and returns its bytes. */
  pull(reference: string, dir: string): Promise<Buffer>;
  /** Pushes `file` to `reference` (a tag that is there before the window opens). */
  push(file: string, reference: string): Promise<void>;
}

/** The {@link BedRegistryCheck} of one registry of the bed. */
export function bedRegistry(bed: TestBedInfo, name: BedRegistry): BedRegistryCheck {
  const endpoint = bed[name];
  const client = () =>
    new RegistryClient({
      registry: endpoint.host,
      plainHttp: name !== 'tls',
      tls: name === 'tls' ? { caFile: bed.caFile } : undefined,
      credentials: {
        kind: 'basic',
        username: bed.users.tester.username,
        password: bed.users.tester.password,
      },
    });
  const using = async <T>(body: (c: RegistryClient) => Promise<T>): Promise<T> => {
    const c = client();
    try {
      return await body(c);
    } finally {
      c.close();
    }
  };
  return {
    repository: (prefix) =>
      `oras://${endpoint.host}/web/${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    tags: (repository) =>
      using((c) =>
        listTags(c, parseReference(`${repository}:x`).repository).catch((err: { code?: string }) =>
          err.code === 'NOT_FOUND' ? [] : Promise.reject(err as Error),
        ),
      ),
    pull: (reference, dir) =>
      using(async (c) => {
        const destination = join(dir, `pulled-${Date.now()}.sif`);
        await pullSif({ client: c, reference: parseReference(reference), destination });
        try {
          return await readFile(destination);
        } finally {
          await rm(destination, { force: true });
        }
      }),
    push: (file, reference) =>
      using(async (c) => {
        await pushSif({ client: c, file, reference: parseReference(reference) });
      }),
  };
}
