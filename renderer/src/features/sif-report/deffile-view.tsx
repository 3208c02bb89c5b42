import { useMemo } from 'react';
import { Download } from 'lucide-react';
import { Button } from '../../ui/button.js';
import { CopyButton } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';
import { NothingHere } from './code-block.js';
import { tokenizeDeffile, type DeffileTokenKind } from './deffile-lines.js';
import { saveText } from './save-text.js';

const COLOURS: Readonly<Record<DeffileTokenKind, string>> = {
  section: 'font-semibold text-accent',
  keyword: 'font-semibold',
  comment: 'text-muted italic',
  variable: 'text-success',
  text: '',
};

/**
 * The Definition tab (UI.md S6, S11): the definition file with line numbers and its
 * `%section` headers highlighted, Copy and Save as…. Without one it says where it would be
 * (images built before apptainer 3.7 keep it only inside the squashfs) and what the engine
 * could not read.
 */
export function DeffileView({
  text,
  fileName,
  notes,
}: {
  text: string | undefined;
  /** Suggested name for Save as… (`bwa_0.7.18.def`). */
  fileName: string;
  notes: readonly string[];
}) {
  const lines = useMemo(() => (text === undefined ? [] : tokenizeDeffile(text)), [text]);
  if (text === undefined) {
    return (
      <NothingHere
        text="No definition file: the image has no Def.FILE object, and none was found at /.singularity.d/Singularity inside its file system (where images built before apptainer 3.7 keep it)."
        notes={notes}
      />
    );
  }
  const width = String(lines.length).length;
  return (
    <section aria-label="Definition file" className="overflow-hidden rounded-md border border-line">
      <div className="flex h-8 items-center gap-2 border-b border-line bg-surface pr-1 pl-3">
        <h3 className="m-0 flex-1 truncate font-mono text-sm font-medium">{fileName}</h3>
        <span className="text-sm text-muted">{lines.length} lines</span>
        <Button small variant="ghost" onPress={() => saveText(fileName, text)}>
          <Download size={14} aria-hidden />
          Save as…
        </Button>
        <CopyButton text={text} label="Copy the definition file" />
      </div>
      <pre className="m-0 overflow-auto bg-bg py-2 font-mono text-sm leading-5">
        {lines.map(({ n, tokens }) => (
          <div key={n} className="flex">
            <span
              aria-hidden
              className="shrink-0 pr-3 pl-3 text-right text-muted select-none"
              style={{ width: `${width + 3}ch` }}
            >
              {n}
            </span>
            <code className="min-w-0 flex-1 pr-3 break-words whitespace-pre-wrap">
              {tokens.map((token, i) => (
                <span key={i} className={cx(COLOURS[token.kind])}>
                  {token.text}
                </span>
              ))}
              {tokens.length === 0 ? '\u200b' : null}
            </code>
          </div>
        ))}
      </pre>
    </section>
  );
}
