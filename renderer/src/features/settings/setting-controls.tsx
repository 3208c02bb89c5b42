import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../../shared/settings-contract.js';
import { useSifportStore } from '../../store/store.js';
import { Switch } from '../../ui/field.js';
import { RadioGroup } from '../../ui/radio-group.js';
import { Select } from '../../ui/select.js';
import type { ValueOption } from './setting-values.js';

/** Settings whose value is one of a few strings (theme, density, units…). */
type ChoiceKey = {
  [K in keyof Settings]: Settings[K] extends string
    ? string extends Settings[K]
      ? never
      : K
    : never;
}[keyof Settings];

/** Settings that are a number (concurrency, history size, connections). */
type NumberKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

/** Settings that are on or off. */
type FlagKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/** The current values of `keys` and `update`, re-rendering only when one of them changes. */
export function useSettingValues<K extends keyof Settings>(keys: readonly K[]) {
  return useSifportStore(
    useShallow((s) => ({
      ...(Object.fromEntries(keys.map((k) => [k, s.settings[k]])) as Pick<Settings, K>),
      update: s.updateSettings,
    })),
  );
}

/** A radio group bound to one setting: shows its value and saves a choice at once. */
export function SettingChoice<K extends ChoiceKey>({
  setting,
  label,
  options,
  orientation,
  disabled = false,
}: {
  setting: K;
  label: string;
  options: readonly { value: Settings[K]; label: ReactNode; hint?: ReactNode }[];
  orientation?: 'vertical' | 'horizontal';
  disabled?: boolean;
}) {
  const value = useSifportStore((s) => s.settings[setting]);
  const update = useSifportStore((s) => s.updateSettings);
  return (
    <RadioGroup<Settings[K]>
      label={label}
      value={value}
      orientation={orientation}
      onChange={(next) => void update({ [setting]: next })}
      options={options.map((o) => ({ ...o, disabled }))}
    />
  );
}

/** A switch bound to one on/off setting. */
export function SettingSwitch({
  setting,
  disabled = false,
  children,
}: {
  setting: FlagKey;
  disabled?: boolean;
  children: ReactNode;
}) {
  const value = useSifportStore((s) => s.settings[setting]);
  const update = useSifportStore((s) => s.updateSettings);
  return (
    <Switch
      isSelected={value}
      isDisabled={disabled}
      onChange={(next) => void update({ [setting]: next })}
    >
      {children}
    </Switch>
  );
}

/**
 * A drop-down list bound to one numeric setting; `options` gets the value in force, so a
 * list can offer a value set elsewhere (the settings file).
 */
export function SettingNumberSelect({
  setting,
  label,
  options,
  className = 'w-56',
}: {
  setting: NumberKey;
  label: string;
  options: (current: number) => ValueOption[];
  className?: string;
}) {
  const value = useSifportStore((s) => s.settings[setting]);
  const update = useSifportStore((s) => s.updateSettings);
  return (
    <Select
      label={label}
      className={className}
      value={String(value)}
      onChange={(next) => void update({ [setting]: Number(next) })}
      options={options(value)}
    />
  );
}
