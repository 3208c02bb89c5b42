import { memo } from 'react';
import { Check, Download, MoreVertical, Terminal } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { copyText } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';
import { GridCell, GridRow } from '../../ui/grid/grid-parts.js';
import { usePane } from './pane-context.js';
import { DetailCell, RowButton } from './tag-cells.js';
import { apptainerPull, tagReference } from './tag-reference.js';

/** Pull, Copy pull command and ⋮ of the row under the mouse or with the focus. */
function RowActions({ tag, reference }: { tag: string; reference: string }) {
  const { openRowMenu } = usePane();
  const { openDialog, announce } = useSifportStore.getState();
  return (
    <>
      <RowButton
        label={`Pull ${tag}…`}
        onPress={() => openDialog({ kind: 'pull', references: [reference] })}
      >
        <Download size={14} aria-hidden />
      </RowButton>
      <RowButton
        label="Copy pull command"
        onPress={() =>
          void copyText(apptainerPull(reference)).then((ok) =>
            announce(
              ok ? `Copied: ${apptainerPull(reference)}` : 'The clipboard refused the command.',
            ),
          )
        }
      >
        <Terminal size={14} aria-hidden />
      </RowButton>
      <RowButton label={`More actions for ${tag}`} onPress={(button) => openRowMenu(tag, button)}>
        <MoreVertical size={14} aria-hidden />
      </RowButton>
    </>
  );
}

/**
 * One tag of the grid. It subscribes to its own details and its own selection bit, so a
 * `registry:details` answer or a click re-renders only the rows it changes (UI.md S5).
 */
export const TagRow = memo(function TagRow({
  index,
  start,
  tabStop,
  live,
  tag,
}: {
  index: number;
  start: number;
  tabStop: boolean;
  /** Under the mouse or the tab stop: the row's buttons are drawn (only then: rows are many). */
  live: boolean;
  tag: string;
}) {
  const { pane, target, repoKey, columns, rowHeight, format } = usePane();
  const details = useSifportStore((s) => s.tagDetails[repoKey]?.[tag]);
  const selected = useSifportStore((s) => {
    const own = s.explorerPanes[pane];
    return own?.repoKey === repoKey && own.selected.has(tag);
  });
  const reference = tagReference(target, tag);
  return (
    <GridRow
      index={index}
      start={start}
      height={rowHeight}
      selected={selected}
      tabStop={tabStop}
      draggable
    >
      <GridCell className="flex justify-center px-0">
        <span
          role="checkbox"
          aria-checked={selected}
          aria-label={`Select ${tag}`}
          data-row-check
          className={cx(
            'flex size-4 items-center justify-center rounded border',
            selected ? 'border-accent bg-accent text-on-accent' : 'border-control bg-bg',
          )}
        >
          {selected ? <Check size={12} strokeWidth={3} aria-hidden /> : null}
        </span>
      </GridCell>
      <GridCell header title={tag} className="font-mono">
        {tag}
      </GridCell>
      {columns.map((column) =>
        column === 'tag' ? null : (
          <DetailCell key={column} column={column} details={details} format={format} live={live} />
        ),
      )}
      <div
        role="gridcell"
        className={cx(
          'absolute inset-y-0 right-1 my-auto flex h-7 items-center gap-0.5 rounded-md px-0.5',
          live && 'border border-line bg-raised shadow-sm',
          'opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 group-focus:opacity-100',
        )}
      >
        {live ? <RowActions tag={tag} reference={reference} /> : null}
      </div>
    </GridRow>
  );
});
