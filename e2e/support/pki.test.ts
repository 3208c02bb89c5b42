import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { ensurePki } from './pki.js';
import type { PkiFiles } from './pki.js';
import { suiteTempDir } from '../kit/index.js';

const dir = suiteTempDir('sifport-pki-');
let files: PkiFiles;

before(async () => {
  files = await ensurePki(join(dir.path, 'pki'));
});

test('the server certificate is signed by the CA and names 127.0.0.1 and localhost', async () => {
  const ca = new X509Certificate(await readFile(files.caCert));
  const server = new X509Certificate(await readFile(files.serverCert));
  assert.equal(ca.ca, true);
  assert.equal(server.ca, false);
  assert.ok(server.verify(ca.publicKey), 'server certificate must verify with the CA key');
  assert.equal(server.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(server.checkHost('localhost'), 'localhost');
  assert.equal(server.checkIP('10.0.0.1'), undefined);
});

test('the token signer is a self-signed RSA certificate with a private key of its own', async () => {
  const signer = new X509Certificate(await readFile(files.signerCert));
  assert.ok(signer.verify(signer.publicKey));
  assert.equal(signer.publicKey.asymmetricKeyType, 'rsa');
  assert.equal((await stat(files.signerKey)).mode & 0o077, 0, 'keys are private to the owner');
});

test('a second call reuses the existing files', async () => {
  const before = await readFile(files.caCert, 'utf8');
  const again = await ensurePki(join(dir.path, 'pki'));
  assert.deepEqual(again, files);
  assert.equal(await readFile(again.caCert, 'utf8'), before);
});
