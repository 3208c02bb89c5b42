import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore, type SifportState } from '../../store/store.js';
import { ComboField } from '../../ui/combo-box.js';
import { CopyButton } from '../../ui/copy-button.js';
import { TextField } from '../../ui/field.js';
import { Monogram } from '../../ui/monogram.js';
import { Select } from '../../ui/select.js';
import { checkTarget, mustExist, type TargetProblems } from './target-check.js';
import { repositoryOptions } from './repository-options.js';
import {
  accountName,
  canPush,
  orderAccounts,
  referenceOf,
  registriesOf,
  type TargetValue,
} from './target-rules.js';

/** Registries pushed to or copied to lately, newest first, read once when a picker opens. */
function recentRegistries(state: SifportState): string[] {
  return registriesOf(
    state.transferOrder
      .map((id) => state.transfers[id])
      .filter((job) => job !== undefined && job.kind !== 'pull')
      .map((job) => job!.reference),
  );
}

/**
 * Account → Repository → Tag, with the `oras://…` reference it makes (UI.md S7; the Copy
 * dialog uses it too). Controlled: `value` in, every edit out through `onChange`. Each field
 * shows its own problem once it holds something; `tagNote` adds the caller's word on the tag
 * (it exists already…), `tagError` a problem only the caller knows of.
 */
export function TargetPicker({
  value,
  onChange,
  tagNote,
  tagError,
  hideTag = false,
}: {
  value: TargetValue;
  onChange: (value: TargetValue) => void;
  tagNote?: string;
  tagError?: string;
  /** Several images that keep their own tags (the Copy dialog): no Tag field. */
  hideTag?: boolean;
}) {
  const { accounts, providers, lists, pinned, recent, loadList } = useSifportStore(
    useShallow((s) => ({
      accounts: s.accounts,
      providers: s.providers,
      lists: s.repositoryLists,
      pinned: s.settings.pinnedRepositories,
      recent: s.settings.recentRepositories,
      loadList: s.loadRepositoryList,
    })),
  );
  const [recentHosts] = useState(() => recentRegistries(useSifportStore.getState()));
  const ordered = useMemo(() => orderAccounts(accounts, recentHosts), [accounts, recentHosts]);
  const account = accounts.find((a) => a.id === value.accountId);
  const list = account ? lists[account.id] : undefined;
  useEffect(() => {
    if (value.accountId) void loadList(value.accountId);
  }, [value.accountId, loadList]);

  const problems: TargetProblems = checkTarget(value, { accounts, providers, lists });
  const shown = (text: string, problem: string | undefined) => (text ? problem : undefined);
  const options = account
    ? repositoryOptions(pinned[account.id], recent[account.id], list?.repositories)
    : [];
  const listNote = !account
    ? undefined
    : list?.status === 'loading'
      ? 'Listing the repositories…'
      : list?.status === 'failed'
        ? `The registry did not list its repositories (${list.error?.message ?? 'no answer'}); type the path.`
        : mustExist(account, providers)
          ? 'This registry pushes only to repositories that exist: choose one.'
          : 'Choose one, or type a new path: the registry creates it on push.';

  return (
    <div className="flex flex-col gap-3">
      <Select
        label="Account"
        value={account?.id}
        onChange={(accountId) => onChange({ ...value, accountId })}
        placeholder={accounts.length ? 'Choose an account…' : 'No accounts yet'}
        description={
          problems.account && accounts.length === 0 ? 'Add an account first.' : undefined
        }
        options={ordered.map((a) => ({
          value: a.id,
          label: accountName(a),
          detail: canPush(a) ? undefined : 'the last test found uploads refused',
          icon: <Monogram provider={a.provider} />,
        }))}
      />
      <div className={hideTag ? 'grid gap-3' : 'grid grid-cols-[1fr_12rem] gap-3'}>
        <ComboField
          label="Repository"
          mono
          value={value.repository}
          onChange={(repository) => onChange({ ...value, repository })}
          options={options}
          placeholder="genomics/bwa"
          description={listNote}
          error={shown(value.repository, problems.repository)}
        />
        {hideTag ? null : (
          <TextField
            label="Tag"
            mono
            value={value.tag}
            onChange={(tag) => onChange({ ...value, tag })}
            placeholder="latest"
            description={tagNote}
            error={shown(value.tag, problems.tag) ?? tagError}
          />
        )}
      </div>
      {account ? (
        <div className="flex items-center gap-2 rounded-md border border-line bg-surface py-0.5 pr-0.5 pl-3">
          <span className="text-sm text-muted">Reference</span>
          <code className="min-w-0 flex-1 truncate text-sm" data-testid="target-reference">
            {referenceOf(
              account.registry,
              value.repository || 'REPOSITORY',
              hideTag ? 'TAG' : value.tag || 'TAG',
            )}
          </code>
          <CopyButton
            label="Copy the reference"
            text={referenceOf(account.registry, value.repository, value.tag)}
          />
        </div>
      ) : null}
    </div>
  );
}
