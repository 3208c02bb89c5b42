import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SifportError } from '../errors.js';
import {
  apiHost,
  formatReference,
  normalizeRegistry,
  parseReference,
  parseRegistry,
  type Reference,
} from './reference.js';

const HEX = 'a'.repeat(64);
const DIGEST = `sha256:${HEX}`;

function ref(registry: string, repository: string, tag?: string, digest?: string): Reference {
  return { registry, repository, tag, digest };
}

/** Asserts that `input` is refused with REFERENCE_INVALID and a message matching `why`. */
function assertInvalid(input: string, why: RegExp): void {
  assert.throws(
    () => parseReference(input),
    (err: unknown) => {
      assert.ok(
        err instanceof SifportError,
        `expected a SifportError for ${JSON.stringify(input)}`,
      );
      assert.equal(err.code, 'REFERENCE_INVALID');
      assert.match(err.message, why);
      // The message quotes what the user typed so they can find the mistake.
      if (input.trim()) assert.ok(err.message.includes(input), err.message);
      return true;
    },
  );
}

describe('parseReference (oras.md §2)', () => {
  it('parses oras:// with host, port, nested path and tag', () => {
    assert.deepEqual(
      parseReference('oras://127.0.0.1:5000/group/sub/image:v1.2'),
      ref('127.0.0.1:5000', 'group/sub/image', 'v1.2'),
    );
  });

  it('accepts the same without a scheme, and with a leading //', () => {
    const want = ref('ghcr.io', 'owner/image', 'tag');
    assert.deepEqual(parseReference('ghcr.io/owner/image:tag'), want);
    assert.deepEqual(parseReference('//ghcr.io/owner/image:tag'), want);
    assert.deepEqual(parseReference('  ORAS://ghcr.io/owner/image:tag  '), want);
  });

  it('defaults the tag to latest only when neither tag nor digest is given', () => {
    assert.equal(parseReference('ghcr.io/o/i').tag, 'latest');
    assert.deepEqual(
      parseReference(`ghcr.io/o/i@${DIGEST}`),
      ref('ghcr.io', 'o/i', undefined, DIGEST),
    );
    assert.deepEqual(parseReference(`ghcr.io/o/i:t@${DIGEST}`), ref('ghcr.io', 'o/i', 't', DIGEST));
  });

  it('puts a name without a host on Docker Hub and adds library/ to single names', () => {
    assert.deepEqual(parseReference('alpine'), ref('docker.io', 'library/alpine', 'latest'));
    assert.deepEqual(parseReference('oras://alpine:3'), ref('docker.io', 'library/alpine', '3'));
    assert.deepEqual(parseReference('user/image:1'), ref('docker.io', 'user/image', '1'));
  });

  it('maps every Docker Hub alias to docker.io, with library/ when needed', () => {
    for (const host of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'Docker.IO']) {
      assert.deepEqual(
        parseReference(`${host}/alpine`),
        ref('docker.io', 'library/alpine', 'latest'),
      );
      assert.deepEqual(
        parseReference(`${host}/library/alpine:edge`),
        ref('docker.io', 'library/alpine', 'edge'),
      );
      assert.deepEqual(parseReference(`${host}/user/img`), ref('docker.io', 'user/img', 'latest'));
    }
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(apiHost('ghcr.io'), 'ghcr.io');
    assert.equal(normalizeRegistry('INDEX.DOCKER.IO'), 'docker.io');
  });

  it('treats a first component with ".", ":" or equal to localhost as a host', () => {
    assert.deepEqual(parseReference('localhost/x'), ref('localhost', 'x', 'latest'));
    assert.deepEqual(parseReference('localhost:5000/x:y'), ref('localhost:5000', 'x', 'y'));
    assert.deepEqual(parseReference('myhost:5000/x'), ref('myhost:5000', 'x', 'latest'));
    assert.deepEqual(parseReference('[::1]:5000/x'), ref('[::1]:5000', 'x', 'latest'));
    // Without a dot, colon or "localhost" it is a Docker Hub namespace, not a host.
    assert.deepEqual(parseReference('myhost/x'), ref('docker.io', 'myhost/x', 'latest'));
  });

  it('lower-cases the host but keeps the port', () => {
    assert.deepEqual(parseReference('GHCR.io:443/o/i'), ref('ghcr.io:443', 'o/i', 'latest'));
  });

  it('splits the tag at the last colon, so host:port never becomes a tag', () => {
    assert.deepEqual(parseReference('127.0.0.1:5000/x'), ref('127.0.0.1:5000', 'x', 'latest'));
  });

  it('accepts separators allowed by the distribution grammar', () => {
    for (const name of ['a.b', 'a_b', 'a__b', 'a-b', 'a---b', 'a0/b1/c2']) {
      assert.equal(parseReference(`ghcr.io/${name}`).repository, name);
    }
    assert.equal(parseReference(`ghcr.io/x:${'T'.repeat(128)}`).tag, 'T'.repeat(128));
    assert.equal(parseReference('ghcr.io/x:_a.b-c').tag, '_a.b-c');
  });

  it('formats a reference back to oras://', () => {
    for (const input of [
      'oras://127.0.0.1:5000/a/b:t',
      `oras://ghcr.io/o/i@${DIGEST}`,
      `oras://ghcr.io/o/i:t@${DIGEST}`,
      'oras://docker.io/library/alpine:latest',
    ]) {
      assert.equal(formatReference(parseReference(input)), input);
    }
  });

  describe('invalid references give REFERENCE_INVALID with a helpful message', () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['', /empty/],
      ['   ', /empty/],
      ['docker://ghcr.io/x', /scheme must be oras:\/\/.*docker:\/\//],
      ['https://ghcr.io/x', /scheme must be oras:\/\//],
      ['ghcr.io', /repository path is missing/],
      ['ghcr.io/', /repository path is empty/],
      ['oras://ghcr.io/:tag', /repository path is empty/],
      ['ghcr.io/Owner/Image', /not a valid repository name.*lower case/],
      ['Alpine', /not a valid repository name.*lower case/],
      ['ghcr.io/a//b', /not a valid repository name/],
      ['ghcr.io/a/', /not a valid repository name/],
      ['ghcr.io/-a', /not a valid repository name/],
      ['ghcr.io/a b', /not a valid repository name/],
      ['ghcr.io/a..b', /not a valid repository name/],
      ['ghcr.io/x:', /tag "" may use only/],
      ['ghcr.io/x:bad!tag', /tag "bad!tag" may use only/],
      ['ghcr.io/x:-lead', /tag "-lead"/],
      [`ghcr.io/x:${'t'.repeat(129)}`, /max 128/],
      ['ghcr.io/x@', /digest must be sha256:/],
      ['ghcr.io/x@sha256:abc', /digest must be sha256: followed by 64/],
      [`ghcr.io/x@sha256:${'A'.repeat(64)}`, /lower-case hex/],
      [`ghcr.io/x@sha512:${'a'.repeat(128)}`, /digest must be sha256:/],
      ['bad_host.io:x/y', /"bad_host.io:x" is not a valid host\[:port\]/],
      ['127.0.0.1:99999/x', /port/],
      ['127.0.0.1:0/x', /port/],
      [`ghcr.io/${'a'.repeat(250)}`, /exceed 255 characters/],
    ];
    for (const [input, why] of cases) {
      it(`refuses ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`, () => {
        assertInvalid(input, why);
      });
    }
  });
});

describe('parseRegistry', () => {
  it('accepts host[:port] with or without oras:// and a trailing slash', () => {
    assert.equal(parseRegistry('ghcr.io'), 'ghcr.io');
    assert.equal(parseRegistry('oras://127.0.0.1:5000/'), '127.0.0.1:5000');
    assert.equal(parseRegistry('index.docker.io'), 'docker.io');
  });

  it('refuses paths and junk with REFERENCE_INVALID', () => {
    for (const input of ['ghcr.io/owner', '', 'docker://ghcr.io', 'a b', '127.0.0.1:70000']) {
      assert.throws(
        () => parseRegistry(input),
        (err: unknown) =>
          err instanceof SifportError &&
          err.code === 'REFERENCE_INVALID' &&
          /HOST\[:PORT\]|scheme/.test(err.message),
      );
    }
  });
});
