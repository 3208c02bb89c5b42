import type { IncomingHttpHeaders } from 'node:http';
import { headerValues } from './http.js';

/** One link of a `Link` header (RFC 8288 §3): its target and parameters. */
export interface LinkValue {
  /** The URI reference between `<` and `>`, not yet resolved. */
  readonly target: string;
  /** Relation types, lower-cased (`rel="next last"` gives both). */
  readonly rels: readonly string[];
  /** Parameters by lower-cased name; the first occurrence of a name wins (RFC 8288 §3). */
  readonly params: Readonly<Record<string, string>>;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Parses a `Link` header value, possibly several comma-separated links, as registries send
 * them for pagination (oras.md §3.6–§3.8). Targets may contain commas and semicolons; values
 * may be tokens or quoted strings. A malformed link is skipped up to the next comma.
 */
export function parseLinkHeader(value: string): LinkValue[] {
  const links: LinkValue[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    if (value[i] !== '<') {
      i = skipPast(value, i);
      continue;
    }
    const close = value.indexOf('>', i + 1);
    if (close < 0) break;
    const target = value.slice(i + 1, close).trim();
    i = close + 1;
    const params: Record<string, string> = {};
    for (;;) {
      while (i < n && isSpace(value[i])) i++;
      if (value[i] !== ';') break;
      i++;
      while (i < n && isSpace(value[i])) i++;
      const nameStart = i;
      while (i < n && !/[=;,\s]/.test(value[i]!)) i++;
      const name = value.slice(nameStart, i).toLowerCase();
      while (i < n && isSpace(value[i])) i++;
      let paramValue = '';
      if (value[i] === '=') {
        i++;
        while (i < n && isSpace(value[i])) i++;
        [paramValue, i] = value[i] === '"' ? readQuoted(value, i) : readToken(value, i);
      }
      if (name && !(name in params)) params[name] = paramValue;
    }
    const rels = (params['rel'] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    links.push({ target, rels, params });
    i = skipPast(value, i);
  }
  return links;
}

/** Moves past the next top-level comma (or to the end). */
function skipPast(value: string, from: number): number {
  const comma = value.indexOf(',', from);
  return comma < 0 ? value.length : comma + 1;
}

function readQuoted(value: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < value.length && value[i] !== '"') {
    if (value[i] === '\\' && i + 1 < value.length) i++;
    out += value[i];
    i++;
  }
  return [out, i + 1];
}

function readToken(value: string, start: number): [string, number] {
  let i = start;
  while (i < value.length && !/[;,\s]/.test(value[i]!)) i++;
  return [value.slice(start, i), i];
}

/**
 * The `rel="next"` target of a response's `Link` headers, resolved against the URL of the
 * request that returned it (distribution sends relative links; oras.md §3.7).
 */
export function nextPageUrl(headers: IncomingHttpHeaders, requestUrl: URL): URL | undefined {
  for (const header of headerValues(headers, 'link')) {
    const next = parseLinkHeader(header).find((link) => link.rels.includes('next'));
    if (next) return new URL(next.target, requestUrl);
  }
  return undefined;
}
