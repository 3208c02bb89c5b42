import { Check, Copy } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { TagDetails } from '../../store/domain.js';
import { copyText } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';
import { formatAbsolute, formatExactBytes } from '../../ui/format.js';
import { GridCell } from '../../ui/grid/grid-parts.js';
import type { Formatters } from '../settings/use-formatters.js';
import { archesOf, createdAt, type TagColumn } from './tag-columns.js';

/**
 * The cells of a tag row after the Tag (UI.md S5 columns). A cell whose details are on their
 * way is a skeleton; one the manifest cannot answer says so in words and in its tooltip.
 */

/** Why Signed is "unknown" in the grid. */
export const SIGNED_HINT =
  'A SIF keeps its signatures inside the image; the manifest does not list them. Open the SIF tab in Details to read the signers.';
const ARCH_HINT =
  'The manifest of a single image does not name its architecture; the SIF tab reads it from the image header.';

function Skeleton({ width }: { width: string }) {
  // No shimmer while the grid scrolls: each animated cell would be repainted every frame.
  return (
    <span
      aria-hidden
      className={cx('skeleton block h-3 in-data-scrolling:[animation:none]!', width)}
    />
  );
}

/** A small icon button inside a row: plain DOM (rows are many), reached with ←/→. */
export function RowButton({
  label,
  onPress,
  children,
  className,
}: {
  label: string;
  onPress: (button: HTMLButtonElement) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={label}
      title={label}
      onClick={(e) => onPress(e.currentTarget)}
      className={cx(
        'inline-flex size-6 shrink-0 items-center justify-center rounded text-muted outline-none',
        'hover:bg-hover hover:text-text focus-visible:outline-2 focus-visible:outline-accent',
        className,
      )}
    >
      {children}
    </button>
  );
}

function DigestCell({ digest, live }: { digest: string; live: boolean }) {
  const [copied, setCopied] = useState(false);
  const hex = digest.split(':')[1]?.slice(0, 12) ?? digest;
  return (
    <GridCell
      title={digest}
      className={cx('font-mono text-sm text-muted', live && 'flex items-center gap-1')}
    >
      {live ? <span className="truncate">{hex}</span> : hex}
      {live ? (
        <RowButton
          label={copied ? 'Digest copied' : 'Copy digest'}
          className="opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 focus-visible:opacity-100"
          onPress={() => void copyText(digest).then(setCopied)}
        >
          {copied ? (
            <Check size={12} aria-hidden className="text-success" />
          ) : (
            <Copy size={12} aria-hidden />
          )}
        </RowButton>
      ) : null}
    </GridCell>
  );
}

/** The cell of `column` for a tag whose details are `details` (undefined: still loading). */
export function DetailCell({
  column,
  details,
  format,
  live,
}: {
  column: Exclude<TagColumn, 'tag'>;
  details: TagDetails | undefined;
  format: Formatters;
  /** The row's buttons are drawn (see TagRow). */
  live: boolean;
}) {
  if (column === 'signed') {
    return (
      <GridCell title={SIGNED_HINT} className="text-muted">
        unknown
      </GridCell>
    );
  }
  const align = column === 'size' ? 'end' : undefined;
  if (details === undefined) {
    return (
      <GridCell align={align}>
        <Skeleton
          width={cx(
            column === 'digest' ? 'w-20' : column === 'created' ? 'w-16' : 'w-12',
            align === 'end' && 'ml-auto',
          )}
        />
      </GridCell>
    );
  }
  if (!details.ok) {
    return (
      <GridCell align={align} title={details.error.message} className="text-muted">
        —
      </GridCell>
    );
  }
  switch (column) {
    case 'digest':
      return <DigestCell digest={details.digest} live={live} />;
    case 'size':
      return (
        <GridCell align="end" title={formatExactBytes(details.size)} className="tabular-nums">
          {format.bytes(details.size)}
        </GridCell>
      );
    case 'created': {
      const at = createdAt(details);
      return at === undefined ? (
        <GridCell
          title="The manifest carries no creation date (org.opencontainers.image.created)."
          className="text-muted"
        >
          —
        </GridCell>
      ) : (
        <GridCell title={formatAbsolute(at)}>{format.time(at)}</GridCell>
      );
    }
    case 'arch': {
      const arches = archesOf(details);
      return arches.length ? (
        <GridCell title={details.platforms.join(', ')}>{arches.join(', ')}</GridCell>
      ) : (
        <GridCell title={ARCH_HINT} className="text-muted">
          —
        </GridCell>
      );
    }
  }
}
