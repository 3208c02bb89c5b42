import { ACR_PRESET, ECR_PRESET, GCP_PRESET, OCIR_PRESET } from './cloud-presets.js';
import type { ProviderPreset } from './providers.js';

const DOCKERHUB: ProviderPreset = {
  id: 'dockerhub',
  name: 'Docker Hub',
  hosts: [/^docker\.io$/],
  defaultRegistry: 'docker.io',
  usernameHint: 'your Docker ID',
  secretHint: 'a personal access token (or the password)',
  listing: 'vendor-api',
  quirks: {
    tagDelete: false,
    notes: ['No catalog over /v2: list with the Hub web API.', 'Pulls are rate-limited (429).'],
  },
  help: ['Account settings → Personal access tokens → Generate (read & write).'],
};

const GITLAB: ProviderPreset = {
  id: 'gitlab',
  name: 'GitLab Container Registry',
  hosts: [/^registry\.gitlab\.com$/, /^registry\.gitlab\./],
  defaultRegistry: 'registry.gitlab.com',
  usernameHint: 'your user name, a deploy token name (gitlab+deploy-token-N) or gitlab-ci-token',
  secretHint: 'a personal access token with read_registry / write_registry',
  listing: 'vendor-api',
  quirks: {
    notes: ['Paths start with an existing GROUP/PROJECT.', 'Delete tags through the GitLab API.'],
  },
  help: ['User settings → Access tokens → scopes read_registry and write_registry.'],
};

const GHCR: ProviderPreset = {
  id: 'ghcr',
  name: 'GitHub Container Registry',
  hosts: [/^ghcr\.io$/],
  defaultRegistry: 'ghcr.io',
  usernameHint: 'your GitHub user name',
  secretHint:
    'a classic personal access token with read:packages, write:packages (delete:packages)',
  listing: 'vendor-api',
  quirks: {
    maxChunkBytes: 4 * 1024 * 1024,
    tagDelete: false,
    notes: ['No catalog: list with the GitHub packages API.', 'New packages are private.'],
  },
  help: ['GitHub → Settings → Developer settings → Tokens (classic) → write:packages.'],
};

const QUAY: ProviderPreset = {
  id: 'quay',
  name: 'Quay',
  hosts: [/^quay\.io$/],
  defaultRegistry: 'quay.io',
  usernameHint: 'your user name, or a robot account ORG+NAME',
  secretHint: 'an encrypted password or the robot token',
  listing: 'catalog',
  quirks: {
    tagDelete: true,
    notes: ['Self-hosted Quay needs FEATURE_GENERAL_OCI_SUPPORT for SIF artifacts.'],
  },
  help: ['Organization → Robot accounts → Create, give it write on the repository.'],
};

const HARBOR: ProviderPreset = {
  id: 'harbor',
  name: 'Harbor',
  hosts: [/(?:^|\.)goharbor\.io$/, /^harbor\./],
  usernameHint: 'your user name (OIDC: user + CLI secret), or a robot robot$PROJECT+NAME',
  secretHint: 'the password, CLI secret or robot secret',
  listing: 'vendor-api',
  quirks: {
    tagDelete: true,
    notes: ['The project must exist.', 'The catalog is for system administrators only.'],
  },
  help: ['Project → Robot accounts → New robot account with push and pull.'],
};

const GENERIC: ProviderPreset = {
  id: 'generic',
  name: 'OCI registry',
  hosts: [],
  usernameHint: 'the account name',
  secretHint: 'the password or token',
  listing: 'catalog',
  quirks: { notes: [] },
  help: ['Log in with the account the registry administrator gave you.'],
};

/**
 * Every provider preset (oras.md §6), in detection order: specific hosts first, `generic`
 * last (it matches nothing and is the fallback of `detectProvider`).
 */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  ECR_PRESET,
  ACR_PRESET,
  GCP_PRESET,
  OCIR_PRESET,
  DOCKERHUB,
  GITLAB,
  GHCR,
  QUAY,
  HARBOR,
  GENERIC,
];
