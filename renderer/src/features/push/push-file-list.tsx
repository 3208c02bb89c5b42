import { CheckCircle2, FileBox, LoaderCircle, Plus, Trash2, XCircle } from 'lucide-react';
import { Button as AriaButton } from 'react-aria-components';
import { Button, IconButton } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { useFormatters } from '../settings/use-formatters.js';
import { factsText, type PushEntry } from './push-entry.js';

/**
 * The files of the push sheet (UI.md S7): name, size, what the SIF check found and where each
 * goes; the one selected is the one the target picker edits. Each can be removed; "Add
 * files…" opens the chooser again.
 */
export function PushFileList({
  entries,
  selected,
  references,
  onSelect,
  onRemove,
  onAdd,
  disabled,
}: {
  entries: readonly PushEntry[];
  selected: string | undefined;
  references: Readonly<Record<string, string | undefined>>;
  onSelect: (key: string) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
  disabled: boolean;
}) {
  const { bytes } = useFormatters();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h3 className="m-0 text-sm font-medium">
          {entries.length === 1 ? 'File' : `Files (${entries.length})`}
        </h3>
        <Button small onPress={onAdd} isDisabled={disabled}>
          <Plus size={12} aria-hidden />
          Add files…
        </Button>
      </div>
      {entries.length === 0 ? (
        <p className="m-0 rounded-md border border-dashed border-control px-3 py-4 text-center text-muted">
          No file yet: drop a .sif on the window or press Add files….
        </p>
      ) : (
        <ul aria-label="Files to push" className="m-0 flex list-none flex-col gap-1 p-0">
          {entries.map((entry) => {
            const ok = entry.facts?.ok;
            const isSelected = entry.key === selected;
            return (
              <li
                key={entry.key}
                className={cx(
                  'flex items-center gap-2 rounded-md border px-2 py-1',
                  isSelected && entries.length > 1 ? 'border-accent bg-accent-soft' : 'border-line',
                )}
              >
                <FileBox size={16} aria-hidden className="shrink-0 text-muted" />
                <AriaButton
                  onPress={() => onSelect(entry.key)}
                  aria-current={isSelected && entries.length > 1 ? 'true' : undefined}
                  aria-label={`${entry.file.name}, ${factsText(entry)}${entries.length > 1 ? ', edit its target' : ''}`}
                  className="flex min-w-0 flex-1 flex-col text-left outline-none focus-visible:outline-2 focus-visible:outline-accent"
                >
                  <span className="flex min-w-0 items-center gap-2">
                    <span className="truncate font-medium">{entry.file.name}</span>
                    {entry.file.size >= 0 ? (
                      <span className="shrink-0 text-sm text-muted">{bytes(entry.file.size)}</span>
                    ) : null}
                  </span>
                  <span
                    className={cx(
                      'flex min-w-0 items-center gap-1 text-sm',
                      ok === false ? 'text-danger' : ok ? 'text-success' : 'text-muted',
                    )}
                  >
                    {ok === undefined ? (
                      <LoaderCircle
                        size={12}
                        aria-hidden
                        className="animate-spin motion-reduce:animate-none"
                      />
                    ) : ok ? (
                      <CheckCircle2 size={12} aria-hidden />
                    ) : (
                      <XCircle size={12} aria-hidden />
                    )}
                    <span className="truncate">{factsText(entry)}</span>
                    {references[entry.key] && entries.length > 1 ? (
                      <span className="truncate font-mono text-muted">
                        → {references[entry.key]}
                      </span>
                    ) : null}
                  </span>
                </AriaButton>
                <IconButton
                  label={`Remove ${entry.file.name}`}
                  isDisabled={disabled}
                  onPress={() => onRemove(entry.key)}
                >
                  <Trash2 size={14} />
                </IconButton>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
