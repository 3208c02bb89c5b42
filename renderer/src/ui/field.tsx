import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  Switch as AriaSwitch,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps,
} from 'react-aria-components';
import { Check } from 'lucide-react';
import { ChoiceMark, ChoiceText, choiceRowClass } from './choice-parts.js';
import { cx } from './cx.js';

/** The look of every text input, select button and combobox input. */
export const inputClass = cx(
  'h-7 w-full rounded-md border border-control bg-bg px-2 text-base text-text',
  'outline-none placeholder:text-muted focus:border-accent focus:outline-2 focus:-outline-offset-1 focus:outline-accent',
  'invalid:border-danger disabled:opacity-50',
);

/** A label above its control; hints below it. */
export const labelClass = 'mb-1 block text-sm font-medium text-text';

/** A field's hint and, when it is invalid, its error: below the control, in that order. */
export function FieldNotes({ description, error }: { description?: ReactNode; error?: string }) {
  return (
    <>
      {description ? (
        <Text slot="description" className="mt-1 text-sm text-muted">
          {description}
        </Text>
      ) : null}
      <FieldError className="mt-1 text-sm text-danger">{error}</FieldError>
    </>
  );
}

/**
 * A labelled text field with its hint and its error (shown when `error` is set). A secret
 * field is `type="password"` and never echoes its value anywhere else.
 */
export function TextField({
  label,
  description,
  error,
  multiline = false,
  mono = false,
  placeholder,
  className,
  ...props
}: Omit<TextFieldProps, 'className'> & {
  label: string;
  description?: ReactNode;
  error?: string;
  multiline?: boolean;
  mono?: boolean;
  placeholder?: string;
  className?: string;
}) {
  return (
    <AriaTextField
      {...props}
      isInvalid={error !== undefined || props.isInvalid}
      className={cx('flex flex-col', className)}
    >
      <Label className={labelClass}>{label}</Label>
      {multiline ? (
        <TextArea
          placeholder={placeholder}
          className={cx(inputClass, 'h-28 py-1 font-mono text-sm', mono && 'font-mono')}
        />
      ) : (
        <Input placeholder={placeholder} className={cx(inputClass, mono && 'font-mono')} />
      )}
      <FieldNotes description={description} error={error} />
    </AriaTextField>
  );
}

/** A checkbox with its label (and an optional hint) to the right. */
export function Checkbox({
  children,
  hint,
  ...props
}: {
  children: ReactNode;
  hint?: ReactNode;
  isSelected?: boolean;
  defaultSelected?: boolean;
  isDisabled?: boolean;
  onChange?: (selected: boolean) => void;
  value?: string;
  'aria-label'?: string;
}) {
  return (
    <AriaCheckbox {...props} className={choiceRowClass}>
      {({ isSelected }) => (
        <>
          <ChoiceMark
            className={cx(
              'mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border',
              isSelected ? 'border-accent bg-accent text-on-accent' : 'border-control bg-bg',
            )}
          >
            {isSelected ? <Check size={12} strokeWidth={3} /> : null}
          </ChoiceMark>
          <ChoiceText label={children} hint={hint} />
        </>
      )}
    </AriaCheckbox>
  );
}

/** An on/off switch for settings that take effect at once. */
export function Switch({
  children,
  ...props
}: {
  children: ReactNode;
  isSelected?: boolean;
  isDisabled?: boolean;
  onChange?: (selected: boolean) => void;
}) {
  return (
    <AriaSwitch
      {...props}
      className="group flex items-center gap-2 py-0.5 data-[disabled]:opacity-50"
    >
      {({ isSelected }) => (
        <>
          <ChoiceMark
            className={cx(
              'flex h-4 w-7 shrink-0 items-center rounded-full border px-0.5 transition-colors',
              isSelected ? 'justify-end border-accent bg-accent' : 'border-control bg-bg',
            )}
          >
            <span
              className={cx('size-2.5 rounded-full', isSelected ? 'bg-on-accent' : 'bg-control')}
            />
          </ChoiceMark>
          {children}
        </>
      )}
    </AriaSwitch>
  );
}
