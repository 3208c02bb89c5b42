import type { AccountItem } from '../../store/domain.js';

/**
 * A failed call as these helpers need it: the store's `ErrorState` fits (named apart so the
 * helpers stay free of the store and are tested in Node).
 */
export interface CallFailure {
  readonly code: string;
  readonly message: string;
}

/** What a "Test" of a saved account is doing or found, kept for this session. */
export interface AccountTest {
  readonly status: 'testing' | 'ok' | 'failed';
  readonly error?: CallFailure;
}

/** The tone of a status: the icon and words say it too (colour is never the only signal). */
export type StatusTone = 'success' | 'warning' | 'danger' | 'muted';

/** An account's state in a few words (UI.md S3: ok / expires in 8 min / expired / failed). */
export interface AccountStatus {
  readonly tone: StatusTone;
  readonly label: string;
  /** One sentence for a tooltip or the account page. */
  readonly detail: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "8 min", "2 h", "3 d": a coarse duration for token ages and lifetimes. */
export function durationWords(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))} min`;
  if (abs < 48 * HOUR) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / (24 * HOUR))} d`;
}

/** The name an account goes by in lists: its user, or "anonymous" when it has no login. */
export function accountUser(account: Pick<AccountItem, 'username' | 'secretKind'>): string {
  return account.secretKind === 'none' || account.username === '' ? 'anonymous' : account.username;
}

/** "tester @ 127.0.0.1:5000/team": who, where and, when scoped, the namespace. */
export function accountLabel(account: AccountItem): string {
  const where = account.namespace ? `${account.registry}/${account.namespace}` : account.registry;
  return `${accountUser(account)} @ ${where}`;
}

/** A cloud token's state, when the account mints one; undefined otherwise. */
function tokenStatus(account: AccountItem, now: number): AccountStatus | undefined {
  if (account.secretKind !== 'cloud-command') return undefined;
  if (account.tokenExpiresAt === undefined) {
    return {
      tone: 'muted',
      label: 'no token yet',
      detail: 'A token is minted with the provider’s CLI on first use, or now with Renew.',
    };
  }
  const left = account.tokenExpiresAt - now;
  if (left <= 0) {
    return {
      tone: 'warning',
      label: 'expired',
      detail: 'The token expired; a new one is minted on next use, or now with Renew.',
    };
  }
  return {
    tone: left < 15 * MINUTE ? 'warning' : 'success',
    label: `expires in ${durationWords(left)}`,
    detail: `The token was minted with the provider’s CLI and is renewed by itself when it expires.`,
  };
}

/**
 * The status an account shows (UI.md S3): a test running or failed this session wins, then a
 * cloud token's expiry, then the last successful test, else "not tested".
 */
export function accountStatus(
  account: AccountItem,
  test: AccountTest | undefined,
  now: number,
): AccountStatus {
  if (test?.status === 'testing') {
    return { tone: 'muted', label: 'testing…', detail: 'Testing the login now.' };
  }
  if (test?.status === 'failed') {
    return { tone: 'danger', label: 'failed', detail: test.error?.message ?? 'The test failed.' };
  }
  const token = tokenStatus(account, now);
  if (token) return token;
  if (account.capabilities) {
    const who = account.secretKind === 'none' ? 'Reached without a login' : 'Login accepted';
    return {
      tone: 'success',
      label: 'ok',
      detail: `${who} ${durationWords(now - account.capabilities.checkedAt)} ago.`,
    };
  }
  return {
    tone: 'muted',
    label: 'not tested',
    detail: 'Saved without a test: Test it to see what it may do.',
  };
}

/** A path with the home folder written `~` ("~/.docker/config.json"), as users know it. */
export function shortPath(path: string): string {
  return path.replace(/^\/(?:home|Users)\/[^/]+(?=\/)/, '~').replace(/^\/root(?=\/)/, '~');
}
