import type { ProviderPreset } from './providers.js';

const HOUR_MS = 60 * 60 * 1000;

/** Reads a required token-command option, with a message that names the flag to add. */
function need(options: Readonly<Record<string, string | undefined>>, key: string): string {
  const value = options[key];
  if (!value) throw new Error(`the token command needs --${key}`);
  return value;
}

/**
 * AWS ECR (oras.md §6): Basic auth as `AWS` with the output of `aws ecr get-login-password`,
 * valid 12 h. Repositories must exist before a push; one repository per image name.
 */
export const ECR_PRESET: ProviderPreset = {
  id: 'ecr',
  name: 'AWS Elastic Container Registry',
  hosts: [
    /^(?<account>\d{12})\.dkr\.ecr(?:-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/,
  ],
  username: 'AWS',
  usernameHint: 'always AWS',
  secretHint: 'minted by `aws ecr get-login-password` (valid 12 hours)',
  tokenCommand: {
    argv: (o) => [
      'aws',
      'ecr',
      'get-login-password',
      '--region',
      need(o, 'region'),
      ...(o['profile'] ? ['--profile', o['profile']] : []),
    ],
    needs: ['region'],
    lifetimeMs: 12 * HOUR_MS,
    credential: 'password',
  },
  listing: 'catalog',
  quirks: {
    tagDelete: false,
    repositoryMustExist: true,
    notes: [
      'Each image name is its own repository and must be created first (aws ecr create-repository).',
      'Errors come as text/plain; Basic auth on every request.',
    ],
  },
  help: [
    'Install the AWS CLI v2 and sign in (aws configure, or aws sso login).',
    'Sifport runs `aws ecr get-login-password --region REGION` and renews the token every 12 hours.',
    'Create the repository first: aws ecr create-repository --repository-name NAME.',
  ],
};

/**
 * Azure ACR (oras.md §6): the zero GUID user with the refresh token that
 * `az acr login --expose-token` prints (about 3 h), used with the OAuth2 refresh grant.
 */
export const ACR_PRESET: ProviderPreset = {
  id: 'acr',
  name: 'Azure Container Registry',
  hosts: [/^(?<name>[a-z0-9]+)\.azurecr\.(?:io|cn|us)$/],
  username: '00000000-0000-0000-0000-000000000000',
  usernameHint:
    '00000000-0000-0000-0000-000000000000 with a CLI token, else the admin user, a service principal or a scoped token name',
  secretHint: 'minted by `az acr login --expose-token` (about 3 hours), or a password',
  tokenCommand: {
    argv: (o) => [
      'az',
      'acr',
      'login',
      '--name',
      need(o, 'name'),
      '--expose-token',
      '--output',
      'tsv',
      '--query',
      'accessToken',
    ],
    needs: ['name'],
    lifetimeMs: 3 * HOUR_MS,
    credential: 'identity-token',
  },
  listing: 'catalog',
  quirks: {
    tagDelete: true,
    notes: [
      'The POST password grant is refused (400); tokens of repository-scoped users may lack catalog rights.',
    ],
  },
  help: [
    'Install the Azure CLI and run `az login`.',
    'Sifport runs `az acr login --name NAME --expose-token` and renews the token every 3 hours.',
  ],
};

/**
 * Google Artifact Registry (oras.md §6): `oauth2accesstoken` with `gcloud auth
 * print-access-token` (1 h), or `_json_key` with a service-account key file's text.
 */
export const GCP_PRESET: ProviderPreset = {
  id: 'gcp',
  name: 'Google Artifact Registry',
  hosts: [/^(?<location>[a-z0-9-]+)-docker\.pkg\.dev$/, /^(?:(?<location>[a-z]+)\.)?gcr\.io$/],
  username: 'oauth2accesstoken',
  usernameHint: 'oauth2accesstoken with a gcloud token, or _json_key with a service-account key',
  secretHint: 'minted by `gcloud auth print-access-token` (1 hour), or the key file text',
  tokenCommand: {
    argv: () => ['gcloud', 'auth', 'print-access-token'],
    needs: [],
    lifetimeMs: HOUR_MS,
    credential: 'password',
  },
  listing: 'vendor-api',
  quirks: {
    repositoryMustExist: true,
    notes: [
      'Paths are PROJECT/REPOSITORY/IMAGE; the repository must exist. List with the Artifact Registry API.',
    ],
  },
  help: [
    'Install the Google Cloud CLI and run `gcloud auth login`.',
    'Sifport runs `gcloud auth print-access-token` and renews the token every hour.',
    'Or use user _json_key and paste the service-account key file.',
  ],
};

/**
 * Oracle OCIR (oras.md §6): `NAMESPACE/[oracleidentitycloudservice/]USER` with an auth
 * token from the console, at `REGION.ocir.io`.
 */
export const OCIR_PRESET: ProviderPreset = {
  id: 'ocir',
  name: 'Oracle Cloud Infrastructure Registry',
  hosts: [/^(?<region>[a-z0-9-]+)\.ocir\.io$/],
  usernameHint: 'NAMESPACE/USER, or NAMESPACE/oracleidentitycloudservice/EMAIL for federated users',
  secretHint: 'an auth token from the console (not the account password)',
  listing: 'vendor-api',
  quirks: { notes: ['The namespace is the Object Storage namespace, not the tenancy name.'] },
  help: [
    'In the console: Profile → Auth tokens → Generate token.',
    'User name: NAMESPACE/USER (federated: NAMESPACE/oracleidentitycloudservice/EMAIL).',
  ],
};
