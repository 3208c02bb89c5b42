import type { TestBedInfo } from '../../support/testbed-types.js';
import { RegistryClient } from '../../../main/engine/registry/client.js';
import { resolveManifest } from '../../../main/engine/registry/manifests.js';
import { parseReference } from '../../../main/engine/registry/reference.js';
import { pushSif } from '../../../main/engine/transfers/push.js';
import type { BedRegistry } from '../harness/bed-accounts.js';

/**
 * Images put in the test bed with the engine before a window test (what is being tested is
 * the window, not the push), and what a registry holds afterwards, asked the same way.
 */
export class BedImages {
  constructor(private readonly bed: TestBedInfo) {}

  /** A client of `registry` logged in as `tester`; the caller closes it. */
  client(registry: BedRegistry): RegistryClient {
    const { username, password } = this.bed.users.tester;
    return new RegistryClient({
      registry: this.bed[registry].host,
      ...(registry === 'tls' ? { tls: { caFile: this.bed.caFile } } : { plainHttp: true }),
      credentials: { kind: 'basic', username, password },
    });
  }

  /** `oras://HOST/REPO:TAG` on `registry`. */
  reference(registry: BedRegistry, repository: string, tag: string): string {
    return `oras://${this.bed[registry].host}/${repository}:${tag}`;
  }

  /** Pushes `file` as `repository:tag` on `registry`; answers the reference. */
  async push(registry: BedRegistry, file: string, repository: string, tag: string) {
    const reference = this.reference(registry, repository, tag);
    const client = this.client(registry);
    try {
      const { manifestDigest } = await pushSif({
        client,
        file,
        reference: parseReference(reference),
      });
      return { reference, digest: manifestDigest };
    } finally {
      client.close();
    }
  }

  /** The digest `repository:tag` resolves to on `registry`, or undefined when it is gone. */
  async digest(
    registry: BedRegistry,
    repository: string,
    tag: string,
  ): Promise<string | undefined> {
    const client = this.client(registry);
    try {
      return await resolveManifest(client, repository, tag);
    } finally {
      client.close();
    }
  }
}
