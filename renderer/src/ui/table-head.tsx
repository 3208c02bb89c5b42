import { cx } from './cx.js';

/** One column of a {@link TableHead}: its title (screen-reader only when `hidden`). */
export interface HeadColumn {
  readonly label: string;
  readonly className?: string;
  readonly hidden?: boolean;
}

/**
 * The sticky header row of a plain data table (the SIF objects, the keyring, labels): one
 * `th scope="col"` per column, in the muted surface style every table of the window shares.
 */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead>
      <tr className="border-b border-line">
        {columns.map((c) => (
          <th
            key={c.label}
            scope="col"
            className={cx(
              'sticky top-0 z-10 h-7 bg-surface px-2 text-left font-medium text-muted',
              c.className,
            )}
          >
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
