import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../../../shared/settings-contract.js';
import { useSifportStore } from '../../../store/store.js';
import { Banner } from '../../../ui/banner.js';
import { Kbd } from '../../../ui/kbd.js';
import { Switch } from '../../../ui/field.js';
import { RadioGroup } from '../../../ui/radio-group.js';
import { SettingGroup, SettingsSection } from '../settings-layout.js';

/**
 * S13 Notifications: when a finished transfer shows a desktop notification. The browser
 * mode has none (and its profile is not the desktop app's), so there the choices are shown
 * but cannot change anything, and the page says where the news goes instead.
 */
export function NotificationsSection() {
  const { when, failuresOnly, desktop, update } = useSifportStore(
    useShallow((s) => ({
      when: s.settings.notifications,
      failuresOnly: s.settings.notifyFailuresOnly,
      desktop: s.desktopHost,
      update: s.updateSettings,
    })),
  );
  return (
    <SettingsSection
      title="Notifications"
      description="Desktop notifications when a push, pull or copy ends. The drawer and the bell in the status bar keep every event either way."
    >
      {desktop ? null : (
        <Banner tone="info" title="The browser mode shows no desktop notifications">
          Finished and failed transfers appear in the transfers drawer (<Kbd keys="Mod+J" />) and
          under the bell in the status bar, and screen readers announce them. The desktop app, which
          keeps settings of its own, is where these choices apply.
        </Banner>
      )}
      <SettingGroup title="When to notify">
        <RadioGroup<Settings['notifications']>
          label="Show a notification"
          value={when}
          onChange={(value) => void update({ notifications: value })}
          options={[
            {
              value: 'unfocused',
              label: 'When Sifport is in the background',
              hint: 'While you look at the window, the drawer says it',
              disabled: !desktop,
            },
            { value: 'always', label: 'Always', disabled: !desktop },
            { value: 'never', label: 'Never', disabled: !desktop },
          ]}
        />
        <Switch
          isSelected={failuresOnly}
          isDisabled={!desktop || when === 'never'}
          onChange={(value) => void update({ notifyFailuresOnly: value })}
        >
          Only for failed transfers
        </Switch>
      </SettingGroup>
    </SettingsSection>
  );
}
