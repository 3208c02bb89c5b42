import { useState, type FormEvent } from 'react';
import { Columns2 } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TextField } from '../../ui/field.js';
import { Kbd } from '../../ui/kbd.js';
import { Select } from '../../ui/select.js';
import type { AccountItem } from '../../store/domain.js';
import { selectOnly } from '../../ui/grid/selection.js';
import { parseTypedRepository } from './typed-repository.js';
import { repoKeyOf } from './tag-reference.js';

const ANONYMOUS = '';

/** The account a typed host belongs to: the first one on that registry whose namespace fits. */
function accountFor(accounts: readonly AccountItem[], registry: string, repository: string) {
  return accounts.find(
    (a) => a.registry === registry && (!a.namespace || repository.startsWith(`${a.namespace}/`)),
  );
}

/**
 * A pane with no repository (UI.md S5): how to pick one (sidebar, palette), a field to type
 * `oras://HOST/REPO[:TAG]` or a path on the chosen account, and the recent repositories.
 */
export function OpenRepository({ pane }: { pane: number }) {
  const accounts = useSifportStore((s) => s.accounts);
  const recent = useSifportStore((s) => s.settings.recentRepositories);
  const { openRepository, updatePane } = useSifportStore.getState();
  const [accountId, setAccountId] = useState<string>(accounts[0]?.id ?? ANONYMOUS);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const chosen = accounts.find((a) => a.id === accountId);
  const open = (e?: FormEvent) => {
    e?.preventDefault();
    const typed = parseTypedRepository(text, chosen?.registry);
    if ('error' in typed) return setError(typed.error);
    const account =
      typed.registry === chosen?.registry
        ? chosen
        : accountFor(accounts, typed.registry, typed.repository);
    const target = {
      accountId: account?.id ?? ANONYMOUS,
      registry: typed.registry,
      repository: typed.repository,
    };
    openRepository(target, pane);
    if (typed.tag) updatePane(pane, repoKeyOf(target), selectOnly(typed.tag));
  };
  const recents = accounts.flatMap((a) =>
    (recent[a.id] ?? []).slice(0, 5).map((repository) => ({ account: a, repository })),
  );
  return (
    <EmptyState
      icon={<Columns2 size={32} />}
      title={pane === 0 ? 'Open a repository' : 'Open a repository in this pane'}
    >
      <p className="mt-0">
        Pick one in the sidebar, search with <Kbd keys="Mod+K" />, or type its name here.
      </p>
      <form onSubmit={open} className="mt-4 flex flex-col gap-3 text-left">
        <Select
          label="Account"
          value={accountId}
          onChange={setAccountId}
          options={[
            ...accounts.map((a) => ({
              value: a.id,
              label: `${a.username || 'anonymous'} @ ${a.registry}`,
            })),
            { value: ANONYMOUS, label: 'No account (anonymous pull)' },
          ]}
        />
        <TextField
          label="Repository"
          mono
          value={text}
          onChange={(v) => (setText(v), setError(undefined))}
          error={error}
          placeholder="genomics/bwa"
          description="A path on the account's registry, or a full oras://HOST/REPO reference (a :tag selects that tag)."
        />
        <Button
          type="submit"
          variant="primary"
          isDisabled={text.trim() === ''}
          className="self-end"
        >
          Open
        </Button>
      </form>
      {recents.length ? (
        <div className="mt-4 text-left">
          <h3 className="m-0 mb-1 text-sm font-medium text-muted">Recent</h3>
          <ul className="m-0 flex list-none flex-col gap-0.5 p-0">
            {recents.map(({ account, repository }) => (
              <li key={`${account.id}/${repository}`}>
                <Button
                  variant="ghost"
                  small
                  onPress={() =>
                    openRepository(
                      { accountId: account.id, registry: account.registry, repository },
                      pane,
                    )
                  }
                >
                  <span className="font-mono">{repository}</span>
                  <span className="text-muted">{account.registry}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </EmptyState>
  );
}
