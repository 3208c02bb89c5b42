import { CopyPlus, Download, Trash2 } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';

/**
 * Pull… · Copy to… · Delete… for one or more `oras://` references (UI.md S5 selection bar,
 * S6 Summary and several selected). The dialogs are wt-dialogs'; this only opens them.
 * `small` is the selection bar's size; `compact` keeps only the icons in a narrow pane.
 */
export function ImageActions({
  references,
  small = false,
  compact = false,
}: {
  references: readonly string[];
  small?: boolean;
  compact?: boolean;
}) {
  const openDialog = useSifportStore((s) => s.openDialog);
  const label = (text: string) => (
    <span className={compact ? '@max-md:sr-only' : undefined}>{text}</span>
  );
  return (
    <>
      <Button
        small={small}
        variant={small ? 'secondary' : 'primary'}
        onPress={() => openDialog({ kind: 'pull', references })}
      >
        <Download size={14} aria-hidden />
        {label('Pull…')}
      </Button>
      <Button small={small} onPress={() => openDialog({ kind: 'copy', references })}>
        <CopyPlus size={14} aria-hidden />
        {label('Copy to…')}
      </Button>
      <Button
        small={small}
        variant="danger"
        onPress={() => openDialog({ kind: 'delete', references })}
      >
        <Trash2 size={14} aria-hidden />
        {label('Delete…')}
      </Button>
    </>
  );
}
