import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';
import { Sheet } from '../../ui/dialog.js';
import type { DialogState } from './view-slice.js';

/** The dialog of `state`; features replace the placeholder entries as they are built. */
function dialogFor(state: DialogState, close: () => void) {
  switch (state.kind) {
    default:
      return (
        <Sheet
          title={`${state.kind} is not built yet`}
          onClose={close}
          footer={<Button onPress={close}>Close</Button>}
        />
      );
  }
}

/** Shows the one open dialog or sheet (view slice `dialog`), if any. */
export function DialogHost() {
  const dialog = useSifportStore((s) => s.dialog);
  const close = useSifportStore((s) => s.closeDialog);
  return dialog ? dialogFor(dialog, close) : null;
}
