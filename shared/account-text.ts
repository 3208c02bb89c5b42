/**
 * Account wording that the CLI (`sifport accounts`) and the renderer's accounts panel both
 * show, kept in one place so they say the same. No Node or DOM APIs: both sides import it.
 */

/** `3h`, `12m`, `40s`: a coarse duration for token ages and expiries. */
export function shortDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s}s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)}m`;
  if (s < 2 * 86400) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}

/** Age and expiry of a minted cloud token (never the token itself). */
export function cloudTokenState(
  mintedAt: number | undefined,
  expiresAt: number | undefined,
  now: number,
): string {
  if (mintedAt === undefined || expiresAt === undefined) return 'cloud token: not minted yet';
  const age = `minted ${shortDuration(now - mintedAt)} ago`;
  const left = expiresAt - now;
  return left > 0
    ? `cloud token: ${age}, expires in ${shortDuration(left)}`
    : `cloud token: ${age}, expired (renewed on next use)`;
}

/** A probe answer in words: `yes` or `no`, or `unknown` when it was not probed. */
export function yesNo(value: boolean | 'unknown', yes: string, no: string): string {
  return value === 'unknown' ? 'unknown' : value ? yes : no;
}

/**
 * Oracle OCIR's user name (oras.md §6): `NAMESPACE/USER`, or for federated (IDCS) users
 * `NAMESPACE/oracleidentitycloudservice/USER`. The namespace is the Object Storage
 * namespace, not the tenancy name. Empty while either part is missing.
 */
export function ocirUsername(namespace: string, user: string, federated = false): string {
  const ns = namespace.trim().replace(/\/+$/, '');
  const name = user.trim();
  if (!ns || !name) return '';
  return federated ? `${ns}/oracleidentitycloudservice/${name}` : `${ns}/${name}`;
}
