import { useSifportStore } from '../../store/store.js';
import { ExplorerPane } from './explorer-pane.js';

/** The tag explorer (UI.md S5): one pane, or two side by side when split (Ctrl+\). */
export function ExplorerView() {
  const split = useSifportStore((s) => s.frame.split);
  return (
    <div className="flex min-h-0 flex-1">
      <ExplorerPane pane={0} />
      {split ? (
        <>
          <div aria-hidden className="w-px shrink-0 bg-line" />
          <ExplorerPane pane={1} />
        </>
      ) : null}
    </div>
  );
}
