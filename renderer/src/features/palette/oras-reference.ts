import type { AccountItem } from '../../store/domain.js';

/** A reference the palette recognised in what was typed or pasted. */
export interface TypedReference {
  /** As the engine takes it: `oras://HOST/REPO[:TAG][@DIGEST]`. */
  readonly reference: string;
  /** The host as written (lower-cased), port included. */
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const HOST = String.raw`(?:\[[0-9a-fA-F:]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?)(?::\d{1,5})?`;
const COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:oras://)?(${HOST})/(${COMPONENT}(?:/${COMPONENT})*)(?::([a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$`,
);

/** Docker Hub's names for itself; accounts may use any of them. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The host as accounts are compared: lower case, Docker Hub's aliases as one. */
export function sameHost(a: string, b: string): boolean {
  const norm = (h: string) => (DOCKER_HUB.has(h.toLowerCase()) ? 'docker.io' : h.toLowerCase());
  return norm(a) === norm(b);
}

/**
 * The reference in `input`, or undefined: `oras://HOST/REPO[:TAG][@sha256:…]` as apptainer
 * writes it, or the same without `oras://` when the first part is clearly a host (it has a
 * dot or a port, or is `localhost`), so "genomics/bwa" stays a search.
 */
export function parseTypedReference(input: string): TypedReference | undefined {
  const text = input.trim();
  const match = REFERENCE.exec(text);
  if (!match) return undefined;
  const [, host = '', repository = '', tag, digest] = match;
  const schemed = text.toLowerCase().startsWith('oras://');
  if (!schemed && !/[.:]/.test(host) && host.toLowerCase() !== 'localhost') return undefined;
  const registry = host.toLowerCase();
  return {
    reference: `oras://${registry}/${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`,
    registry,
    repository,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
  };
}

/**
 * The account to open `ref` with: on its host, scoped to a namespace that holds the
 * repository (the longest such), else one scoped to nothing; undefined when no account fits.
 */
export function accountForReference(
  accounts: readonly AccountItem[],
  ref: Pick<TypedReference, 'registry' | 'repository'>,
): AccountItem | undefined {
  const onHost = accounts.filter((a) => sameHost(a.registry, ref.registry));
  const scoped = onHost
    .filter((a) => a.namespace && `${ref.repository}/`.startsWith(`${a.namespace}/`))
    .sort((a, b) => (b.namespace?.length ?? 0) - (a.namespace?.length ?? 0));
  return scoped[0] ?? onHost.find((a) => !a.namespace);
}
