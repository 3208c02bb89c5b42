import { z } from 'zod';

/**
 * The accounts part of the IPC contract (issue #4), spread into `channels` and `events` of
 * contract.ts. Secrets travel one way only: `accounts:add` accepts one, and no response
 * schema has a field that could hold one. Response objects are plain `z.object`s, which
 * strip unknown keys, so even a stray field on the main side never reaches the renderer.
 */

/** The registry providers Sifport knows (engine `ProviderId`). */
export const PROVIDER_IDS = [
  'gcp',
  'ecr',
  'acr',
  'dockerhub',
  'ocir',
  'gitlab',
  'ghcr',
  'quay',
  'harbor',
  'generic',
] as const;

const providerId = z.enum(PROVIDER_IDS);
const host = z.string().min(1).max(255);

/** What the "Add account" form shows for a provider: its login ritual, never a secret. */
export const providerInfo = z.object({
  id: providerId,
  name: z.string(),
  /** Example host (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`) or the default registry. */
  hostHint: z.string(),
  defaultRegistry: z.string().optional(),
  /** The user name tokens go with (`AWS`, `oauth2accesstoken`), when fixed. */
  fixedUsername: z.string().optional(),
  usernameHint: z.string(),
  secretHint: z.string(),
  help: z.array(z.string()),
  /** Lifetime of a token the provider's CLI mints, in ms; absent without a token command. */
  tokenLifetimeMs: z.number().optional(),
  /** Options the token command needs (`region`, `name`). */
  tokenCommandNeeds: z.array(z.string()).optional(),
  listing: z.enum(['catalog', 'vendor-api', 'add-by-name']),
  quirks: z.object({
    maxChunkBytes: z.number().optional(),
    tagDelete: z.boolean().optional(),
    repositoryMustExist: z.boolean().optional(),
    notes: z.array(z.string()),
  }),
});

const triState = z.union([z.boolean(), z.literal('unknown')]);

/** Where an account came from: added here, or imported from another tool's file. */
const accountSource = z.enum([
  'sifport',
  'docker-config',
  'apptainer-config',
  'containers-auth',
  'credential-helper',
]);

/**
 * One login `accounts:import` found, for the preview the user ticks (UI.md S1): who and
 * where, never the secret.
 */
export const foundLogin = z.object({
  /** Names this entry in `select`. */
  key: z.string(),
  registry: z.string(),
  namespace: z.string().optional(),
  /** Absent when a credential helper holds the login and was not asked. */
  username: z.string().optional(),
  source: accountSource,
  /** The file (and helper) it is in: `~/.docker/config.json`. */
  origin: z.string(),
  /** Why it cannot be imported as it is (its helper was not asked, or failed). */
  problem: z.string().optional(),
  /** Imported before from the same place: importing again replaces that account. */
  alreadyImported: z.boolean(),
});

/** What "Test connection" found out (engine `AccountCapabilities`). */
export const capabilities = z.object({
  checkedAt: z.number(),
  authScheme: z.string().nullable(),
  /** `https`, or `http` when the registry was reached in plain HTTP (no TLS). */
  transport: z.enum(['https', 'http']).optional(),
  pull: z.boolean(),
  catalog: triState,
  referrers: triState,
  chunkedUpload: triState,
  tagDelete: triState,
});

/** An account as the renderer sees it: metadata only, no secret and no secret-shaped field. */
export const accountView = z.object({
  id: z.string(),
  provider: providerId,
  registry: z.string(),
  namespace: z.string().optional(),
  username: z.string(),
  /**
   * What kind of secret is kept (password, token…), never the secret; `none` for an
   * anonymous account, whose `username` is empty.
   */
  secretKind: z.enum(['password', 'token', 'identity-token', 'cloud-command', 'none']),
  source: accountSource,
  /** For imported accounts: the file (and helper) the login came from. */
  origin: z.string().optional(),
  /** Epoch ms. */
  createdAt: z.number(),
  /** Cloud accounts: when the current token was minted and expires, epoch ms. */
  tokenMintedAt: z.number().optional(),
  tokenExpiresAt: z.number().optional(),
  tokenLifetimeMs: z.number().optional(),
  capabilities: capabilities.optional(),
  caFile: z.string().optional(),
  insecure: z.boolean().optional(),
  plainHttp: z.boolean().optional(),
});

