import { useSifportStore } from '../../../store/store.js';
import { Banner } from '../../../ui/banner.js';
import { Kbd } from '../../../ui/kbd.js';
import { SettingChoice, SettingSwitch } from '../setting-controls.js';
import { SettingGroup, SettingsSection } from '../settings-layout.js';

/**
 * S13 Notifications: when a finished transfer shows a desktop notification. The browser
 * mode has none (and its profile is not the desktop app's), so there the choices are shown
 * but cannot change anything, and the page says where the news goes instead.
 */
export function NotificationsSection() {
  const desktop = useSifportStore((s) => s.desktopHost);
  const never = useSifportStore((s) => s.settings.notifications === 'never');
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
        <SettingChoice
          setting="notifications"
          label="Show a notification"
          disabled={!desktop}
          options={[
            {
              value: 'unfocused',
              label: 'When Sifport is in the background',
              hint: 'While you look at the window, the drawer says it',
            },
            { value: 'always', label: 'Always' },
            { value: 'never', label: 'Never' },
          ]}
        />
        <SettingSwitch setting="notifyFailuresOnly" disabled={!desktop || never}>
          Only for failed transfers
        </SettingSwitch>
      </SettingGroup>
    </SettingsSection>
  );
}
