/** The knobs that differ between the four test-bed registries. */
export interface RegistryConfigInput {
  /** Short name (open, basic, bearer, tls); tagged onto every log line. */
  readonly name: string;
  readonly port: number;
  /** Filesystem storage root. */
  readonly rootDirectory: string;
  /** HMAC secret for upload `_state`; any random string. */
  readonly secret: string;
  /** Answer with relative `Location` URLs (`/v2/...`), spec §3.3. */
  readonly relativeUrls?: boolean;
  readonly tls?: { readonly certificate: string; readonly key: string };
  readonly htpasswd?: { readonly realm: string; readonly path: string };
  readonly token?: {
    readonly realm: string;
    readonly service: string;
    readonly issuer: string;
    readonly rootCertBundle: string;
  };
}

/** YAML double-quoted scalar; JSON string syntax is a subset of it. */
const q = (value: string): string => JSON.stringify(value);

function authBlock(input: RegistryConfigInput): string[] {
  if (input.htpasswd !== undefined) {
    return [
      'auth:',
      '  htpasswd:',
      `    realm: ${q(input.htpasswd.realm)}`,
      `    path: ${q(input.htpasswd.path)}`,
    ];
  }
  if (input.token !== undefined) {
    return [
      'auth:',
      '  token:',
      `    realm: ${q(input.token.realm)}`,
      `    service: ${q(input.token.service)}`,
      `    issuer: ${q(input.token.issuer)}`,
      `    rootcertbundle: ${q(input.token.rootCertBundle)}`,
    ];
  }
  return [];
}

/**
 * Renders a configuration file for `docker-registry serve` (CNCF distribution 2.8): loopback
 * only, deletion enabled, catalog up to 1000 entries, filesystem storage.
 */
export function renderRegistryConfig(input: RegistryConfigInput): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  fields:',
    `    service: ${q(`registry-${input.name}`)}`,
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${q(input.rootDirectory)}`,
    '  delete:',
    '    enabled: true',
    '  cache:',
    '    blobdescriptor: inmemory',
    'http:',
    `  addr: ${q(`127.0.0.1:${input.port}`)}`,
    `  secret: ${q(input.secret)}`,
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
    ...(input.relativeUrls === true ? ['  relativeurls: true'] : []),
    ...(input.tls === undefined
      ? []
      : ['  tls:', `    certificate: ${q(input.tls.certificate)}`, `    key: ${q(input.tls.key)}`]),
    'catalog:',
    '  maxentries: 1000',
    ...authBlock(input),
  ];
  return `${lines.join('\n')}\n`;
}
