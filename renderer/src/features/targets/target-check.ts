import type { AccountItem, ProviderItem } from '../../store/domain.js';
import type { ErrorState } from '../../store/slice.js';
import { repositoryProblem, tagProblem, type TargetValue } from './target-rules.js';

/** One account's repositories as the registry's catalog lists them (or why it does not). */
export interface RepositoryList {
  readonly status: 'loading' | 'done' | 'failed';
  readonly repositories: readonly string[];
  readonly error?: ErrorState;
}

/** What is wrong with each part of a target, in words the picker shows under the field. */
export interface TargetProblems {
  readonly account?: string;
  readonly repository?: string;
  readonly tag?: string;
}

/** What {@link checkTarget} looks at besides the value. */
export interface TargetContext {
  readonly accounts: readonly AccountItem[];
  readonly providers: readonly ProviderItem[];
  readonly lists: Readonly<Record<string, RepositoryList>>;
}

/** True when the account's provider creates no repository on push (ECR: it must exist). */
export function mustExist(account: AccountItem, providers: readonly ProviderItem[]): boolean {
  return providers.find((p) => p.id === account.provider)?.quirks.repositoryMustExist === true;
}

/**
 * The problems of a target, each part on its own: no account, a malformed repository or tag,
 * or a repository a must-exist registry (ECR) does not have. A catalog that could not be read
 * proves nothing, so then the repository is taken as typed.
 */
export function checkTarget(value: TargetValue, context: TargetContext): TargetProblems {
  const account = context.accounts.find((a) => a.id === value.accountId);
  let repository = repositoryProblem(value.repository);
  if (account && !repository && mustExist(account, context.providers)) {
    const list = context.lists[account.id];
    const provider = context.providers.find((p) => p.id === account.provider)?.name;
    if (list?.status === 'done' && !list.repositories.includes(value.repository)) {
      repository = `${provider ?? 'This registry'} does not create repositories on push: create ${value.repository} there first, or choose one from the list.`;
    }
  }
  const tag = tagProblem(value.tag);
  return {
    ...(account ? {} : { account: 'Choose the account to push with.' }),
    ...(repository ? { repository } : {}),
    ...(tag ? { tag } : {}),
  };
}

/** The first problem of a target, for a disabled button's reason; undefined when it is valid. */
export function firstProblem(problems: TargetProblems): string | undefined {
  return problems.account ?? problems.repository ?? problems.tag;
}
