import { useMemo } from 'react';
import type { TagDetails } from '../../store/domain.js';
import { useSifportStore } from '../../store/store.js';
import { CommandBlock, CopyButton } from '../../ui/copy-button.js';
import { formatAbsolute, formatCount, formatExactBytes, formatRelative } from '../../ui/format.js';
import { sortRows } from '../../ui/grid/sort-rows.js';
import { createdAt } from '../explorer/tag-columns.js';
import { apptainerPull, repoKeyOf, sifportPull, tagReference } from '../explorer/tag-reference.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { FactList } from './fact-list.js';
import { ImageActions } from './image-actions.js';

/** Other tags named before "and N more". */
const SIBLINGS_SHOWN = 12;

type Described = Extract<TagDetails, { ok: true }>;

/** Other tags on the same digest among the details loaded so far, and how many that is. */
function useSiblings(target: PaneTarget, details: Described) {
  const all = useSifportStore((s) => s.tagDetails[repoKeyOf(target)]);
  const total = useSifportStore((s) => s.tagListings[repoKeyOf(target)]?.tags.length ?? 0);
  return useMemo(() => {
    const loaded = Object.values(all ?? {});
    const same = loaded.filter((d) => d.ok && d.digest === details.digest && d.tag !== details.tag);
    const tags = sortRows(same, (d) => d.tag, 'ascending').map((d) => d.tag);
    return { tags, known: loaded.length, total };
  }, [all, total, details]);
}

/**
 * Summary (UI.md S6): the full reference and digest with Copy, what the manifest says, the
 * other tags on the image, the pull commands, and Pull / Copy to… / Delete….
 */
export function SummaryTab({ target, details }: { target: PaneTarget; details: Described }) {
  const format = useFormatters();
  const reference = tagReference(target, details.tag);
  const siblings = useSiblings(target, details);
  const created = createdAt(details);
  const copyable = (text: string, label: string) => (
    <span className="flex items-start gap-1">
      <span className="min-w-0 flex-1 font-mono text-sm break-all">{text}</span>
      <CopyButton text={text} label={`Copy ${label}`} />
    </span>
  );
  return (
    <div className="flex flex-col gap-4">
      <FactList
        label="Summary"
        facts={[
          { term: 'Reference', value: copyable(reference, 'reference') },
          { term: 'Digest', value: copyable(details.digest, 'digest') },
          {
            term: 'Media type',
            value: <span className="font-mono text-sm break-all">{details.mediaType}</span>,
          },
          {
            term: 'Size',
            value: (
              <span>
                {format.bytes(details.size)}{' '}
                <span className="text-muted">({formatExactBytes(details.size)})</span>
              </span>
            ),
          },
          {
            term: 'Created',
            value:
              created === undefined ? (
                <span className="text-muted">not recorded in the manifest</span>
              ) : (
                <span>
                  {formatAbsolute(created)}{' '}
                  <span className="text-muted">({formatRelative(created)})</span>
                </span>
              ),
          },
          {
            term: 'Title',
            value: details.title ? (
              <span className="font-mono text-sm">{details.title}</span>
            ) : (
              <span className="text-muted">none</span>
            ),
          },
          {
            term: 'Kind',
            value:
              details.kind === 'index'
                ? `Image index (${details.platforms.join(', ')})`
                : details.isSif
                  ? 'SIF image'
                  : 'Image, not a SIF',
          },
          {
            term: 'Same image',
            value: siblings.tags.length ? (
              <span className="font-mono text-sm">
                {siblings.tags.slice(0, SIBLINGS_SHOWN).join(', ')}
                {siblings.tags.length > SIBLINGS_SHOWN ? (
                  <span className="font-sans text-muted">
                    {' '}
                    and {formatCount(siblings.tags.length - SIBLINGS_SHOWN)} more
                  </span>
                ) : null}
              </span>
            ) : (
              <span className="text-muted">
                no other tag
                {siblings.known < siblings.total
                  ? ` among the ${formatCount(siblings.known)} of ${formatCount(siblings.total)} tags loaded`
                  : ''}
              </span>
            ),
          },
        ]}
      />
      <div className="flex flex-col gap-1.5">
        <h3 className="m-0 text-sm font-medium text-muted">Pull from a terminal</h3>
        <CommandBlock command={apptainerPull(reference)} label="apptainer pull command" />
        <CommandBlock command={sifportPull(reference)} label="sifport pull command" />
      </div>
      <div className="flex flex-wrap gap-2">
        <ImageActions references={[reference]} />
      </div>
    </div>
  );
}
