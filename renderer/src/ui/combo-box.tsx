import type { ReactNode } from 'react';
import {
  Button,
  ComboBox as AriaComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { cx } from './cx.js';
import { inputClass, labelClass } from './field.js';

/** One suggestion of a {@link ComboField}. */
export interface ComboOption {
  readonly value: string;
  /** A second line in the list ("pinned", "recent"). */
  readonly detail?: string;
}

/**
 * A labelled text field with suggestions (React Aria ComboBox): the user picks one of
 * `options` or types any other text, so `value` is always the text shown. The list filters
 * as one types and opens on ↓ or the chevron.
 */
export function ComboField({
  label,
  value,
  onChange,
  options,
  description,
  error,
  placeholder,
  mono = false,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboOption[];
  description?: ReactNode;
  error?: string;
  placeholder?: string;
  mono?: boolean;
  className?: string;
}) {
  return (
    <AriaComboBox
      allowsCustomValue
      inputValue={value}
      onInputChange={onChange}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      defaultItems={options.map((o) => ({ id: o.value, ...o }))}
      isInvalid={error !== undefined}
      menuTrigger="input"
      className={cx('flex flex-col', className)}
    >
      <Label className={labelClass}>{label}</Label>
      <div className="relative">
        <Input placeholder={placeholder} className={cx(inputClass, 'pr-7', mono && 'font-mono')} />
        <Button
          aria-label={`Show ${label.toLowerCase()} suggestions`}
          className="absolute inset-y-0 right-0 flex w-7 items-center justify-center rounded-r-md text-muted outline-none hover:text-text"
        >
          <ChevronDown size={14} aria-hidden />
        </Button>
      </div>
      {description ? (
        <Text slot="description" className="mt-1 text-sm text-muted">
          {description}
        </Text>
      ) : null}
      <FieldError className="mt-1 text-sm text-danger">{error}</FieldError>
      <Popover className="min-w-[var(--trigger-width)] overflow-auto rounded-md border border-line bg-raised p-1 shadow-lg">
        <ListBox<ComboOption & { id: string }> className="max-h-64 outline-none">
          {(item) => (
            <ListBoxItem
              id={item.id}
              textValue={item.value}
              className="flex cursor-default items-center gap-2 rounded px-2 py-1 outline-none data-[focused]:bg-hover"
            >
              <span className={cx('min-w-0 flex-1 truncate', mono && 'font-mono')}>
                {item.value}
              </span>
              {item.detail ? <span className="text-sm text-muted">{item.detail}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
