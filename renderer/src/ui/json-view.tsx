import { createElement, useState, type ReactNode } from 'react';
import { copyText } from './copy-button.js';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';

/**
 * A JSON document as people read manifests (UI.md S6 "Manifest / Config", §7: written by
 * hand, no library): Pretty is indented and coloured with every digest a button that copies
 * it; Raw is the exact bytes the registry digested, untouched.
 */

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/;

function DigestButton({ digest }: { digest: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      title={copied ? 'Copied' : `Copy ${digest}`}
      aria-label={copied ? `Copied ${digest}` : `Copy ${digest}`}
      onClick={() => void copyText(digest).then(setCopied)}
      className="rounded text-success underline decoration-dotted underline-offset-2 outline-none hover:bg-hover focus-visible:outline-2 focus-visible:outline-accent"
    >
      &quot;{digest}&quot;
    </button>
  );
}

function scalar(value: unknown): ReactNode {
  if (typeof value === 'string') {
    return DIGEST.test(value) ? (
      <DigestButton digest={value} />
    ) : (
      <span className="text-success">{JSON.stringify(value)}</span>
    );
  }
  if (value === null || typeof value === 'boolean')
    return <span className="text-warning">{String(value)}</span>;
  return <span className="text-accent">{JSON.stringify(value)}</span>;
}

/** One line per scalar or bracket, indented by depth; `comma` ends all but the last entry. */
function lines(
  value: unknown,
  key: string | undefined,
  depth: number,
  comma: boolean,
  out: ReactNode[],
): void {
  // createElement with the parts as separate children: no list, so no keys wanted.
  const line = (...parts: ReactNode[]) =>
    out.push(
      createElement('div', { key: out.length, style: { paddingLeft: `${depth * 2}ch` } }, ...parts),
    );
  const label =
    key === undefined ? null : <span className="text-text">{JSON.stringify(key)}: </span>;
  const tail = comma ? <span className="text-muted">,</span> : null;
  const punct = (text: string) => <span className="text-muted">{text}</span>;
  if (value === null || typeof value !== 'object') {
    line(label, scalar(value), tail);
    return;
  }
  const isArray = Array.isArray(value);
  const entries: [string | undefined, unknown][] = isArray
    ? value.map((v) => [undefined, v])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    line(label, punct(open + close), tail);
    return;
  }
  line(label, punct(open));
  entries.forEach(([k, v], i) => lines(v, k, depth + 1, i < entries.length - 1, out));
  line(punct(close), tail);
}

/** Pretty or Raw view of a JSON document; `raw` is the exact text, or base64 of bytes that are not. */
export function JsonView({
  value,
  raw,
  rawEncoding = 'utf8',
  label,
}: {
  value: unknown;
  raw?: string;
  rawEncoding?: 'utf8' | 'base64';
  label: string;
}) {
  const [mode, setMode] = useState<'pretty' | 'raw'>('pretty');
  const out: ReactNode[] = [];
  if (mode === 'pretty') lines(value, undefined, 0, false, out);
  return (
    <div className="flex min-h-0 flex-col gap-2">
      {raw !== undefined ? (
        <ToggleButtonGroup
          aria-label={`${label} view`}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[mode]}
          onSelectionChange={(keys) => setMode([...keys][0] === 'raw' ? 'raw' : 'pretty')}
          className="flex w-fit rounded-md border border-control p-0.5"
        >
          {(['pretty', 'raw'] as const).map((m) => (
            <ToggleButton
              key={m}
              id={m}
              className="h-6 rounded px-2 text-sm text-muted outline-none hover:bg-hover data-[focus-visible]:outline-2 data-[focus-visible]:outline-accent selected:bg-accent selected:text-on-accent"
            >
              {m === 'pretty' ? 'Pretty' : 'Raw bytes'}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      ) : null}
      {mode === 'pretty' ? (
        <div
          role="group"
          aria-label={label}
          className="overflow-auto rounded-md border border-line bg-surface p-2 font-mono text-sm leading-5 break-all"
        >
          {out}
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          {rawEncoding === 'base64' ? (
            <p className="m-0 text-sm text-muted">
              These bytes are not UTF-8 text; shown as base64.
            </p>
          ) : null}
          <pre
            aria-label={`${label}, raw`}
            className="m-0 overflow-auto rounded-md border border-line bg-surface p-2 text-sm whitespace-pre-wrap break-all"
          >
            {raw}
          </pre>
        </div>
      )}
    </div>
  );
}
