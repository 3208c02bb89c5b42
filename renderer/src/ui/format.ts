/**
 * Formatters for sizes, rates, durations and dates (UI.md §7: `Intl` only, no date or size
 * library). Kept free of the DOM so they are tested in Node.
 */

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const SI = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** "3.42 GiB" (IEC, default) or "3.67 GB" (SI); three significant digits past 1 KiB. */
export function formatBytes(bytes: number, units: 'iec' | 'si' = 'iec'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const base = units === 'iec' ? 1024 : 1000;
  const names = units === 'iec' ? IEC : SI;
  let value = bytes;
  let i = 0;
  while (value >= base && i < names.length - 1) {
    value /= base;
    i++;
  }
  if (i === 0) return `${bytes} B`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${names[i]}`;
}

/** "1,234,567 bytes", for tooltips that show the exact size. */
export function formatExactBytes(bytes: number): string {
  return `${new Intl.NumberFormat('en-US').format(bytes)} bytes`;
}

/** "38.4 MB/s": transfer rates in SI, as network tools print them. */
export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—';
  return `${formatBytes(bytesPerSecond, 'si')}/s`;
}

/** "58 s left", "4 min left", "1 h 12 min left"; "estimating…" while unknown. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return 'estimating…';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s left`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min left`;
  return `${Math.floor(m / 60)} h ${m % 60} min left`;
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 days ago", "in 8 minutes" (epoch ms against `now`). */
export function formatRelative(time: number, now: number = Date.now()): string {
  let value = (time - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return RELATIVE.format(Math.round(value), unit);
    value /= size;
  }
  return RELATIVE.format(Math.round(value), 'year');
}

/** "2026-12-02 14:05" in the local zone, for tooltips beside relative times. */
export function formatAbsolute(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "sha256:ab12cd34ef56" — a digest shortened to 12 hex digits. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}

/** "1,240" with thousands separators. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n);
}
