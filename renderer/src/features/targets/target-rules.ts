import type { AccountItem } from '../../store/domain.js';

/**
 * Where an image goes in a registry, as the push sheet and the Copy dialog choose it (UI.md
 * S7, S8): an account (its registry and login), a repository path on it and a tag.
 */
export interface TargetValue {
  readonly accountId: string;
  readonly repository: string;
  readonly tag: string;
}

/** The distribution spec's tag grammar (oras.md §2), as the engine checks it. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

const NAME_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const REPOSITORY_PATTERN = new RegExp(`^${NAME_COMPONENT}(?:/${NAME_COMPONENT})*$`);

/** Why `tag` cannot be a tag, or undefined when it can. */
export function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'Give a tag, e.g. 1.0 or latest.';
  if (tag.length > 128) return 'A tag has at most 128 characters.';
  if (!TAG_PATTERN.test(tag)) {
    return 'A tag starts with a letter, digit or _ and holds only letters, digits, ., _ and -.';
  }
  return undefined;
}

/** Why `repository` cannot be a repository path, or undefined when it can. */
export function repositoryProblem(repository: string): string | undefined {
  if (repository === '') return 'Give a repository, e.g. genomics/bwa.';
  if (repository.length > 255) return 'A repository path has at most 255 characters.';
  if (repository !== repository.toLowerCase()) return 'Repository paths are lower case.';
  if (!REPOSITORY_PATTERN.test(repository)) {
    return 'Use lower-case letters and digits, separated by /, ., _ or -, e.g. genomics/bwa.';
  }
  return undefined;
}

/** `oras://HOST/REPO:TAG`, what `apptainer push` is given. */
export function referenceOf(registry: string, repository: string, tag: string): string {
  return `oras://${registry}/${repository}:${tag}`;
}

/** The `oras://…` reference of a target, or undefined while its account is unknown. */
export function targetReference(
  accounts: readonly AccountItem[],
  value: TargetValue,
): string | undefined {
  const account = accounts.find((a) => a.id === value.accountId);
  return account ? referenceOf(account.registry, value.repository, value.tag) : undefined;
}

/** False when the last connection test found that the registry refuses uploads. */
export function canPush(account: AccountItem): boolean {
  return account.capabilities?.chunkedUpload !== false;
}

/** "alice @ ghcr.io" (and the namespace an account is scoped to). */
export function accountName(account: AccountItem): string {
  const who = `${account.username || 'anonymous'} @ ${account.registry}`;
  return account.namespace ? `${who}/${account.namespace}` : who;
}

/**
 * Accounts in the order the pickers offer them: push-capable before the others, and within
 * each, those used most recently (`recentRegistries`, newest first) before the rest, which
 * keep the order the host listed them in.
 */
export function orderAccounts(
  accounts: readonly AccountItem[],
  recentRegistries: readonly string[],
): AccountItem[] {
  const rank = (a: AccountItem): number => {
    const i = recentRegistries.indexOf(a.registry);
    return i < 0 ? recentRegistries.length : i;
  };
  return accounts
    .map((account, index) => ({ account, index }))
    .sort(
      (x, y) =>
        Number(canPush(y.account)) - Number(canPush(x.account)) ||
        rank(x.account) - rank(y.account) ||
        x.index - y.index,
    )
    .map((x) => x.account);
}

/** Registries of the given references, newest first, each once (`oras://HOST/…`). */
export function registriesOf(references: readonly string[]): string[] {
  const out: string[] = [];
  for (const reference of references) {
    const host = /^oras:\/\/([^/]+)\//.exec(reference)?.[1];
    if (host && !out.includes(host)) out.push(host);
  }
  return out;
}

/** `0.7.18-2`, `0.7.18-3`…: the first tag after `tag` that is not in `taken`. */
export function nextFreeTag(tag: string, taken: readonly string[] = []): string {
  const base = tag.replace(/-\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 120)}-${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
