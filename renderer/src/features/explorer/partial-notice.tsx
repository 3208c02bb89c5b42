import { memo, useMemo } from 'react';
import { Info } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { formatCount } from '../../ui/format.js';
import { DETAILS_LIMITS } from './details-queue.js';
import { usePane } from './pane-context.js';
import { columnSpec, type TagColumn } from './tag-columns.js';

/**
 * Says when the order or the facets rest on details loaded for only some tags (UI.md S5:
 * "Sorted by Created using 1,240 of 10,000 tags. [Load all (≈100 requests)]").
 */
export const PartialNotice = memo(function PartialNotice({
  sortColumn,
  sortedWith,
  shown,
  unknownToFacets,
  total,
}: {
  sortColumn: TagColumn;
  sortedWith: number | undefined;
  shown: number;
  unknownToFacets: number;
  /** Tags in the repository. */
  total: number;
}) {
  const { target, repoKey } = usePane();
  const details = useSifportStore((s) => s.tagDetails[repoKey]);
  const known = useMemo(() => Object.keys(details ?? {}).length, [details]);
  const missing = total - known;
  const loadAll = useSifportStore((s) => s.loadAllDetails);
  const sortPartial = sortedWith !== undefined && sortedWith < shown;
  if ((!sortPartial && unknownToFacets === 0) || missing === 0) return null;
  const requests = Math.ceil(missing / DETAILS_LIMITS.bulkBatch);
  const parts: string[] = [];
  if (sortPartial) {
    parts.push(
      `Sorted by ${columnSpec(sortColumn).label} using ${formatCount(sortedWith)} of ${formatCount(shown)} tags; the rest follow in tag order.`,
    );
  }
  if (unknownToFacets > 0) {
    parts.push(`${formatCount(unknownToFacets)} tags are left out until their details load.`);
  }
  return (
    <div
      role="status"
      className="flex shrink-0 items-center gap-2 border-b border-line bg-surface px-3 py-1 text-sm"
    >
      <Info size={14} aria-hidden className="shrink-0 text-accent" />
      <span className="flex-1">{parts.join(' ')}</span>
      <Button small onPress={() => loadAll(target)}>
        Load all (≈{formatCount(requests)} {requests === 1 ? 'request' : 'requests'})
      </Button>
    </div>
  );
});
