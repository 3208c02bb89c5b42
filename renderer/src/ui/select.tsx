import type { Key, ReactNode } from 'react';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
} from 'react-aria-components';
import { Check, ChevronDown } from 'lucide-react';
import { cx } from './cx.js';
import { inputClass, labelClass } from './field.js';

/** One choice of a {@link Select}. */
export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
  /** A second line in the list (a host, a hint). */
  readonly detail?: string;
  readonly disabled?: boolean;
  readonly icon?: ReactNode;
}

/** A labelled drop-down list (React Aria Select: typeahead, keyboard, screen readers). */
export function Select<T extends string>({
  label,
  value,
  onChange,
  options,
  description,
  placeholder = 'Choose…',
  className,
  hideLabel = false,
}: {
  label: string;
  value: T | undefined;
  onChange: (value: T) => void;
  options: readonly SelectOption<T>[];
  description?: ReactNode;
  placeholder?: string;
  className?: string;
  hideLabel?: boolean;
}) {
  return (
    <AriaSelect
      selectedKey={value ?? null}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key) as T)}
      disabledKeys={options.filter((o) => o.disabled).map((o) => o.value)}
      placeholder={placeholder}
      aria-label={hideLabel ? label : undefined}
      className={cx('flex flex-col', className)}
    >
      {hideLabel ? null : <Label className={labelClass}>{label}</Label>}
      <Button className={cx(inputClass, 'flex items-center justify-between gap-2 text-left')}>
        <SelectValue className="flex min-w-0 items-center gap-2 data-[placeholder]:text-muted">
          {({ selectedText, isPlaceholder }) =>
            isPlaceholder ? (
              placeholder
            ) : (
              <>
                {options.find((o) => o.value === value)?.icon}
                <span className="truncate">{selectedText}</span>
              </>
            )
          }
        </SelectValue>
        <ChevronDown size={14} aria-hidden className="shrink-0 text-muted" />
      </Button>
      {description ? (
        <Text slot="description" className="mt-1 text-sm text-muted">
          {description}
        </Text>
      ) : null}
      <Popover className="min-w-[var(--trigger-width)] overflow-auto rounded-md border border-line bg-raised p-1 shadow-lg">
        <ListBox className="max-h-72 outline-none">
          {options.map((option) => (
            <ListBoxItem
              key={option.value}
              id={option.value}
              textValue={option.label}
              className="flex cursor-default items-center gap-2 rounded px-2 py-1 outline-none data-[focused]:bg-hover data-[disabled]:opacity-50"
            >
              {({ isSelected }) => (
                <>
                  {option.icon}
                  <span className="min-w-0 flex-1">
                    <span className="block truncate">{option.label}</span>
                    {option.detail ? (
                      <span className="block truncate text-sm text-muted">{option.detail}</span>
                    ) : null}
                  </span>
                  {isSelected ? <Check size={14} aria-hidden className="text-accent" /> : null}
                </>
              )}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
