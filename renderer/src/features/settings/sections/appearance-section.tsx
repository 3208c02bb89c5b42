import { useState, type ReactNode } from 'react';
import { Monitor, Moon, Sun } from 'lucide-react';
import { formatAbsolute, formatBytes, formatRelative } from '../../../ui/format.js';
import { SettingChoice } from '../setting-controls.js';
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
  const [example] = useState(() => Date.now() - EXAMPLE_AGO_MS);
  return (
    <SettingsSection
      title="Appearance"
      description="How the window looks. Changes apply at once, in every Sifport window."
    >
      <SettingGroup title="Theme">
        <SettingChoice
          setting="theme"
          label="Colour theme"
          orientation="horizontal"
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
        <SettingChoice
          setting="density"
          label="Row height"
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
        <SettingChoice
          setting="units"
          label="Sizes"
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
        <SettingChoice
          setting="dates"
          label="Dates"
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
