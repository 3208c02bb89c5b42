import { memo, useMemo } from 'react';
import { X } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { IconButton } from '../../ui/button.js';
import { formatCount } from '../../ui/format.js';
import { ImageActions } from '../details/image-actions.js';
import { useFormatters } from '../settings/use-formatters.js';
import { usePane } from './pane-context.js';
import { selectionTotals } from './selection-totals.js';
import { tagReference } from './tag-reference.js';

/**
 * "3 selected · 7.2 GiB · 2 digests — Pull · Copy to… · Delete…" under the grid (UI.md S5),
 * for the selected tags that are shown.
 */
export const SelectionBar = memo(function SelectionBar({ rows }: { rows: readonly string[] }) {
  const { pane, target, repoKey } = usePane();
  const selected = useSifportStore((s) => {
    const own = s.explorerPanes[pane];
    return own?.repoKey === repoKey ? own.selected : undefined;
  });
  const details = useSifportStore((s) => s.tagDetails[repoKey]);
  const { updatePane } = useSifportStore.getState();
  const format = useFormatters();
  const tags = useMemo(
    () => (selected?.size ? rows.filter((t) => selected.has(t)) : []),
    [rows, selected],
  );
  const totals = useMemo(() => selectionTotals(tags, details), [tags, details]);
  if (tags.length === 0) return null;
  const references = tags.map((t) => tagReference(target, t));
  const size =
    totals.unknown === totals.tags
      ? 'size not loaded yet'
      : `${format.bytes(totals.bytes)}${totals.unknown ? ` + ${formatCount(totals.unknown)} not loaded` : ''}`;
  return (
    <div
      role="toolbar"
      aria-label="Selected tags"
      className="flex shrink-0 items-center gap-3 border-t border-line bg-accent-soft px-3 py-1.5"
    >
      <span className="min-w-0 flex-1 truncate font-medium">
        {formatCount(totals.tags)} selected · {size} · {formatCount(totals.digests)}{' '}
        {totals.digests === 1 ? 'digest' : 'digests'}
      </span>
      <span className="flex shrink-0 items-center gap-1.5">
        <ImageActions references={references} small compact />
        <IconButton
          label="Clear the selection"
          shortcut="Esc"
          onPress={() => updatePane(pane, repoKey, { selected: new Set(), anchor: undefined })}
        >
          <X size={14} />
        </IconButton>
      </span>
    </div>
  );
});
