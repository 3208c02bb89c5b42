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

/** The provider's monogram tile, decorative beside the account's name. */
export function Monogram({ provider, large = false }: { provider: ProviderId; large?: boolean }) {
  const text = MONOGRAMS[provider];
  return (
    <span
      aria-hidden
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded border border-line bg-surface font-mono font-semibold text-muted',
        large ? 'h-10 w-10 text-sm' : 'h-5 min-w-7 px-0.5 text-[9px]',
      )}
    >
      {text}
    </span>
  );
}
