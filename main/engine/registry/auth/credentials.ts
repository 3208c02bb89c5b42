/**
 * What a registry login holds (oras.md §4–§5). Secrets live only in these objects and in
 * the credential store; nothing else keeps or prints them.
 */
export type Credential =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  /** An OAuth2 refresh ("identity") token: only the POST refresh grant works with it. */
  | { readonly kind: 'identity-token'; readonly username?: string; readonly token: string }
  /** A bearer token to send as it is (docker config `registrytoken`). */
  | { readonly kind: 'registry-token'; readonly token: string };

/**
 * Looks up the login for a registry (`host[:port]`, `docker.io` for Docker Hub).
 *
 * `invalidate`, when present, is called by the client after the registry or its token
 * service rejected the credential it returned (a 401 mid-transfer once a cloud token has
 * expired, oras.md §4.5): the provider drops what it cached and resolves true when asking
 * again may give a different credential (a freshly minted token). The client then asks
 * once more and resends only the request that failed.
 */
export type CredentialProvider = ((registry: string) => Promise<Credential | undefined>) & {
  readonly invalidate?: ((registry: string) => Promise<boolean>) | undefined;
};

/** The user name to show for a credential, never the secret. */
export function credentialUser(credential: Credential | undefined): string | undefined {
  if (!credential) return undefined;
  if (credential.kind === 'basic') return credential.username;
  if (credential.kind === 'identity-token') return credential.username ?? '<token>';
  return '<token>';
}
