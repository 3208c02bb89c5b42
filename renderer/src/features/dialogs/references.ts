import type { TypedReference } from '../palette/oras-reference.js';

/**
 * `oras://` references as the dialogs show them (UI.md S8), over the palette's parser
 * (`parseTypedReference`); the host parses every reference again before acting on it.
 */

/** The parts of `oras://HOST/REPO[:TAG][@DIGEST]`. */
export type RefParts = Omit<TypedReference, 'reference'>;

/** `oras://HOST/REPO` of a reference: what `registry:details` takes. */
export function repositoryRef(parts: RefParts): string {
  return `oras://${parts.registry}/${parts.repository}`;
}

/** `repo:tag` or `repo@sha256:ab12cd34ef56`, short enough for a list. */
export function shortRef(parts: RefParts): string {
  if (parts.tag) return `${parts.repository}:${parts.tag}`;
  return `${parts.repository}@${(parts.digest ?? '').slice(0, 19)}`;
}

/**
 * The file a pull writes: `{repo}_{tag}.sif` from the last part of the repository (as the
 * engine names it when the image has no usable title), `_latest` without a tag.
 */
export function pullFileName(parts: RefParts): string {
  const repo = parts.repository.split('/').pop() ?? parts.repository;
  const tag = parts.tag ?? (parts.digest ? parts.digest.slice(7, 19) : 'latest');
  return `${repo}_${tag}.sif`;
}
