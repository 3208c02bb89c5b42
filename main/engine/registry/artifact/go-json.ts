/**
 * JSON exactly as Go's `encoding/json` writes it, which is what apptainer's manifests are
 * (oras.md §1.2): no whitespace, fields in the order given, and `<`, `>`, `&`, U+2028,
 * U+2029 escaped as `\u003c` and so on.
 */
export function goJsonString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A JSON object with the members in the order given; `undefined` members are left out. */
export function goJsonObject(
  members: ReadonlyArray<readonly [string, string | undefined]>,
): string {
  const parts = members
    .filter((m): m is readonly [string, string] => m[1] !== undefined)
    .map(([name, json]) => `${goJsonString(name)}:${json}`);
  return `{${parts.join(',')}}`;
}

/** A string-to-string map with keys sorted, as Go writes `map[string]string`. */
export function goJsonMap(map: Readonly<Record<string, string>>): string {
  const keys = Object.keys(map).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${goJsonString(map[k]!)}`).join(',')}}`;
}
