import type { ReactNode } from 'react';
import { AlertTriangle } from 'lucide-react';
import { formatExactBytes } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import { shortRef } from './references.js';
import { parseTypedReference } from '../palette/oras-reference.js';
import { detailsKey, type ReferenceDetails } from './use-reference-details.js';

/**
 * The images a dialog acts on, one line each: `repo:tag` (full reference in the tooltip),
 * its size once known or why it is not, and what the dialog adds (`→ bwa_0.7.18.sif`).
 */
export function ReferenceList({
  references,
  details,
  extra,
  label = 'Images',
}: {
  references: readonly string[];
  details: ReferenceDetails;
  extra?: (reference: string, index: number) => ReactNode;
  label?: string;
}) {
  const f = useFormatters();
  return (
    <ul
      aria-label={label}
      className="m-0 max-h-40 list-none overflow-auto rounded-md border border-line p-0"
    >
      {references.map((reference, i) => {
        const parts = parseTypedReference(reference);
        const d = details.details.get(detailsKey(reference));
        return (
          <li
            key={reference}
            className="flex min-h-7 items-center gap-2 border-b border-line px-3 py-1 last:border-b-0"
          >
            <span className="min-w-0 flex-1 truncate font-mono text-sm" title={reference}>
              {parts ? shortRef(parts) : reference}
            </span>
            {extra?.(reference, i)}
            {d?.ok ? (
              <span
                className="shrink-0 text-sm text-muted tabular-nums"
                title={formatExactBytes(d.size)}
              >
                {f.bytes(d.size)}
              </span>
            ) : d && !d.ok ? (
              <span className="inline-flex shrink-0 items-center gap-1 text-sm text-warning">
                <AlertTriangle size={12} aria-hidden />
                {d.error.message}
              </span>
            ) : details.status === 'loading' ? (
              <span className="shrink-0 text-sm text-muted">size…</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
