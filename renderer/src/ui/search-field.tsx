import type { Ref } from 'react';
import { Search, X } from 'lucide-react';
import { Button, Input, Label, SearchField as AriaSearchField } from 'react-aria-components';
import { cx } from './cx.js';
import { inputClass } from './field.js';

/**
 * A search box: magnifier, the text, and a clear button once there is text (Esc clears too,
 * React Aria's SearchField). The label is for screen readers; the placeholder says what to type.
 */
export function SearchInput({
  label,
  value,
  onChange,
  placeholder,
  invalid = false,
  describedBy,
  inputRef,
  mono = false,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
  /** The id of the text that explains an invalid value. */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  mono?: boolean;
  className?: string;
}) {
  return (
    <AriaSearchField
      value={value}
      onChange={onChange}
      isInvalid={invalid}
      className={cx('group relative', className)}
    >
      <Label className="sr-only">{label}</Label>
      <Search
        size={14}
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-muted"
      />
      <Input
        ref={inputRef}
        placeholder={placeholder}
        aria-describedby={describedBy}
        className={cx(
          inputClass,
          'pr-7 pl-7 [&::-webkit-search-cancel-button]:hidden',
          mono && 'font-mono',
        )}
      />
      <Button
        aria-label={`Clear the ${label.toLowerCase()}`}
        className="absolute top-1/2 right-1 flex size-6 -translate-y-1/2 items-center justify-center rounded text-muted outline-none group-data-[empty]:hidden hover:bg-hover hover:text-text focus-visible:outline-2 focus-visible:outline-accent"
      >
        <X size={14} aria-hidden />
      </Button>
    </AriaSearchField>
  );
}
