import type { PaneTarget } from '../shell/view-slice.js';

/**
 * How the explorer names what it shows: the cache key of a repository, and the `oras://`
 * references and commands the dialogs, the clipboard and the CLI take (UI.md S5, S6).
 */

/** `HOST/REPO`: the key a repository's tags and details are cached under. */
export function repoKeyOf(target: Pick<PaneTarget, 'registry' | 'repository'>): string {
  return `${target.registry}/${target.repository}`;
}

/** `oras://HOST/REPO`: what `registry:tags` and `registry:details` take. */
export function repositoryReference(target: Pick<PaneTarget, 'registry' | 'repository'>): string {
  return `oras://${repoKeyOf(target)}`;
}

/** `oras://HOST/REPO:TAG`: a tag as the dialogs and `apptainer` take it. */
export function tagReference(
  target: Pick<PaneTarget, 'registry' | 'repository'>,
  tag: string,
): string {
  return `${repositoryReference(target)}:${tag}`;
}

/** `oras://HOST/REPO@sha256:…`: an image by digest, immune to the tag moving. */
export function digestReference(
  target: Pick<PaneTarget, 'registry' | 'repository'>,
  digest: string,
): string {
  return `${repositoryReference(target)}@${digest}`;
}

/** The command a user pastes into a terminal to pull `reference` with Apptainer. */
export function apptainerPull(reference: string): string {
  return `apptainer pull ${reference}`;
}

/** The same pull through Sifport's CLI (checks size and digest before the file appears). */
export function sifportPull(reference: string): string {
  return `sifport pull ${reference}`;
}

/** How to put a first image into an empty repository (UI.md S4/S5 empty states). */
export function apptainerPush(target: Pick<PaneTarget, 'registry' | 'repository'>): string {
  return `apptainer push image.sif ${tagReference(target, 'TAG')}`;
}
