import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Command palette (placeholder until it is built). */
export function CommandPalette({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'palette' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Command palette is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
