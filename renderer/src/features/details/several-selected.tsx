import { useMemo } from 'react';
import { useSifportStore } from '../../store/store.js';
import { EmptyState } from '../../ui/empty-state.js';
import { formatCount, formatExactBytes } from '../../ui/format.js';
import { selectionTotals } from '../explorer/selection-totals.js';
import { repoKeyOf, tagReference } from '../explorer/tag-reference.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { FactList } from './fact-list.js';
import { ImageActions } from './image-actions.js';

const LISTED = 200;

/** Several tags selected (UI.md S6): what they add up to, and what can be done with them. */
export function SeveralSelected({ target, tags }: { target: PaneTarget; tags: readonly string[] }) {
  const details = useSifportStore((s) => s.tagDetails[repoKeyOf(target)]);
  const format = useFormatters();
  const totals = useMemo(() => selectionTotals(tags, details), [tags, details]);
  const references = tags.map((t) => tagReference(target, t));
  return (
    <EmptyState
      title={`${formatCount(totals.tags)} tags selected`}
      actions={<ImageActions references={references} />}
    >
      <div className="text-left">
        <FactList
          facts={[
            { term: 'Distinct images', value: formatCount(totals.digests) },
            {
              term: 'Their size',
              value: (
                <span title={formatExactBytes(totals.bytes)}>
                  {format.bytes(totals.bytes)}
                  {totals.unknown ? (
                    <span className="text-muted">
                      {' '}
                      + {formatCount(totals.unknown)} tags not loaded yet
                    </span>
                  ) : null}
                </span>
              ),
            },
          ]}
        />
        <ul
          aria-label="Selected tags"
          className="m-0 mt-3 max-h-64 list-none overflow-auto p-0 font-mono text-sm text-text"
        >
          {tags.slice(0, LISTED).map((t) => (
            <li key={t}>{t}</li>
          ))}
          {tags.length > LISTED ? (
            <li className="font-sans text-muted">and {formatCount(tags.length - LISTED)} more</li>
          ) : null}
        </ul>
      </div>
    </EmptyState>
  );
}
