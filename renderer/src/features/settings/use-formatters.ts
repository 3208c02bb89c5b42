import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { formatAbsolute, formatBytes, formatRelative } from '../../ui/format.js';

/** Formatters that follow the Appearance settings (IEC or SI sizes, relative or absolute dates). */
export interface Formatters {
  bytes(bytes: number): string;
  /** A time in epoch ms, as the user chose to see dates; `formatAbsolute` for its tooltip. */
  time(ms: number): string;
}

/**
 * The {@link Formatters} of the current settings: the same object until a setting changes,
 * so it can be handed down (a tag grid passes it to every row) without re-rendering them.
 */
export function useFormatters(): Formatters {
  const { units, dates } = useSifportStore(
    useShallow((s) => ({ units: s.settings.units, dates: s.settings.dates })),
  );
  return useMemo(
    () => ({
      bytes: (bytes: number) => formatBytes(bytes, units),
      time: (ms: number) => (dates === 'relative' ? formatRelative(ms) : formatAbsolute(ms)),
    }),
    [units, dates],
  );
}
