import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Delete (placeholder until it is built). */
export function DeleteDialog({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'delete' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Delete is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
