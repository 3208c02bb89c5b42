import type { AccountItem } from '../../store/domain.js';
import { checkTarget, firstProblem, type TargetContext } from '../targets/target-check.js';
import { canPush, referenceOf, type TargetValue } from '../targets/target-rules.js';
import type { PaneTarget, PushFile } from '../shell/view-slice.js';
import type { FileFacts, TagCheck } from './push-checks.js';
import { inNamespace, nameParts, versionLabel } from './push-names.js';

/** Whether the tag a file goes to is free, taken, or being asked about; for one reference. */
export type TagState =
  | { readonly status: 'idle' }
  | ({ readonly reference: string } & ({ readonly status: 'checking' } | TagCheck));

/** One file of the push sheet with where it goes and what is known about it. */
export interface PushEntry {
  readonly key: string;
  readonly file: PushFile;
  /** Undefined while the file is being checked. */
  readonly facts?: FileFacts;
  readonly target: TargetValue;
  /** The tag came from the file name or the user, so a version label must not replace it. */
  readonly tagSettled: boolean;
  readonly tagState: TagState;
  /** The user chose to move an existing tag. */
  readonly overwrite: boolean;
}

/** The account a new entry starts with: the drop target's, else the most recent push-capable. */
export function startAccount(
  accounts: readonly AccountItem[],
  target: Partial<PaneTarget> | undefined,
  recentRegistries: readonly string[],
): AccountItem | undefined {
  const byId = accounts.find((a) => a.id === target?.accountId);
  if (byId) return byId;
  const byHost = accounts.find((a) => target?.registry && a.registry === target.registry);
  if (byHost) return byHost;
  for (const registry of recentRegistries) {
    const recent = accounts.find((a) => a.registry === registry && canPush(a));
    if (recent) return recent;
  }
  return accounts.find(canPush) ?? accounts[0];
}

/** A new entry: repository and tag from the drop target or the file name (`bwa_0.7.18.sif`). */
export function newEntry(
  key: string,
  file: PushFile,
  account: AccountItem | undefined,
  target: Partial<PaneTarget> | undefined,
): PushEntry {
  const parts = nameParts(file.name);
  return {
    key,
    file,
    target: {
      accountId: account?.id ?? '',
      repository: target?.repository ?? inNamespace(parts.repository, account?.namespace),
      tag: parts.tag ?? 'latest',
    },
    tagSettled: parts.tag !== undefined,
    tagState: { status: 'idle' },
    overwrite: false,
  };
}

/** An entry once its file is checked: a version label becomes the tag unless one was settled. */
export function withFacts(entry: PushEntry, facts: FileFacts): PushEntry {
  const label = facts.ok && !entry.tagSettled ? versionLabel(facts.labels) : undefined;
  return {
    ...entry,
    facts,
    file: { ...entry.file, size: facts.size ?? entry.file.size },
    target: label ? { ...entry.target, tag: label } : entry.target,
  };
}

/** The reference an entry goes to, or undefined while its account is unknown. */
export function entryReference(
  entry: PushEntry,
  accounts: readonly AccountItem[],
): string | undefined {
  const account = accounts.find((a) => a.id === entry.target.accountId);
  return account
    ? referenceOf(account.registry, entry.target.repository, entry.target.tag)
    : undefined;
}

/** What still keeps the sheet from pushing (one sentence), or undefined when it can push. */
export function blockingReason(
  entries: readonly PushEntry[],
  context: TargetContext,
): string | undefined {
  if (entries.length === 0) return 'Add a SIF file to push.';
  const references = new Set<string>();
  for (const entry of entries) {
    const name = entry.file.name;
    if (!entry.facts) return `Checking ${name}…`;
    if (!entry.facts.ok) return `Remove ${name}: it is not a SIF.`;
    const problem = firstProblem(checkTarget(entry.target, context));
    if (problem) return entries.length > 1 ? `${name}: ${problem}` : problem;
    const reference = entryReference(entry, context.accounts)!;
    if (references.has(reference)) return `Two files would go to ${reference}: change a tag.`;
    references.add(reference);
    const tag = entry.tagState;
    if (tag.status === 'idle' || tag.status === 'checking' || tag.reference !== reference) {
      return `Checking whether ${entry.target.tag} exists…`;
    }
    if (tag.status === 'exists' && !entry.overwrite) {
      return `${entry.target.tag} exists in ${entry.target.repository}: choose Overwrite or another tag.`;
    }
  }
  return undefined;
}

/** "✓ SIF 01 · amd64 · unsigned", "✗ not a SIF — why", "checking…". */
export function factsText(entry: PushEntry): string {
  const facts = entry.facts;
  if (!facts) return 'checking…';
  if (!facts.ok) return `not a SIF — ${facts.why}`;
  const signed = facts.signatures ? `signed (${facts.signatures})` : 'unsigned';
  return `SIF ${facts.version} · ${facts.arch} · ${signed}${facts.encrypted ? ' · encrypted' : ''}`;
}
