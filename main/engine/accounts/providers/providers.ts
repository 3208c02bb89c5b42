import { ocirUsername as buildOcirUsername } from '../../../../shared/account-text.js';
import { normalizeNamespace } from '../account.js';
import { PROVIDER_PRESETS } from './provider-presets.js';

/** The registries Sifport knows the login ritual of (oras.md §6). */
export type ProviderId =
  'gcp' | 'ecr' | 'acr' | 'dockerhub' | 'ocir' | 'gitlab' | 'ghcr' | 'quay' | 'harbor' | 'generic';

/** How the repositories of a registry can be listed (oras.md §6). */
export type RepositoryListing = 'catalog' | 'vendor-api' | 'add-by-name';

/** The fields of a host a provider pattern captured (region, account, registry name). */
export type HostParts = Readonly<Record<string, string>>;

/**
 * A CLI that prints a short-lived registry secret (oras.md §6: ECR, ACR, GCP). `argv` is run
 * without a shell; `credential` says how the printed text is used: as the password of
 * `username` (Basic, or the GET token request), or as an identity (refresh) token.
 */
export interface TokenCommandPreset {
  /** Builds the argument vector from the host's parts and the user's options. */
  readonly argv: (options: Readonly<Record<string, string | undefined>>) => readonly string[];
  /** Options argv needs (`region`, `name`), for help and validation. */
  readonly needs: readonly string[];
  /** How long a printed token is valid, in ms. */
  readonly lifetimeMs: number;
  readonly credential: 'password' | 'identity-token';
}

/** What Sifport knows about one registry provider (oras.md §6, "additional rules"). */
export interface ProviderPreset {
  readonly id: ProviderId;
  readonly name: string;
  /** Host patterns; named groups become {@link HostParts} (region, account, name). */
  readonly hosts: readonly RegExp[];
  /** The registry host to suggest when the user has not typed one. */
  readonly defaultRegistry?: string | undefined;
  /** The fixed user name a token goes with (`AWS`, `oauth2accesstoken`, the zero GUID). */
  readonly username?: string | undefined;
  /** What to type as user name, in words. */
  readonly usernameHint: string;
  /** What the secret is (password, personal access token, robot token…). */
  readonly secretHint: string;
  readonly tokenCommand?: TokenCommandPreset | undefined;
  readonly listing: RepositoryListing;
  /** Known behaviour worth telling the user or adapting to. */
  readonly quirks: {
    /** Largest request body the registry accepts, in bytes, when known. */
    readonly maxChunkBytes?: number | undefined;
    /** Whether `DELETE /v2/<name>/manifests/<tag>` works; undefined when unknown. */
    readonly tagDelete?: boolean | undefined;
    /** Repositories must be created outside the registry API before a push. */
    readonly repositoryMustExist?: boolean | undefined;
    readonly notes: readonly string[];
  };
  /** The steps to log in, short enough for a help panel or `--help`. */
  readonly help: readonly string[];
}

/** A detected provider and what its host pattern captured. */
export interface DetectedProvider {
  readonly preset: ProviderPreset;
  /** `host[:port]` in lower case, without scheme or path. */
  readonly registry: string;
  readonly parts: HostParts;
}

/** The preset with this id; throws on an unknown id (a programming or usage error). */
export function providerById(id: string): ProviderPreset {
  const preset = PROVIDER_PRESETS.find((p) => p.id === id);
  if (!preset) {
    const known = PROVIDER_PRESETS.map((p) => p.id).join(', ');
    throw new Error(`unknown provider "${id}" (known: ${known})`);
  }
  return preset;
}

/**
 * The registry host of something pasted: a bare host, `oras://` / `docker://` / `https://`
 * URL or a full reference (`host/ns/image:tag`). Docker Hub aliases become `docker.io`.
 */
export function registryHostOf(input: string): string {
  let rest = input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  rest = rest.split('/')[0] ?? '';
  rest = rest.split('@').at(-1) ?? '';
  const host = rest.toLowerCase();
  if (['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'].includes(host)) {
    return 'docker.io';
  }
  return host;
}

/**
 * The namespace in something pasted (`host/ns/image:tag`, with or without a scheme): the
 * path with its tag or digest dropped, so "Add account" can be scoped from a copied
 * reference. Undefined for a bare host.
 */
export function pastedNamespace(input: string): string | undefined {
  const path = input
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')
    .slice(1)
    .join('/');
  return normalizeNamespace(path.replace(/[@:][^/]*$/, ''));
}

/**
 * Detects the provider from a pasted host or reference (oras.md §6 host column); anything
 * unrecognised is `generic` (self-hosted distribution, Harbor and Quay on own hosts).
 */
export function detectProvider(input: string): DetectedProvider {
  const registry = registryHostOf(input);
  const host = registry.replace(/:\d+$/, '');
  for (const preset of PROVIDER_PRESETS) {
    for (const pattern of preset.hosts) {
      const match = pattern.exec(host);
      if (match) return { preset, registry, parts: { ...match.groups } };
    }
  }
  return { preset: providerById('generic'), registry, parts: {} };
}

/** {@link buildOcirUsername}, refusing a missing namespace or user. */
export function ocirUsername(namespace: string, user: string, federated = false): string {
  const name = buildOcirUsername(namespace, user, federated);
  if (!name) throw new Error('an OCIR user name needs the namespace and the user');
  return name;
}
