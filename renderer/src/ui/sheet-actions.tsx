import type { ComponentProps, ReactNode } from 'react';
import { Button } from './button.js';
import { Sheet } from './dialog.js';
import { Spinner } from './spinner.js';

/**
 * A sheet's footer: what is running (a spinner with words), Cancel, then the primary action
 * last (UI.md §5, dialogs). Cancel is disabled while the action runs, as is dismissing.
 */
export function SheetActions({
  onCancel,
  busy = false,
  busyLabel,
  reason,
  cancelLabel = 'Cancel',
  focusCancel = false,
  children,
}: {
  onCancel: () => void;
  busy?: boolean;
  /** What runs, in words, shown with a spinner while `busy` ("Signing…"). */
  busyLabel?: string;
  /** Why the primary action is disabled, said beside it (a disabled button alone says nothing). */
  reason?: string;
  cancelLabel?: string;
  /** Alert dialogs: focus starts on Cancel, the safe answer, not on what cannot be undone. */
  focusCancel?: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      {busy && busyLabel ? <Spinner label={busyLabel} /> : null}
      {!busy && reason ? (
        <span role="status" className="mr-auto text-sm text-muted">
          {reason}
        </span>
      ) : null}
      <Button onPress={onCancel} isDisabled={busy} autoFocus={focusCancel}>
        {cancelLabel}
      </Button>
      {children}
    </>
  );
}

/**
 * A {@link Sheet} whose footer is {@link SheetActions}, for sheets that run one action: while
 * `busy` it cannot be dismissed and Cancel is disabled, so Esc or a click outside never cuts a
 * running action short; an `alertdialog` starts focus on Cancel.
 */
export function ActionSheet({
  busy,
  busyLabel,
  reason,
  cancelLabel,
  action,
  children,
  ...sheet
}: Omit<ComponentProps<typeof Sheet>, 'footer' | 'dismissable'> & {
  busy: boolean;
  busyLabel?: string;
  reason?: string | undefined;
  cancelLabel?: string;
  /** The primary action, last in the footer (null when there is nothing to do). */
  action: ReactNode;
}) {
  return (
    <Sheet
      {...sheet}
      dismissable={!busy}
      footer={
        <SheetActions
          onCancel={sheet.onClose}
          busy={busy}
          busyLabel={busyLabel}
          reason={reason}
          cancelLabel={cancelLabel}
          focusCancel={sheet.role === 'alertdialog'}
        >
          {action}
        </SheetActions>
      }
    >
      {children}
    </Sheet>
  );
}
