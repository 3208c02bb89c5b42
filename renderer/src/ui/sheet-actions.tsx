import type { ReactNode } from 'react';
import { Button } from './button.js';
import { Spinner } from './spinner.js';

/**
 * A sheet's footer: what is running (a spinner with words), Cancel, then the primary action
 * last (UI.md §5, dialogs). Cancel is disabled while the action runs, as is dismissing.
 */
export function SheetActions({
  onCancel,
  busy = false,
  busyLabel,
  cancelLabel = 'Cancel',
  focusCancel = false,
  children,
}: {
  onCancel: () => void;
  busy?: boolean;
  /** What runs, in words, shown with a spinner while `busy` ("Signing…"). */
  busyLabel?: string;
  cancelLabel?: string;
  /** Alert dialogs: focus starts on Cancel, the safe answer, not on what cannot be undone. */
  focusCancel?: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      {busy && busyLabel ? <Spinner label={busyLabel} /> : null}
      <Button onPress={onCancel} isDisabled={busy} autoFocus={focusCancel}>
        {cancelLabel}
      </Button>
      {children}
    </>
  );
}
