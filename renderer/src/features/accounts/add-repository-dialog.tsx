import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from '../shell/view-slice.js';

/** Add a repository by name (placeholder until it is built). */
export function AddRepositoryDialog({
  onClose,
}: {
  dialog: Extract<DialogState, { kind: 'add-repository' }>;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Add a repository by name is not built yet"
      onClose={onClose}
      footer={<Button onPress={onClose}>Close</Button>}
    />
  );
}
