import type { SettingsStore } from '../engine/settings/settings-store.js';
import { checkedEvent, type EventSink, type Handlers } from './dispatch.js';

/** The settings channels: read, and change with `settings:changed` sent to every window. */
export function createSettingsHandlers(
  settings: SettingsStore,
  emit: EventSink,
): Pick<Handlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': async () => ({ settings: await settings.get() }),
    'settings:set': async (req) => {
      const changed = await settings.set(req.patch);
      emit('settings:changed', checkedEvent('settings:changed', { settings: changed }));
      return { settings: changed };
    },
  };
}
