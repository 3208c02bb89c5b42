import { cx } from '../../ui/cx.js';
import { shortDigest } from '../../ui/format.js';
import type { DeleteGroup } from './delete-plan.js';

/** One tag as a chip; a tag the user did not pick, but that goes too, stands out. */
function TagChip({ tag, sibling }: { tag: string; sibling: boolean }) {
  return (
    <li
      className={cx(
        'rounded border px-1.5 font-mono text-sm',
        sibling ? 'border-warning bg-warning-soft' : 'border-line bg-surface',
      )}
    >
      {tag}
      {sibling ? <span className="sr-only"> (not selected, goes too)</span> : null}
    </li>
  );
}

/**
 * What each delete takes along (UI.md S8): "Removes 0.7.18 only" for a digest with one tag,
 * otherwise "Deleting sha256:ab12… also removes latest, stable", with every tag listed.
 */
export function DeleteGroupsView({ groups }: { groups: readonly DeleteGroup[] }) {
  return (
    <ul aria-label="What will be deleted" className="m-0 flex list-none flex-col gap-3 p-0">
      {groups.map((g) => (
        <li key={`${g.repository}@${g.digest}`} className="rounded-md border border-line p-3">
          <p className="m-0">
            <span className="font-mono text-sm">{g.repository}</span>
            {' · '}
            {g.siblings.length === 0 ? (
              <span>
                Removes{' '}
                {g.tags.length === 1 ? (
                  <strong className="font-mono">{g.tags[0]}</strong>
                ) : (
                  `its ${g.tags.length} tags`
                )}{' '}
                only
              </span>
            ) : (
              <span>
                Deleting{' '}
                <span className="font-mono" title={g.digest}>
                  {shortDigest(g.digest)}…
                </span>{' '}
                also removes <strong className="font-mono">{g.siblings.join(', ')}</strong>
              </span>
            )}
          </p>
          <ul
            aria-label={`Tags on ${shortDigest(g.digest)}`}
            className="m-0 mt-2 flex list-none flex-wrap gap-1 p-0"
          >
            {g.tags.map((t) => (
              <TagChip key={t} tag={t} sibling={g.siblings.includes(t)} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
