import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Import existing logins (placeholder until it is built). */
export function ImportSheet({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'import-accounts' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Import existing logins is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
