import type { ProviderId } from '../store/domain.js';
import { cx } from './cx.js';

/** UI.md S3: a monogram per provider, never a brand logo. */
export const MONOGRAMS: Readonly<Record<ProviderId, string>> = {
  ecr: 'ECR',
  acr: 'ACR',
  gcp: 'GAR',
  dockerhub: 'HUB',
  ocir: 'OCIR',
  gitlab: 'GL',
  ghcr: 'GH',
  quay: 'QY',
  harbor: 'HB',
  generic: 'REG',
};

/**
 * The provider's monogram tile, decorative beside the account's name. Its letters are drawn
 * from `data-monogram` by CSS, not written in the DOM: inside a labelled control (a Select's
 * value) they would otherwise count as visible text missing from its name (axe 2.5.3).
 */
export function Monogram({ provider, large = false }: { provider: ProviderId; large?: boolean }) {
  return (
    <span
      aria-hidden
      data-monogram={MONOGRAMS[provider]}
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded border border-line bg-surface font-mono font-semibold text-muted',
        'before:content-[attr(data-monogram)]',
        large ? 'h-10 w-10 text-sm' : 'h-5 min-w-7 px-0.5 text-[9px]',
      )}
    />
  );
}
