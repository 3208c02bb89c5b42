import type { ReactNode } from 'react';

/**
 * What a screen shows when it has nothing to list: what this place is for and what to do
 * next (UI.md: "every empty, loading and error state says what to do next").
 */
export function EmptyState({
  icon,
  title,
  children,
  actions,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-6 py-12 text-center">
      {icon ? (
        <div aria-hidden className="mb-3 text-muted">
          {icon}
        </div>
      ) : null}
      <h2 className="m-0 text-lg font-semibold">{title}</h2>
      {children ? <div className="mt-2 w-full text-muted">{children}</div> : null}
      {actions ? <div className="mt-4 flex flex-wrap justify-center gap-2">{actions}</div> : null}
    </div>
  );
}
