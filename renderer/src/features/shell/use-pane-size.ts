import { useState } from 'react';
import type { Settings } from '../../../../shared/settings-contract.js';
import { useSifportStore } from '../../store/store.js';

/**
 * A pane's size from the settings (UI.md §1: splitters persist), overridden while it is being
 * dragged; the size is saved once the drag ends.
 */
export function usePaneSize(key: keyof Settings['layout']) {
  const saved = useSifportStore((s) => s.settings.layout[key]);
  const [dragged, setDragged] = useState<number | undefined>(undefined);
  const save = (value: number) => {
    const { settings, updateSettings } = useSifportStore.getState();
    void updateSettings({ layout: { ...settings.layout, [key]: value } });
    setDragged(undefined);
  };
  return [dragged ?? saved, setDragged, save] as const;
}
