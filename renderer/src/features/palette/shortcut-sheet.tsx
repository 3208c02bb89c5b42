import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Keyboard shortcuts (placeholder until it is built). */
export function ShortcutSheet({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'shortcuts' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Keyboard shortcuts is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
