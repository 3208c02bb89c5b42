import { LoaderCircle } from 'lucide-react';

/** A busy indicator with its words beside it ("Loading tags…"), announced politely. */
export function Spinner({ label }: { label: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-muted">
      <LoaderCircle size={14} aria-hidden className="animate-spin motion-reduce:animate-none" />
      {label}
    </span>
  );
}
