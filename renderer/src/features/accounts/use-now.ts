import { useEffect, useState } from 'react';

/** The time now, epoch ms, updated every `everyMs` so "expires in 8 min" counts down. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
