import { CopyButton } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';

const SECTION = /^\s*%[a-z]+/i;
const HEADER = /^\s*[A-Za-z]+:/;

/**
 * A definition file with line numbers, `%section` lines and `Header:` keywords highlighted,
 * and Copy (UI.md S6 SIF, §7: "deffile needs ~10 regex lines", no highlighter library).
 */
export function DeffileView({ text }: { text: string }) {
  const lines = text.replace(/\n$/, '').split('\n');
  const digits = String(lines.length).length;
  const firstSection = lines.findIndex((line) => SECTION.test(line));
  const inHeader = (i: number) => firstSection < 0 || i < firstSection;
  return (
    <figure className="m-0 flex flex-col gap-1">
      <figcaption className="flex items-center justify-between">
        <span className="font-medium">Definition file</span>
        <CopyButton text={text} label="Copy the definition file" />
      </figcaption>
      <pre
        aria-label="Definition file"
        tabIndex={0}
        className="m-0 overflow-auto rounded-md border border-line bg-surface py-2 text-sm leading-5"
      >
        {lines.map((line, i) => (
          <div key={i} className="flex">
            <span
              aria-hidden
              className="shrink-0 px-2 text-right text-muted select-none"
              style={{ width: `${digits + 2}ch` }}
            >
              {i + 1}
            </span>
            <code
              className={cx(
                'pr-2 whitespace-pre-wrap break-all',
                SECTION.test(line) && 'font-semibold text-accent',
                inHeader(i) && HEADER.test(line) && 'text-success',
              )}
            >
              {line || ' '}
            </code>
          </div>
        ))}
      </pre>
    </figure>
  );
}
