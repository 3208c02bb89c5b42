import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Remove an account (placeholder until it is built). */
export function RemoveAccountDialog({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'remove-account' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Remove an account is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
