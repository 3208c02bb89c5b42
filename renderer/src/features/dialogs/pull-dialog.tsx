import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Pull (placeholder until it is built). */
export function PullDialog({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'pull' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Pull is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
