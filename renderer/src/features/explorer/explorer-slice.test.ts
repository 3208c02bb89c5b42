import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Channel, RequestOf, ResponseOf, SifportApi } from '../../../../shared/contract.js';
import { SifportCallError } from '../../../../preload/envelope.js';
import { createSifportStore } from '../../store/store.js';
import { activeTag, paneStateOf } from './explorer-slice.js';

const TARGET = { accountId: 'a1', registry: 'reg.example', repository: 'lab/bwa' };

/** A host that answers `registry:tags` and `registry:details` from `answers`, recording calls. */
function fakeHost(answers: {
  tags?: () => Promise<string[]>;
  details?: (tags: string[]) => Promise<ResponseOf<'registry:details'>>;
  manifest?: () => Promise<ResponseOf<'registry:manifest'>>;
}) {
  const calls: { channel: Channel; request: unknown }[] = [];
  const host: SifportApi = {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push({ channel, request });
      if (channel === 'registry:tags') {
        return { tags: await (answers.tags ?? (async () => ['v1', 'v2']))() } as ResponseOf<C>;
      }
      if (channel === 'registry:details') {
        const tags = (request as RequestOf<'registry:details'>).tags;
        return (await answers.details!(tags)) as ResponseOf<C>;
      }
      if (channel === 'registry:manifest') return (await answers.manifest!()) as ResponseOf<C>;
      if (channel === 'settings:set') return { settings: {} } as ResponseOf<C>;
      throw new SifportCallError('INTERNAL', `unexpected ${channel}`);
    },
    on: () => () => undefined,
  };
  return { host, calls };
}

const detail = (tag: string) => ({
  tag,
  ok: true as const,
  kind: 'image' as const,
  digest: `sha256:${'a'.repeat(64)}`,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  size: 10,
  isSif: true,
  platforms: [],
});

const flush = () => new Promise((r) => setImmediate(r));

describe('explorer slice', () => {
  test('lists a repository once and again only on Refresh', async () => {
    const { host, calls } = fakeHost({});
    const store = createSifportStore(host);
    await store.getState().loadTags(TARGET);
    await store.getState().loadTags(TARGET);
    assert.deepEqual(store.getState().tagListings['reg.example/lab/bwa']?.tags, ['v1', 'v2']);
    assert.equal(calls.filter((c) => c.channel === 'registry:tags').length, 1);
    assert.deepEqual(calls[0]?.request, { repository: 'oras://reg.example/lab/bwa' });
    await store.getState().loadTags(TARGET, true);
    assert.equal(calls.filter((c) => c.channel === 'registry:tags').length, 2);
  });

  test('a failed listing keeps its code and whether to retry', async () => {
    const { host } = fakeHost({
      tags: () => Promise.reject(new SifportCallError('AUTH_REQUIRED', 'Log in again.', false)),
    });
    const store = createSifportStore(host);
    await store.getState().loadTags(TARGET);
    const listing = store.getState().tagListings['reg.example/lab/bwa'];
    assert.equal(listing?.status, 'failed');
    assert.deepEqual(listing?.error, {
      code: 'AUTH_REQUIRED',
      message: 'Log in again.',
      retryable: false,
    });
  });

  test('a rate-limited listing says when it asks again', async () => {
    const { host } = fakeHost({
      tags: () => Promise.reject(new SifportCallError('RATE_LIMITED', 'Slow down.', true)),
    });
    const store = createSifportStore(host);
    const before = Date.now();
    await store.getState().loadTags(TARGET);
    const retryAt = store.getState().tagListings['reg.example/lab/bwa']?.retryAt ?? 0;
    assert.ok(retryAt >= before + 29_000);
  });

  test('details are cached per tag; a failed call marks its tags instead of asking forever', async () => {
    let fail = true;
    const { host, calls } = fakeHost({
      details: async (tags) => {
        if (fail) throw new SifportCallError('NETWORK', 'offline', true);
        return { details: tags.map(detail) };
      },
    });
    const store = createSifportStore(host);
    store.getState().showDetailsFor(0, TARGET, ['v1', 'v2']);
    await flush();
    const v1 = store.getState().tagDetails['reg.example/lab/bwa']?.['v1'];
    assert.equal(v1?.ok, false);
    fail = false;
    store.getState().showDetailsFor(0, TARGET, ['v1', 'v2', 'v3']);
    await flush();
    const asked = calls.filter((c) => c.channel === 'registry:details');
    assert.deepEqual((asked[1]?.request as { tags: string[] }).tags, ['v3']);
    assert.equal(store.getState().tagDetails['reg.example/lab/bwa']?.['v3']?.ok, true);
  });

  test('Refresh forgets the details, and an answer from before it is dropped', async () => {
    let release!: () => void;
    const { host } = fakeHost({
      details: (tags) =>
        new Promise((resolve) => (release = () => resolve({ details: tags.map(detail) }))),
    });
    const store = createSifportStore(host);
    store.getState().showDetailsFor(0, TARGET, ['v1']);
    await store.getState().loadTags(TARGET, true);
    release();
    await flush();
    assert.deepEqual(store.getState().tagDetails['reg.example/lab/bwa'], {});
  });

  test('each pane keeps its own view, reset when it shows another repository', () => {
    const store = createSifportStore(fakeHost({}).host);
    store.getState().updatePane(1, 'reg.example/lab/bwa', { filter: 'v2*' });
    assert.equal(paneStateOf(store.getState(), 1, 'reg.example/lab/bwa').filter, 'v2*');
    assert.equal(paneStateOf(store.getState(), 0, 'reg.example/lab/bwa').filter, '');
    assert.equal(paneStateOf(store.getState(), 1, 'reg.example/other').filter, '');
  });

  test('the active tag is the focused one, else a single selection', () => {
    const store = createSifportStore(fakeHost({}).host);
    store.getState().openRepository(TARGET, 0);
    assert.equal(activeTag(store.getState()), undefined);
    store.getState().updatePane(0, 'reg.example/lab/bwa', { selected: new Set(['v2']) });
    assert.equal(activeTag(store.getState())?.tag, 'v2');
    store.getState().updatePane(0, 'reg.example/lab/bwa', { focused: 'v1' });
    assert.equal(activeTag(store.getState())?.tag, 'v1');
  });

  test('a manifest is fetched once per digest, by digest; a failed one may be asked again', async () => {
    let fail = true;
    const doc: ResponseOf<'registry:manifest'> = {
      digest: `sha256:${'b'.repeat(64)}`,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 2,
      manifest: {},
      raw: '{}',
      rawEncoding: 'utf8',
    };
    const { host, calls } = fakeHost({
      manifest: async () => {
        if (fail) throw new SifportCallError('NETWORK', 'offline', true);
        return doc;
      },
    });
    const store = createSifportStore(host);
    await store.getState().loadManifest(TARGET, doc.digest);
    assert.equal(store.getState().manifests[doc.digest]?.status, 'failed');
    fail = false;
    await Promise.all([
      store.getState().loadManifest(TARGET, doc.digest),
      store.getState().loadManifest(TARGET, doc.digest),
    ]);
    await store.getState().loadManifest(TARGET, doc.digest);
    const asked = calls.filter((c) => c.channel === 'registry:manifest');
    assert.equal(asked.length, 2, 'the failure, then one fetch');
    assert.deepEqual(asked[1]?.request, { reference: `oras://reg.example/lab/bwa@${doc.digest}` });
    assert.equal(store.getState().manifests[doc.digest]?.status, 'done');
  });
});
