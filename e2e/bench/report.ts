/** Pure helpers of the bench: statistics, targets and the printed table. */

/** Middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Throughput in MB/s (10^6 bytes per second). */
export function megabytesPerSecond(bytes: number, seconds: number): number {
  return seconds > 0 ? bytes / 1e6 / seconds : 0;
}

/**
 * Per-round throughput ratios of `ours` to `ceiling` from their times in seconds (round i of
 * each ran back to back): ceiling time / our time.
 */
export function pairedRatios(
  ceilingSeconds: readonly number[],
  ourSeconds: readonly number[],
): number[] {
  return ourSeconds.map((ours, i) => (ceilingSeconds[i] ?? Number.NaN) / ours);
}

/** The individual runs of a measurement, for a table row's detail column. */
export function describeRuns(runs: readonly number[], unit: string, digits = 2): string {
  return `runs ${runs.map((r) => r.toFixed(digits)).join(' / ')} ${unit}`;
}

/** One measured quantity: every run and the median. */
export interface Measurement {
  readonly runs: readonly number[];
  readonly median: number;
}

export function measurement(runs: readonly number[]): Measurement {
  return { runs: [...runs], median: median(runs) };
}

/** A target the bench checks. */
export interface Target {
  readonly name: string;
  readonly value: number;
  readonly op: '>=' | '<';
  readonly limit: number;
  readonly unit: string;
  readonly pass: boolean;
}

export function target(
  name: string,
  value: number,
  op: '>=' | '<',
  limit: number,
  unit = '',
): Target {
  const pass = op === '>=' ? value >= limit : value < limit;
  return { name, value, op, limit, unit, pass };
}

/** One line of the table: a label, a value, and optionally its target. */
export interface Row {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly target?: Target;
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Formats a number for the table: 2 decimals below 10, 1 below 1000, none above. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  return fixed(value, abs < 10 ? 2 : abs < 1000 ? 1 : 0);
}

/** Renders rows as a fixed-width text table with a PASS/FAIL column for rows with targets. */
export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.label,
    row.value,
    row.target
      ? `${row.target.op} ${formatNumber(row.target.limit)}${row.target.unit ? ` ${row.target.unit}` : ''}`
      : '',
    row.target ? (row.target.pass ? 'PASS' : 'FAIL') : '',
    row.detail ?? '',
  ]);
  const header = ['measure', 'value', 'target', 'result', 'runs / notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (cols: readonly string[]): string =>
    cols
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...cells.map(line)].join('\n');
}

/** Sifport against curl on the same bytes, round by round: every run of each, in seconds. */
export interface Comparison {
  readonly sifport: readonly number[];
  readonly curl: readonly number[];
}

/** Sifport's throughput as a share of curl's: the ratio of their median speeds. */
export function comparisonRatio(size: number, c: Comparison): number {
  return megabytesPerSecond(size, median(c.sifport)) / megabytesPerSecond(size, median(c.curl));
}

/**
 * The three table rows of a comparison: Sifport's speed, curl's, and the ratio with each
 * round's own (each round ran both back to back, so their median is less sensitive to the
 * machine changing speed between rounds). With `ratioTarget` the ratio is judged; without,
 * it is information only.
 */
export function comparisonRows(
  size: number,
  c: Comparison,
  labels: readonly [string, string, string],
  ratioTarget?: Target,
): Row[] {
  const speed = (runs: readonly number[]): string =>
    `${formatNumber(megabytesPerSecond(size, median(runs)))} MB/s`;
  const perRound = pairedRatios(c.curl, c.sifport);
  const rounds = perRound.map((r) => r.toFixed(2)).join(' / ');
  return [
    { label: labels[0], value: speed(c.sifport), detail: describeRuns(c.sifport, 's') },
    { label: labels[1], value: speed(c.curl), detail: describeRuns(c.curl, 's') },
    {
      label: labels[2],
      value: comparisonRatio(size, c).toFixed(2),
      ...(ratioTarget
        ? {
            target: ratioTarget,
            detail: `ratio of medians; per round ${rounds} (median ${median(perRound).toFixed(2)})`,
          }
        : { detail: `information only; per round ${rounds}` }),
    },
  ];
}
