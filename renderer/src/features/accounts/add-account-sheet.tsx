import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Add an account (placeholder until it is built). */
export function AddAccountSheet({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'add-account' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Add an account is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
