import { useState } from 'react';
import { errorState, type ErrorState } from '../../store/slice.js';

/**
 * The one action a sheet runs at a time (Pull, Copy, Sign, Create key pair, Remove…): busy
 * while it runs (the sheet then cannot be dismissed), and the host's error kept for the sheet
 * to show beside what it concerns. `run` answers whether the work succeeded.
 */
export function useSheetAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorState | undefined>();
  const run = async (work: () => Promise<void>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (err) {
      setError(errorState(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
