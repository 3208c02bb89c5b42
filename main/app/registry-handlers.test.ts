import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import {
  loadTestBed,
  SIGNED_SIF,
  TEST_FINGERPRINT,
  testBedSkipReason,
  UNSIGNED_SIF,
} from '../../e2e/kit/index.js';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { RegistryClient } from '../engine/registry/client.js';
import { getManifest, putManifest } from '../engine/registry/manifests.js';
import { parseReference } from '../engine/registry/reference.js';
import { pushSif } from '../engine/transfers/push.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { sessionAccounts } from './session-accounts.js';

const bed = loadTestBed();

/** The handler table over in-memory accounts (the open registry needs no login). */
function handlers() {
  const session = sessionAccounts();
  return createHandlers(testHandlerDeps({ ...session, emit: () => undefined }));
}

async function ok<T>(channel: string, request: unknown): Promise<T> {
  const envelope = await dispatch(handlers(), channel, request);
  assert.ok(envelope.ok, `${channel}: ${JSON.stringify(envelope)}`);
  return envelope.value as T;
}

async function fails(channel: string, request: unknown) {
  const envelope = await dispatch(handlers(), channel, request);
  assert.equal(envelope.ok, false, `${channel} should fail`);
  return !envelope.ok ? envelope.error : assert.fail('unreachable');
}

test('registry channels refuse bad input before reaching a registry', async () => {
  const tooMany = Array.from({ length: 101 }, (_, i) => `t${i}`);
  const details = await fails('registry:details', {
    repository: 'oras://127.0.0.1:9/r',
    tags: tooMany,
  });
  assert.equal(details.code, 'USAGE');
  assert.match(details.message, /tags/);
  assert.equal((await fails('registry:delete', { reference: 'oras://x/y:z' })).code, 'USAGE');
  const badRef = await fails('registry:manifest', { reference: 'oras://Bad/UPPER:x' });
  assert.equal(badRef.code, 'REFERENCE_INVALID');
  assert.equal((await fails('registry:peek', { reference: 'x'.repeat(1025) })).code, 'USAGE');
});

