import { useMemo, useState } from 'react';
import { Tree, TreeHeader, TreeSection, type Key } from 'react-aria-components';
import { useSifportStore } from '../../store/store.js';
import { groupByHost } from './sidebar-model.js';
import { AccountItemRow } from './tree-rows.js';
import { useNow } from './use-now.js';

/**
 * The accounts tree (UI.md S3): a React Aria Tree grouped by host, so arrow keys, Home/End,
 * typeahead and Enter work as in a file tree. Accounts start expanded; what the user
 * collapses stays collapsed while the window is open.
 */
export function AccountsTree() {
  const accounts = useSifportStore((s) => s.accounts);
  const groups = useMemo(() => groupByHost(accounts), [accounts]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<Key>>(new Set());
  const now = useNow();
  const all = accounts.map((a) => `account:${a.id}`);
  const expanded = new Set(all.filter((key) => !collapsed.has(key)));
  return (
    <Tree
      aria-label="Accounts"
      expandedKeys={expanded}
      onExpandedChange={(keys) => setCollapsed(new Set(all.filter((key) => !keys.has(key))))}
      // Each row acts on its own (open the account or repository); without a tree-level
      // action React Aria would also toggle a parent row on every press.
      onAction={() => undefined}
      className="flex flex-col px-1.5 pb-2 outline-none"
    >
      {groups.map((group) => (
        <TreeSection key={group.host} id={`host:${group.host}`} className="flex flex-col">
          <TreeHeader className="truncate px-2 pt-3 pb-1 font-mono text-xs text-muted">
            {group.host}
          </TreeHeader>
          {group.accounts.map((account) => (
            <AccountItemRow key={account.id} account={account} now={now} />
          ))}
        </TreeSection>
      ))}
    </Tree>
  );
}