/** How secrets are kept (engine `SecretStorageDecision`), stated honestly. */
export const secretStorage = z.object({
  mode: z.enum(['persistent', 'session-only']),
  protection: z.enum(['os', 'weak', 'none']),
  backend: z.string(),
  explanation: z.string(),
});

export const accountChannels = {
  'providers:list': {
    request: z.object({}),
    response: z.object({ providers: z.array(providerInfo) }),
  },
  'providers:detect': {
    request: z.object({ input: z.string().min(1).max(1024) }),
    response: z.object({
      provider: providerId,
      registry: z.string(),
      namespace: z.string().optional(),
      /** What the host says beyond the provider (`region`, `account`, `name`, `location`). */
      parts: z.record(z.string(), z.string()).optional(),
    }),
  },
  'accounts:list': {
    request: z.object({}),
    response: z.object({ accounts: z.array(accountView), storage: secretStorage }),
  },
  'accounts:add': {
    request: z.object({
      provider: providerId,
      registry: host,
      namespace: z.string().max(255).optional(),
      username: z.string().max(512).optional(),
      /** Password or token: write-only, never returned, never logged. */
      secret: z.string().min(1).max(65536).optional(),
      /**
       * `identity-token`: the secret is an OAuth2 refresh token; `none`: an anonymous account
       * (no user name, no secret) for an open registry or public repositories.
       */
      secretKind: z.enum(['password', 'identity-token', 'none']).optional(),
      /** Mint tokens with the provider's CLI instead of a stored secret (ECR, ACR, GCP). */
      tokenCommand: z
        .object({
          region: z.string().max(64).optional(),
          name: z.string().max(128).optional(),
          profile: z.string().max(128).optional(),
        })
        .optional(),
      caFile: z.string().optional(),
      insecure: z.boolean().optional(),
      plainHttp: z.boolean().optional(),
      /** Save without testing the login first. */
      skipTest: z.boolean().optional(),
    }),
    response: z.object({ account: accountView }),
  },
  'accounts:remove': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ removed: z.boolean() }),
  },
  'accounts:test': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ account: accountView, capabilities }),
  },
  'accounts:import': {
    request: z.object({
      /** Also ask the configured docker-credential helpers (runs them). */
      helpers: z.boolean().optional(),
      /** Only say what was found (`found`), saving nothing. */
      preview: z.boolean().optional(),
      /** Import only these `found[].key`s; absent: everything found. */
      select: z.array(z.string().max(8192)).max(500).optional(),
    }),
    response: z.object({
      /** With `preview`: every login found, importable or not. */
      found: z.array(foundLogin).optional(),
      imported: z.array(
        z.object({
          id: z.string(),
          registry: z.string(),
          username: z.string(),
          origin: z.string(),
        }),
      ),
      skipped: z.array(z.object({ registry: z.string(), file: z.string(), reason: z.string() })),
    }),
  },
  'accounts:export': {
    request: z.object({ ids: z.array(z.string().min(1).max(255)).min(1).max(64) }),
    response: z.object({
      /**
       * A docker-config.json for the user to save: it holds these accounts' secrets (a
       * cloud account's current token), which is the point of the explicit export; it is
       * returned by this request only, and the window writes it to the file the user chose.
       */
      config: z.string(),
      secretBearing: z.literal(true),
      /** Said with every export: what holding that file means. */
      warning: z.string(),
    }),
  },
  'accounts:renew': {
    request: z.object({ id: z.string().min(1).max(255) }),
    /** The account with its new `tokenMintedAt` and `tokenExpiresAt`. */
    response: z.object({ account: accountView }),
  },
} as const;

export const accountEvents = {
  /** The account list changed (added, removed, tested, imported): fetch it again. */
  'accounts:changed': z.object({
    reason: z.enum(['added', 'removed', 'tested', 'imported', 'renewed']),
    id: z.string().optional(),
  }),
} as const;
