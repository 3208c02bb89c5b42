import type { AccountItem } from '../../store/domain.js';
import { accountLabel } from '../settings/account-label.js';
import { accountForReference, type TypedReference } from './oras-reference.js';
import type { PaletteItem, PaletteSource } from './palette-items.js';

/** Each account, to open its page. */
export function accountItems(source: PaletteSource): PaletteItem[] {
  return source.accounts.map((a) => ({
    id: `account:${a.id}`,
    label: accountLabel(a),
    detail: 'Account',
    keywords: `${a.provider} account`,
    icon: 'account',
    action: { kind: 'navigate', screen: { kind: 'account', accountId: a.id } },
  }));
}

/** Pinned, then recently opened repositories of every account (settings), each once. */
export function repositoryItems(source: PaletteSource): PaletteItem[] {
  const items: PaletteItem[] = [];
  const seen = new Set<string>();
  for (const [kind, lists] of [
    ['pinned', source.pinned],
    ['recent', source.recent],
  ] as const) {
    for (const account of source.accounts) {
      for (const repository of lists[account.id] ?? []) {
        const id = `repo:${account.id}:${repository}`;
        if (seen.has(id)) continue;
        seen.add(id);
        items.push({
          id,
          label: repository,
          detail: accountLabel(account),
          keywords: kind,
          icon: kind === 'pinned' ? 'pinned' : 'repository',
          action: {
            kind: 'open-repository',
            target: { accountId: account.id, registry: account.registry, repository },
          },
        });
      }
    }
  }
  return items;
}

/** Start, Keys, Settings (and each of its sections), Transfers. */
export function screenItems(source: PaletteSource): PaletteItem[] {
  return [
    {
      id: 'screen:home',
      label: 'Start',
      icon: 'screen',
      action: { kind: 'navigate', screen: { kind: 'home' } },
    },
    {
      id: 'screen:keys',
      label: 'Keys',
      keywords: 'signing keyring pgp',
      icon: 'screen',
      action: { kind: 'navigate', screen: { kind: 'keys' } },
    },
    {
      id: 'screen:settings',
      label: 'Settings',
      keys: 'Mod+,',
      keywords: 'preferences options',
      icon: 'screen',
      action: { kind: 'navigate', screen: { kind: 'settings' } },
    },
    ...source.settingsSections.map((s): PaletteItem => ({
      id: `screen:settings:${s.id}`,
      label: `Settings › ${s.label}`,
      keywords: `preferences ${s.keywords ?? ''}`,
      searchOnly: true,
      icon: 'screen',
      action: { kind: 'navigate', screen: { kind: 'settings', section: s.id } },
    })),
    {
      id: 'screen:transfers',
      label: 'Transfers',
      keywords: 'drawer queue history',
      icon: 'screen',
      action: { kind: 'show-transfers' },
    },
  ];
}

/** Open, Pull and Copy to for a typed reference (or adding the account its host lacks). */
export function referenceItems(
  ref: TypedReference,
  accounts: readonly AccountItem[],
): PaletteItem[] {
  const account = accountForReference(accounts, ref);
  const what =
    ref.tag || ref.digest
      ? ref.reference.replace(/^oras:\/\/[^/]+\//, '')
      : `${ref.repository}:latest`;
  const items: PaletteItem[] = account
    ? [
        {
          id: 'ref:open',
          label: `Open ${ref.repository}`,
          detail: accountLabel(account),
          icon: 'open',
          action: {
            kind: 'open-repository',
            target: {
              accountId: account.id,
              registry: account.registry,
              repository: ref.repository,
            },
          },
        },
      ]
    : [
        {
          id: 'ref:add-account',
          label: `Add an account for ${ref.registry}…`,
          detail: 'No account of yours is on this host',
          icon: 'add',
          action: { kind: 'dialog', dialog: { kind: 'add-account', input: ref.reference } },
        },
      ];
  items.push(
    {
      id: 'ref:pull',
      label: `Pull ${what}…`,
      icon: 'pull',
      action: { kind: 'dialog', dialog: { kind: 'pull', references: [ref.reference] } },
    },
    {
      id: 'ref:copy',
      label: `Copy ${what} to…`,
      icon: 'copy',
      action: { kind: 'dialog', dialog: { kind: 'copy', references: [ref.reference] } },
    },
  );
  return items;
}

/** The command table's entries, each with its keys. */
export function commandItems(source: PaletteSource): PaletteItem[] {
  return source.commands.map((c) => ({
    id: `command:${c.id}`,
    label: c.label,
    ...(c.keys ? { keys: c.keys } : {}),
    icon: 'command',
    action: { kind: 'command', command: c.id },
  }));
}

/** References of recent transfers: choosing one puts it in the search field. */
export function historyItems(source: PaletteSource): PaletteItem[] {
  return source.references.map((r) => ({
    id: `recent:${r}`,
    label: r.replace(/^oras:\/\//, ''),
    keywords: r,
    icon: 'reference',
    action: { kind: 'fill', query: r },
  }));
}
