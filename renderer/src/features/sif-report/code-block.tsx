import type { ReactNode } from 'react';
import { CopyButton } from '../../ui/copy-button.js';

/**
 * A script or text file from the image (run script, environment, help) under its name, with
 * Copy; long lines wrap so nothing hides behind a horizontal scroll bar.
 */
export function CodeBlock({
  title,
  text,
  actions,
}: {
  title: string;
  text: string;
  actions?: ReactNode;
}) {
  return (
    <section aria-label={title} className="mb-4 overflow-hidden rounded-md border border-line">
      <div className="flex h-8 items-center gap-2 border-b border-line bg-surface pr-1 pl-3">
        <h3 className="m-0 flex-1 truncate font-mono text-sm font-medium">{title}</h3>
        {actions}
        <CopyButton text={text} label={`Copy ${title}`} />
      </div>
      <pre className="m-0 max-h-96 overflow-auto bg-bg px-3 py-2 font-mono text-sm break-words whitespace-pre-wrap">
        {text}
      </pre>
    </section>
  );
}

/** What a tab says when the image has nothing for it, and why when the engine knows. */
export function NothingHere({ text, notes = [] }: { text: string; notes?: readonly string[] }) {
  return (
    <div className="py-6 text-muted">
      <p className="m-0">{text}</p>
      {notes.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
