import { useState, type DragEvent } from 'react';
import { useSifportStore } from '../../store/store.js';
import { cx } from '../../ui/cx.js';
import { pushTargetAttribute } from '../shell/view-slice.js';
import { OpenRepository } from './open-repository.js';
import { RepositoryPane } from './repository-pane.js';
import { dragType } from './tag-grid.js';
import { repoKeyOf } from './tag-reference.js';

/**
 * One explorer pane (UI.md S5): a repository, or how to open one. Focus or a click inside
 * makes it the active pane (the toolbar, Ctrl+F, F5 and Details follow it). Rows dragged from
 * the other pane onto it open Copy to… with this repository as the destination; a .sif
 * dropped on it is pushed here (`data-push-target`).
 */
export function ExplorerPane({ pane }: { pane: number }) {
  const target = useSifportStore((s) => s.panes[pane]);
  const active = useSifportStore((s) => s.activePane === pane);
  const split = useSifportStore((s) => s.frame.split);
  const { setActivePane, openDialog } = useSifportStore.getState();
  const [dropping, setDropping] = useState(false);
  const fromOther = (e: DragEvent) =>
    split && target !== undefined && e.dataTransfer.types.includes(dragType(1 - pane));
  const name = pane === 0 ? (split ? 'Left pane' : 'Tags') : 'Right pane';
  return (
    <section
      aria-label={target ? `${name}: ${target.repository}` : `${name}: no repository`}
      data-push-target={target ? pushTargetAttribute(target) : undefined}
      onFocusCapture={() => (active ? undefined : setActivePane(pane))}
      onMouseDown={() => (active ? undefined : setActivePane(pane))}
      onDragOver={(e) => {
        if (!fromOther(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        setDropping(false);
        if (!fromOther(e) || !target) return;
        e.preventDefault();
        const references = JSON.parse(
          e.dataTransfer.getData(dragType(1 - pane)) || '[]',
        ) as string[];
        if (references.length) openDialog({ kind: 'copy', references, target });
      }}
      className={cx(
        '@container relative flex min-w-0 flex-1 flex-col border-t-2',
        split && active ? 'border-accent' : 'border-transparent',
        dropping && 'outline-2 -outline-offset-4 outline-accent outline-dashed',
      )}
    >
      {target ? (
        <RepositoryPane
          key={repoKeyOf(target)}
          pane={pane}
          target={target}
          active={active}
          split={split}
        />
      ) : (
        <OpenRepository pane={pane} />
      )}
    </section>
  );
}
