import { useSifportStore } from '../../store/store.js';
import { AddAccountSheet } from '../accounts/add-account-sheet.js';
import { AddRepositoryDialog } from '../accounts/add-repository-dialog.js';
import { ExportAccountDialog } from '../accounts/export-account-dialog.js';
import { ImportSheet } from '../accounts/import-sheet.js';
import { RemoveAccountDialog } from '../accounts/remove-account-dialog.js';
import { CopyDialog } from '../dialogs/copy-dialog.js';
import { DeleteDialog } from '../dialogs/delete-dialog.js';
import { PullDialog } from '../dialogs/pull-dialog.js';
import { SignDialog } from '../inspector/sign-dialog.js';
import { CommandPalette } from '../palette/command-palette.js';
import { ShortcutSheet } from '../palette/shortcut-sheet.js';
import { PushSheet } from '../push/push-sheet.js';
import type { DialogState } from './view-slice.js';

/** The component of each dialog kind; each gets its own state and a way to close. */
function dialogFor(dialog: DialogState, onClose: () => void) {
  switch (dialog.kind) {
    case 'add-account':
      return <AddAccountSheet dialog={dialog} onClose={onClose} />;
    case 'import-accounts':
      return <ImportSheet dialog={dialog} onClose={onClose} />;
    case 'add-repository':
      return <AddRepositoryDialog dialog={dialog} onClose={onClose} />;
    case 'remove-account':
      return <RemoveAccountDialog dialog={dialog} onClose={onClose} />;
    case 'export-account':
      return <ExportAccountDialog dialog={dialog} onClose={onClose} />;
    case 'push':
      return <PushSheet dialog={dialog} onClose={onClose} />;
    case 'pull':
      return <PullDialog dialog={dialog} onClose={onClose} />;
    case 'copy':
      return <CopyDialog dialog={dialog} onClose={onClose} />;
    case 'delete':
      return <DeleteDialog dialog={dialog} onClose={onClose} />;
    case 'sign':
      return <SignDialog dialog={dialog} onClose={onClose} />;
    case 'palette':
      return <CommandPalette dialog={dialog} onClose={onClose} />;
    case 'shortcuts':
      return <ShortcutSheet dialog={dialog} onClose={onClose} />;
  }
}

/** Shows the one open dialog or sheet (view slice `dialog`), if any. */
export function DialogHost() {
  const dialog = useSifportStore((s) => s.dialog);
  const close = useSifportStore((s) => s.closeDialog);
  return dialog ? dialogFor(dialog, close) : null;
}
