import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Copy to (placeholder until it is built). */
export function CopyDialog({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'copy' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Copy to is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
