import { execFile } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Absolute paths of the PEM files that make up the test-bed PKI. */
export interface PkiFiles {
  /** Test CA certificate: trust this to reach the TLS registry and the https token realm. */
  readonly caCert: string;
  readonly caKey: string;
  /** Server certificate for IP 127.0.0.1 and DNS localhost, signed by the CA. */
  readonly serverCert: string;
  readonly serverKey: string;
  /** Self-signed RSA certificate whose key signs tokens (the registries' rootcertbundle). */
  readonly signerCert: string;
  readonly signerKey: string;
}

const names = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
  signerCert: 'token-signer.crt',
  signerKey: 'token-signer.key',
} as const satisfies Record<keyof PkiFiles, string>;

function filesIn(dir: string): PkiFiles {
  return {
    caCert: join(dir, names.caCert),
    caKey: join(dir, names.caKey),
    serverCert: join(dir, names.serverCert),
    serverKey: join(dir, names.serverKey),
    signerCert: join(dir, names.signerCert),
    signerKey: join(dir, names.signerKey),
  };
}

async function allExist(files: PkiFiles): Promise<boolean> {
  try {
    await Promise.all(Object.values(files).map((file: string) => access(file)));
    return true;
  } catch {
    return false;
  }
}

function openssl(args: readonly string[]): Promise<unknown> {
  return run('openssl', [...args], { timeout: 30_000 });
}

/** Creates a key and a self-signed certificate valid for ten years. */
function selfSigned(
  key: string,
  cert: string,
  subject: string,
  extensions: string[],
): Promise<unknown> {
  const addext = extensions.flatMap((extension) => ['-addext', extension]);
  const args = 'req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650'.split(' ');
  return openssl([...args, '-keyout', key, '-out', cert, '-subj', subject, ...addext]);
}

/** Creates a key and a certificate for 127.0.0.1 and localhost, signed by the CA. */
async function serverCertificate(dir: string, f: PkiFiles): Promise<void> {
  const csr = join(dir, 'server.csr');
  const ext = join(dir, 'server.ext');
  const request = 'req -newkey rsa:2048 -nodes -sha256 -subj /CN=localhost'.split(' ');
  await openssl([...request, '-keyout', f.serverKey, '-out', csr]);
  const extensions = [
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ];
  await writeFile(ext, `${extensions.join('\n')}\n`);
  const serial = `0x${Date.now().toString(16)}`;
  const sign = 'x509 -req -days 3650 -sha256 -set_serial'.split(' ');
  const ca = ['-CA', f.caCert, '-CAkey', f.caKey];
  await openssl([...sign, serial, ...ca, '-in', csr, '-extfile', ext, '-out', f.serverCert]);
}

async function generate(dir: string): Promise<void> {
  const f = filesIn(dir);
  await selfSigned(f.caKey, f.caCert, '/CN=Sifport test bed CA', [
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await serverCertificate(dir, f);
  await selfSigned(f.signerKey, f.signerCert, '/CN=Sifport test bed token signer', []);
  await Promise.all([f.caKey, f.serverKey, f.signerKey].map((key) => chmod(key, 0o600)));
}

/**
 * Makes sure `dir` holds a test CA, a 127.0.0.1/localhost server certificate and a token
 * signing certificate, creating them with the `openssl` binary (no shell) when any is missing.
 * Existing files are reused, so a CA someone already trusts stays valid across runs.
 * Generation happens in a scratch directory and is moved into place afterwards, so a crash
 * never leaves a half-made set behind.
 */
export async function ensurePki(dir: string): Promise<PkiFiles> {
  const files = filesIn(dir);
  if (await allExist(files)) return files;
  await mkdir(dir, { recursive: true });
  const scratch = await mkdtemp(join(dir, '.pki-'));
  try {
    await generate(scratch);
    const made = filesIn(scratch);
    // The CA certificate goes last: allExist() only succeeds once every file is in place.
    const order = [
      'caKey',
      'serverKey',
      'serverCert',
      'signerKey',
      'signerCert',
      'caCert',
    ] as const;
    for (const key of order) await rename(made[key], files[key]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return files;
}
