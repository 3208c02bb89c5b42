import { useState, type ReactNode } from 'react';
import { Monitor, Moon, Sun } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../../../shared/settings-contract.js';
import { useSifportStore } from '../../../store/store.js';
import { formatAbsolute, formatBytes, formatRelative } from '../../../ui/format.js';
import { RadioGroup } from '../../../ui/radio-group.js';
import { SettingGroup, SettingsSection } from '../settings-layout.js';

/** A SIF of 3.42 GB and a time three days back: the examples each choice is shown with. */
const EXAMPLE_BYTES = 3_420_000_000;
const EXAMPLE_AGO_MS = 3 * 24 * 3600 * 1000;

const iconLabel = (icon: ReactNode, text: string) => (
  <span className="inline-flex items-center gap-1.5">
    {icon}
    {text}
  </span>
);

/** S13 Appearance: theme, density, size units and dates; each applies as it is chosen. */
export function AppearanceSection() {
  const { theme, density, units, dates, update } = useSifportStore(
    useShallow((s) => ({
      theme: s.settings.theme,
      density: s.settings.density,
      units: s.settings.units,
      dates: s.settings.dates,
      update: s.updateSettings,
    })),
  );
  const [example] = useState(() => Date.now() - EXAMPLE_AGO_MS);
  return (
    <SettingsSection
      title="Appearance"
      description="How the window looks. Changes apply at once, in every Sifport window."
    >
      <SettingGroup title="Theme">
        <RadioGroup<Settings['theme']>
          label="Colour theme"
          orientation="horizontal"
          value={theme}
          onChange={(value) => void update({ theme: value })}
          options={[
            {
              value: 'system',
              label: iconLabel(<Monitor size={14} aria-hidden />, 'System'),
              hint: 'Follows your desktop',
            },
            { value: 'light', label: iconLabel(<Sun size={14} aria-hidden />, 'Light') },
            { value: 'dark', label: iconLabel(<Moon size={14} aria-hidden />, 'Dark') },
          ]}
        />
      </SettingGroup>
      <SettingGroup title="Density">
        <RadioGroup<Settings['density']>
          label="Row height"
          value={density}
          onChange={(value) => void update({ density: value })}
          options={[
            {
              value: 'compact',
              label: 'Compact',
              hint: '28-px rows, 13-px text: more tags on screen',
            },
            { value: 'comfortable', label: 'Comfortable', hint: '36-px rows, 14-px text' },
          ]}
        />
      </SettingGroup>
      <SettingGroup title="Units and dates">
        <RadioGroup<Settings['units']>
          label="Sizes"
          value={units}
          onChange={(value) => void update({ units: value })}
          options={[
            {
              value: 'iec',
              label: `Binary (${formatBytes(EXAMPLE_BYTES, 'iec')})`,
              hint: 'Powers of 1024, as apptainer and ls -h print them',
            },
            {
              value: 'si',
              label: `Decimal (${formatBytes(EXAMPLE_BYTES, 'si')})`,
              hint: 'Powers of 1000, as most registry web pages print them',
            },
          ]}
        />
        <RadioGroup<Settings['dates']>
          label="Dates"
          value={dates}
          onChange={(value) => void update({ dates: value })}
          options={[
            {
              value: 'relative',
              label: `Relative (${formatRelative(example)})`,
              hint: 'The exact time shows in a tooltip',
            },
            { value: 'absolute', label: `Absolute (${formatAbsolute(example)})` },
          ]}
        />
      </SettingGroup>
    </SettingsSection>
  );
}
