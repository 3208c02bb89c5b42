/** Container metadata sections, as apptainer's `inspect` shows them. */
export interface ContainerMetadata {
  readonly labels?: Readonly<Record<string, string>>;
  /** Environment scripts by file name (`90-environment.sh`) and their text. */
  readonly environment?: Readonly<Record<string, string>>;
  readonly runscript?: string;
  readonly startscript?: string;
  readonly test?: string;
  readonly helpfile?: string;
  readonly deffile?: string;
  /** SCIF apps by name, with the same per-app sections. */
  readonly apps?: Readonly<Record<string, ContainerMetadata>>;
}

/**
 * Parses the `inspect-metadata.json` JSON.Generic object apptainer stores in modern images
 * (spec A9). Accepts both the bare `{"attributes": …}` form stored in the SIF and the
 * `{"data": {"attributes": …}}` form `apptainer inspect --json` prints. Unknown or mistyped
 * fields are dropped rather than trusted; returns undefined when nothing usable is found.
 */
export function parseInspectMetadata(text: string): ContainerMetadata | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = isRecord(json) && isRecord(json.data) ? json.data : json;
  if (!isRecord(root) || !isRecord(root.attributes)) return undefined;
  return readAttributes(root.attributes, true);
}

function readAttributes(a: Record<string, unknown>, withApps: boolean): ContainerMetadata {
  const out: Record<string, unknown> = {};
  const labels = stringMap(a.labels);
  const environment = stringMap(a.environment);
  if (labels) out.labels = labels;
  if (environment) out.environment = environment;
  for (const key of ['runscript', 'startscript', 'test', 'helpfile', 'deffile'] as const) {
    const value = a[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  if (withApps && isRecord(a.apps)) {
    // fromEntries defines own properties, so a key named __proto__ stays plain data.
    const apps = Object.fromEntries(
      Object.entries(a.apps).flatMap(([name, app]) =>
        isRecord(app) ? [[name, readAttributes(app, false)]] : [],
      ),
    );
    if (Object.keys(apps).length > 0) out.apps = apps;
  }
  return out as ContainerMetadata;
}

/**
 * Parses a JSON object of string values, such as a JSON.Labels object or
 * `/.singularity.d/labels.json`; non-string values are rendered as JSON text.
 */
export function stringMap(value: unknown): Record<string, string> | undefined {
  if (typeof value === 'string') {
    try {
      return stringMap(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
