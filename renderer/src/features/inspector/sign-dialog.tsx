import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Sign (placeholder until it is built). */
export function SignDialog({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'sign' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Sign is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
