import { useId, type ReactNode } from 'react';

/** One section of Settings (UI.md S13): its heading, what it is for, then its groups. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h3 className="m-0 text-xl font-semibold">{title}</h3>
        <p className="mt-1 mb-0 text-muted">{description}</p>
      </div>
      {children}
    </div>
  );
}

/** A group of related controls under a small heading, separated from the one above. */
export function SettingGroup({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={id}
      className="flex flex-col gap-3 border-t border-line pt-4"
    >
      <div>
        <h4 id={id} className="m-0 text-base font-semibold">
          {title}
        </h4>
        {description ? <p className="mt-0.5 mb-0 text-sm text-muted">{description}</p> : null}
      </div>
      {children}
    </div>
  );
}

/** Facts as label/value rows (paths and hosts in monospace by the caller). */
export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="m-0 min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
