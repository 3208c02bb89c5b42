import type { ReactNode } from 'react';

/** A term and its value, in the two-column lists of the Details tabs. */
export interface Fact {
  readonly term: string;
  readonly value: ReactNode;
}

/** Terms left, values right; long values (digests, references) wrap. */
export function FactList({ facts, label }: { facts: readonly Fact[]; label?: string }) {
  return (
    <dl
      aria-label={label}
      className="m-0 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1.5"
    >
      {facts.map((f) => (
        <div key={f.term} className="contents">
          <dt className="text-muted">{f.term}</dt>
          <dd className="m-0 min-w-0 break-words">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
