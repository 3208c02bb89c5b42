import type { ReactNode } from 'react';
import { Label, Radio, RadioGroup as AriaRadioGroup } from 'react-aria-components';
import { ChoiceMark, ChoiceText, choiceRowClass } from './choice-parts.js';
import { cx } from './cx.js';
import { labelClass } from './field.js';

/** A labelled group of radio buttons; `options` in order, each with an optional hint. */
export function RadioGroup<T extends string>({
  label,
  value,
  onChange,
  options,
  orientation = 'vertical',
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: ReactNode; hint?: ReactNode; disabled?: boolean }[];
  orientation?: 'vertical' | 'horizontal';
}) {
  return (
    <AriaRadioGroup
      value={value}
      onChange={(v) => onChange(v as T)}
      orientation={orientation}
      className="flex flex-col"
    >
      <Label className={labelClass}>{label}</Label>
      <div className={cx('flex gap-x-4 gap-y-1', orientation === 'vertical' && 'flex-col')}>
        {options.map((option) => (
          <Radio
            key={option.value}
            value={option.value}
            isDisabled={option.disabled}
            className={choiceRowClass}
          >
            {({ isSelected }) => (
              <>
                <ChoiceMark
                  className={cx(
                    'mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border',
                    isSelected ? 'border-accent' : 'border-control',
                  )}
                >
                  {isSelected ? <span className="size-2 rounded-full bg-accent" /> : null}
                </ChoiceMark>
                <ChoiceText label={option.label} hint={option.hint} />
              </>
            )}
          </Radio>
        ))}
      </div>
    </AriaRadioGroup>
  );
}
