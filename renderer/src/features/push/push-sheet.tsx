import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Push (placeholder until it is built). */
export function PushSheet({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'push' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Push is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
