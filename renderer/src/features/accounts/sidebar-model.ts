import type { AccountItem } from '../../store/domain.js';

/** Accounts of one registry host, in the sidebar's order. */
export interface HostGroup {
  readonly host: string;
  readonly accounts: readonly AccountItem[];
}

/**
 * The accounts grouped by host (UI.md S3): hosts in the order their first account was added,
 * accounts of a host oldest first. The store keeps the list in this order, so Ctrl+1…9 go to
 * the account shown at that place.
 */
export function groupByHost(accounts: readonly AccountItem[]): HostGroup[] {
  const groups = new Map<string, AccountItem[]>();
  const sorted = [...accounts].sort((a, b) => a.createdAt - b.createdAt);
  for (const account of sorted) {
    const list = groups.get(account.registry) ?? [];
    list.push(account);
    groups.set(account.registry, list);
  }
  return [...groups].map(([host, list]) => ({ host, accounts: list }));
}

/** The accounts in sidebar order (see {@link groupByHost}). */
export function sidebarOrder(accounts: readonly AccountItem[]): AccountItem[] {
  return groupByHost(accounts).flatMap((g) => g.accounts);
}

/** The repositories shown under an account: pinned ones, then recent ones not pinned. */
export function accountChildren(
  pinned: readonly string[] | undefined,
  recent: readonly string[] | undefined,
): { readonly pinned: readonly string[]; readonly recent: readonly string[] } {
  const pins = pinned ?? [];
  return { pinned: pins, recent: (recent ?? []).filter((r) => !pins.includes(r)).slice(0, 20) };
}

/** The sidebar's pins of an account with `repository` pinned or unpinned (at most 200 kept). */
export function togglePinned(pinned: readonly string[] | undefined, repository: string): string[] {
  const list = pinned ?? [];
  return list.includes(repository)
    ? list.filter((r) => r !== repository)
    : [...list, repository].slice(-200);
}

/** Settings maps (pins, recents) without an account's entry, once the account is removed. */
export function withoutAccount<T>(
  byAccount: Readonly<Record<string, T>>,
  accountId: string,
): Record<string, T> {
  return Object.fromEntries(Object.entries(byAccount).filter(([id]) => id !== accountId));
}
