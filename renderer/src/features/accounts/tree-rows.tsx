import { ChevronRight, Clock, List, Pin } from 'lucide-react';
import { useState } from 'react';
import { Button, TreeItem, TreeItemContent } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import { cx } from '../../ui/cx.js';
import { Monogram } from '../../ui/monogram.js';
import { pushTargetAttribute, type PaneTarget } from '../shell/view-slice.js';
import { accountMenuEntries } from './account-actions.js';
import { accountStatus, accountUser } from './account-status.js';
import { ACCOUNT_MENU_ICONS } from './menu-icons.js';
import { contextMenuOpener, RepositoryMenu, RowMenu } from './row-menu.js';
import { accountChildren } from './sidebar-model.js';
import { StatusBadge } from './status-badge.js';

/** The look of every tree row: 28 px (36 comfortable), hover and the current place. */
export const treeRowClass = (current: boolean) =>
  cx(
    'group flex cursor-default items-center gap-1.5 rounded-md pr-1 outline-none',
    'hover:bg-hover data-[focus-visible]:outline-2 data-[focus-visible]:-outline-offset-2 data-[focus-visible]:outline-accent',
    current && 'bg-selected hover:bg-selected',
  );

const HOVER_ONLY =
  'opacity-0 group-hover:opacity-100 group-data-[focus-visible]:opacity-100 focus-visible:opacity-100';

/** A repository under its account: opens in the explorer; a .sif dropped on it pushes there. */
function RepositoryItem({ target, kind }: { target: PaneTarget; kind: 'pinned' | 'recent' }) {
  const [menu, setMenu] = useState(false);
  const current = useSifportStore((s) => {
    const pane = s.panes[s.activePane];
    return (
      s.screen.kind === 'explorer' &&
      pane?.accountId === target.accountId &&
      pane.repository === target.repository
    );
  });
  const openRepository = useSifportStore((s) => s.openRepository);
  const Icon = kind === 'pinned' ? Pin : Clock;
  return (
    <TreeItem
      id={`repo:${target.accountId}:${target.repository}`}
      textValue={target.repository}
      aria-label={`${target.repository} (${kind})`}
      data-push-target={pushTargetAttribute(target)}
      onAction={() => openRepository(target)}
      onContextMenu={contextMenuOpener(setMenu)}
      className={treeRowClass(current)}
    >
      <TreeItemContent>
        <span className="flex h-7 min-w-0 flex-1 items-center gap-1.5 pl-8 comfortable:h-9">
          <Icon size={12} aria-hidden className="shrink-0 text-muted" />
          <span className="truncate font-mono text-sm">{target.repository}</span>
        </span>
        <RepositoryMenu target={target} open={menu} onOpenChange={setMenu} className={HOVER_ONLY} />
      </TreeItemContent>
    </TreeItem>
  );
}

/**
 * An account row (UI.md S3): monogram, user, namespace, status icon and words; its children
 * are the pinned and recent repositories and "All repositories…".
 */
export function AccountItemRow({ account, now }: { account: AccountItem; now: number }) {
  const [menu, setMenu] = useState(false);
  const test = useSifportStore((s) => s.tests[account.id]);
  const current = useSifportStore(
    (s) => s.screen.kind === 'account' && s.screen.accountId === account.id,
  );
  const { pinned, recent } = useSifportStore(
    useShallow((s) => ({
      pinned: s.settings.pinnedRepositories[account.id],
      recent: s.settings.recentRepositories[account.id],
    })),
  );
  const children = accountChildren(pinned, recent);
  const navigate = useSifportStore((s) => s.navigate);
  const status = accountStatus(account, test, now);
  const user = accountUser(account);
  const repo = (repository: string): PaneTarget => ({
    accountId: account.id,
    registry: account.registry,
    repository,
  });
  return (
    <TreeItem
      id={`account:${account.id}`}
      textValue={user}
      aria-label={`${user}${account.namespace ? ` ${account.namespace}` : ''} on ${account.registry}, ${status.label}`}
      onAction={() => navigate({ kind: 'account', accountId: account.id })}
      onContextMenu={contextMenuOpener(setMenu)}
      className={treeRowClass(current)}
    >
      <TreeItemContent>
        {({ isExpanded }) => (
          <>
            <Button
              slot="chevron"
              aria-label={isExpanded ? 'Collapse' : 'Expand'}
              className="flex h-6 w-5 shrink-0 items-center justify-center rounded text-muted outline-none hover:text-text"
            >
              <ChevronRight
                size={14}
                aria-hidden
                className={cx('transition-transform', isExpanded && 'rotate-90')}
              />
            </Button>
            <Monogram provider={account.provider} />
            <span className="flex min-w-0 flex-1 flex-col py-1 leading-tight">
              <span className="truncate font-medium">
                {user}
                {account.namespace ? (
                  <span className="font-normal text-muted"> · {account.namespace}</span>
                ) : null}
              </span>
              <StatusBadge status={status} />
            </span>
            <RowMenu
              label={`Actions for ${user} on ${account.registry}`}
              open={menu}
              onOpenChange={setMenu}
              entries={(state) => accountMenuEntries(state, account, ACCOUNT_MENU_ICONS)}
              className={HOVER_ONLY}
            />
          </>
        )}
      </TreeItemContent>
      {children.pinned.map((r) => (
        <RepositoryItem key={`p:${r}`} target={repo(r)} kind="pinned" />
      ))}
      {children.recent.map((r) => (
        <RepositoryItem key={`r:${r}`} target={repo(r)} kind="recent" />
      ))}
      <TreeItem
        id={`all:${account.id}`}
        textValue="All repositories"
        onAction={() => navigate({ kind: 'account', accountId: account.id })}
        className={treeRowClass(false)}
      >
        <TreeItemContent>
          <span className="flex h-7 items-center gap-1.5 pl-8 text-muted comfortable:h-9">
            <List size={12} aria-hidden />
            All repositories…
          </span>
        </TreeItemContent>
      </TreeItem>
    </TreeItem>
  );
}
