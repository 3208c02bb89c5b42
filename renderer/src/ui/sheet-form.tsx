import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { cx } from './cx.js';

/**
 * The form inside a {@link Sheet}, submitted by the footer's primary button (`type="submit"
 * form={id}`) or Enter. Validation is ARIA only: the sheet disables its button until the
 * fields are valid and shows each field's error, so the browser's own check never blocks
 * (or silently swallows) a submit.
 */
export function SheetForm({
  id,
  onSubmit,
  children,
  className,
}: {
  id: string;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Form
      id={id}
      validationBehavior="aria"
      className={cx('flex flex-col gap-4', className)}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </Form>
  );
}