describe(
  'registry channels against the open test registry',
  { skip: bed ? false : testBedSkipReason },
  () => {
    let client: RegistryClient;
    let repo: string;
    let base: string;
    let signedDigest: string;
    let unsignedDigest: string;

    before(async () => {
      client = new RegistryClient({ registry: bed!.open.host });
      repo = `handlers/explorer-${Date.now().toString(36)}`;
      base = `oras://${bed!.open.host}/${repo}`;
      const push = async (file: string, tag: string) =>
        (await pushSif({ client, file, reference: parseReference(`${base}:${tag}`) }))
          .manifestDigest;
      signedDigest = await push(SIGNED_SIF, 'signed');
      unsignedDigest = await push(UNSIGNED_SIF, '0.7.18');
      // Two more tags on the signed digest: deleting it takes all three.
      const fetched = await getManifest(client, repo, 'signed');
      for (const tag of ['latest', 'stable']) {
        await putManifest(client, repo, tag, fetched.bytes, fetched.mediaType);
      }
    });
    after(() => client.close());

    test('registry:manifest gives the parsed manifest, its exact bytes and the config', async () => {
      const answer = await ok<{
        digest: string;
        mediaType: string;
        size: number;
        manifest: { layers: { annotations: Record<string, string> }[] };
        raw: string;
        rawEncoding: string;
        config?: { json?: unknown; size: number };
      }>('registry:manifest', { reference: `${base}:signed` });
      const fetched = await getManifest(client, repo, 'signed');
      assert.equal(answer.digest, signedDigest);
      assert.equal(answer.mediaType, 'application/vnd.oci.image.manifest.v1+json');
      assert.equal(answer.rawEncoding, 'utf8');
      assert.ok(Buffer.from(answer.raw, 'utf8').equals(fetched.bytes), 'raw is the digested bytes');
      assert.equal(answer.size, fetched.bytes.length);
      assert.equal(
        answer.manifest.layers[0]?.annotations['org.opencontainers.image.title'],
        'signed.sif',
      );
      assert.deepEqual(answer.config?.json, {});
      const missing = await fails('registry:manifest', { reference: `${base}:nope` });
      assert.equal(missing.code, 'NOT_FOUND');
    });

    test('registry:peek reads header, objects, deffile and signers by Range', async () => {
      const peek = await ok<{
        manifestDigest: string;
        bytesRead: number;
        totalBytes: number;
        requests: number;
        wholeBlob: boolean;
        report: {
          objects: { id: number; typeLabel: string; raw?: unknown }[];
          signatures: { fingerprint?: string }[];
          deffile?: string;
        };
      }>('registry:peek', { reference: `${base}:signed` });
      assert.equal(peek.manifestDigest, signedDigest);
      assert.equal(peek.totalBytes, (await readFile(SIGNED_SIF)).length);
      assert.ok(peek.bytesRead > 0 && peek.requests > 0);
      assert.equal(peek.wholeBlob, false);
      assert.deepEqual(
        peek.report.signatures.map((s) => s.fingerprint),
        [TEST_FINGERPRINT],
      );
      assert.match(peek.report.deffile ?? '', /Bootstrap/i);
      assert.ok(peek.report.objects.length >= 3);
      assert.ok(
        peek.report.objects.every((o) => o.raw === undefined),
        'no raw descriptor bytes',
      );
    });

    test('registry:details describes each tag and reports a missing one in its row', async () => {
      const { details } = await ok<{
        details: Array<
          | { tag: string; ok: true; digest: string; size: number; isSif: boolean; title?: string }
          | { tag: string; ok: false; error: { code: string } }
        >;
      }>('registry:details', { repository: base, tags: ['signed', '0.7.18', 'gone'] });
      assert.deepEqual(
        details.map((d) => d.tag),
        ['signed', '0.7.18', 'gone'],
      );
      const [signed, unsigned, gone] = details;
      assert.ok(signed?.ok && unsigned?.ok);
      assert.equal(signed.digest, signedDigest);
      assert.equal(unsigned.digest, unsignedDigest);
      assert.equal(signed.isSif, true);
      assert.equal(signed.title, 'signed.sif');
      assert.ok(signed.size > (await readFile(SIGNED_SIF)).length - 1);
      assert.ok(gone && !gone.ok);
      assert.equal(gone.error.code, 'NOT_FOUND');
    });

    test('registry:delete: a dry run lists every tag on the digest; a real run needs the digest', async () => {
      const single = await ok<{ digest: string; tags: string[]; deleted: boolean }>(
        'registry:delete',
        { reference: `${base}:0.7.18`, dryRun: true },
      );
      assert.deepEqual(single, { digest: unsignedDigest, tags: ['0.7.18'], deleted: false });
      const shared = await ok<{ digest: string; tags: string[] }>('registry:delete', {
        reference: `${base}:stable`,
        dryRun: true,
      });
      assert.deepEqual(shared.tags, ['latest', 'signed', 'stable']);
      const byTag = await fails('registry:delete', { reference: `${base}:stable`, dryRun: false });
      assert.equal(byTag.code, 'USAGE');
      assert.match(byTag.message, /dry run/);
      assert.ok((await getManifest(client, repo, 'stable')).digest === signedDigest, 'kept');
      const deleted = await ok<{ digest: string; tags: string[]; deleted: boolean }>(
        'registry:delete',
        { reference: `${base}@${signedDigest}`, dryRun: false },
      );
      assert.deepEqual(deleted, {
        digest: signedDigest,
        tags: ['latest', 'signed', 'stable'],
        deleted: true,
      });
      const again = await fails('registry:delete', {
        reference: `${base}@${signedDigest}`,
        dryRun: true,
      });
      assert.equal(again.code, 'NOT_FOUND');
    });
  },
);
