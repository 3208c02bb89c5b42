import { useMemo, useState } from 'react';
import { MousePointerClick, PanelRightOpen } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { EmptyState } from '../../ui/empty-state.js';
import { activeTag, paneStateOf } from '../explorer/explorer-slice.js';
import { repoKeyOf } from '../explorer/tag-reference.js';
import { SeveralSelected } from './several-selected.js';
import { TagDetailsView, type DetailsTab } from './tag-details.js';

/**
 * The Details pane (UI.md S6) for the active explorer pane: its focused tag, the totals of
 * several selected tags, or what to do when nothing is selected.
 */
export function DetailsPane() {
  const target = useSifportStore((s) => s.panes[s.activePane]);
  const pane = useSifportStore((s) => s.activePane);
  const selected = useSifportStore((s) =>
    target ? paneStateOf(s, pane, repoKeyOf(target)).selected : undefined,
  );
  const tag = useSifportStore((s) => activeTag(s)?.tag);
  const [tab, setTab] = useState<DetailsTab>('summary');
  const several = useMemo(
    () => (selected && selected.size > 1 ? [...selected] : undefined),
    [selected],
  );
  if (!target) {
    return (
      <EmptyState icon={<PanelRightOpen size={28} />} title="No repository open">
        Open a repository to see its tags; the focused tag's manifest and contents show here.
      </EmptyState>
    );
  }
  if (several) return <SeveralSelected target={target} tags={several} />;
  if (tag === undefined) {
    return (
      <EmptyState
        icon={<MousePointerClick size={28} />}
        title="Select a tag to see its manifest and what's inside"
      >
        Click a row, or move to it with the arrow keys. Press Enter to come here.
      </EmptyState>
    );
  }
  return (
    <TagDetailsView
      key={`${repoKeyOf(target)}\n${tag}`}
      target={target}
      tag={tag}
      tab={tab}
      onTab={setTab}
    />
  );
}
