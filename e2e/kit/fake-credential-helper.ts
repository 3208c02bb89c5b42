import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fake `docker-credential-fake` for tests (issue #4): a bash script that speaks the
 * docker-credential-helpers protocol (oras.md §5.2) over files in a temp directory and
 * counts its calls. `FAKE_HELPER_FAIL=1` makes every verb fail and echo its stdin;
 * `FAKE_HELPER_SLEEP=N` makes it hang for N seconds.
 */
const SCRIPT = `#!/usr/bin/env bash
set -u
store="\${FAKE_HELPER_STORE:?}"
verb="\${1:-}"
echo "$verb" >> "$store/calls"
keyfile() { printf '%s/k_%s' "$store" "$(printf '%s' "$1" | base64 -w0 | tr '/+=' '_%@')"; }
input="$(cat)"
if [[ -n "\${FAKE_HELPER_SLEEP:-}" ]]; then exec sleep "$FAKE_HELPER_SLEEP"; fi
if [[ -n "\${FAKE_HELPER_FAIL:-}" ]]; then echo "keychain locked: $input"; exit 2; fi
case "$verb" in
  get)
    f="$(keyfile "$input")"
    if [[ -f "$f" ]]; then cat "$f"; else echo "credentials not found in native keychain"; exit 1; fi ;;
  store)
    [[ "$input" =~ \\"ServerURL\\":\\"([^\\"]*)\\" ]] || { echo "bad input"; exit 1; }
    printf '%s' "$input" > "$(keyfile "\${BASH_REMATCH[1]}")" ;;
  erase)
    f="$(keyfile "$input")"
    if [[ -f "$f" ]]; then rm "$f"; else echo "credentials not found in native keychain"; exit 1; fi ;;
  list)
    out="{"; sep=""
    for f in "$store"/k_*; do
      [[ -f "$f" ]] || continue
      json="$(cat "$f")"
      [[ "$json" =~ \\"ServerURL\\":\\"([^\\"]*)\\" ]] && url="\${BASH_REMATCH[1]}"
      [[ "$json" =~ \\"Username\\":\\"([^\\"]*)\\" ]] && user="\${BASH_REMATCH[1]}"
      out="$out$sep\\"$url\\":\\"$user\\""; sep=","
    done
    echo "$out}" ;;
  *) echo "unknown verb $verb"; exit 1 ;;
esac
`;

/** A temp directory with the fake helper on `env.PATH`, and its call log. */
export interface FakeHelper {
  /** Root temp dir; `home` below it is an empty home directory for tests. */
  readonly dir: string;
  readonly home: string;
  /** Environment to pass as the `env` option: only PATH and the fake's own variables. */
  readonly env: NodeJS.ProcessEnv;
  /** How many times each verb ran. */
  calls(): Promise<Record<string, number>>;
  cleanup(): Promise<void>;
}

/** Creates a temp dir holding `bin/docker-credential-fake`, its store and an empty home. */
export async function createFakeHelper(): Promise<FakeHelper> {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-helper-'));
  const bin = join(dir, 'bin');
  const store = join(dir, 'store');
  const home = join(dir, 'home');
  await Promise.all([mkdir(bin), mkdir(store), mkdir(home)]);
  const script = join(bin, 'docker-credential-fake');
  await writeFile(script, SCRIPT);
  await chmod(script, 0o755);
  return {
    dir,
    home,
    env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_HELPER_STORE: store },
    async calls() {
      const log = await readFile(join(store, 'calls'), 'utf8').catch(() => '');
      const counts: Record<string, number> = {};
      for (const verb of log.split('\n').filter(Boolean)) counts[verb] = (counts[verb] ?? 0) + 1;
      return counts;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
