import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { cx } from './cx.js';

/** Sizes of UI.md: add account 640, push 720; dialogs 480. */
const WIDTHS = { sm: 'w-[480px]', md: 'w-[640px]', lg: 'w-[720px]' } as const;

/**
 * A modal sheet: focus trapped inside, returned on close, closed by Esc (UI.md §5). `role`
 * `alertdialog` is for confirmations of what cannot be undone (delete). The footer holds
 * the actions, the primary one last.
 */
export function Sheet({
  title,
  description,
  width = 'sm',
  role = 'dialog',
  onClose,
  footer,
  children,
  dismissable = true,
}: {
  title: string;
  description?: ReactNode;
  width?: keyof typeof WIDTHS;
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  footer?: ReactNode;
  children?: ReactNode;
  /** False while something runs that closing would interrupt. */
  dismissable?: boolean;
}) {
  return (
    <ModalOverlay
      isOpen
      isDismissable={dismissable}
      isKeyboardDismissDisabled={!dismissable}
      onOpenChange={(open) => !open && onClose()}
      className="fixed inset-0 z-40 flex items-start justify-center bg-scrim pt-[8vh]"
    >
      <Modal
        className={cx(
          WIDTHS[width],
          'max-h-[84vh] max-w-[calc(100vw-32px)] overflow-hidden rounded-lg border border-line bg-raised shadow-2xl',
        )}
      >
        <Dialog role={role} className="flex max-h-[84vh] flex-col outline-none">
          <div className="border-b border-line px-5 pt-4 pb-3">
            <Heading slot="title" className="m-0 text-lg font-semibold">
              {title}
            </Heading>
            {description ? <div className="mt-1 text-muted">{description}</div> : null}
          </div>
          <div className="min-h-0 flex-1 overflow-auto px-5 py-4">{children}</div>
          {footer ? (
            <div className="flex items-center justify-end gap-2 border-t border-line bg-surface px-5 py-3">
              {footer}
            </div>
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
