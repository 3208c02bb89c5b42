import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * What a fake cloud CLI does on its next runs, written to `NAME.mode` beside it so a test
 * can change it between calls: print a token, fail like an expired session, or hang.
 */
export type FakeCliMode = 'ok' | 'expired' | 'hang';

/** The token the fake `name` prints on its `n`-th call (distinctive, for the secret scan). */
export function fakeToken(name: string, n: number): string {
  return `${name}-tok${n}-Qz7vXk2Lw9`;
}

function script(name: string): string {
  return `#!/bin/sh
d="$(dirname "$0")"
n=$(cat "$d/${name}.count" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$d/${name}.count"
echo "$*" > "$d/${name}.args"
mode=$(cat "$d/${name}.mode" 2>/dev/null || echo ok)
case "$mode" in
  expired) echo "Error: the session token has expired" >&2; exit 255 ;;
  hang) exec sleep 30 ;;
esac
printf '%s\\n' "${name}-tok$n-Qz7vXk2Lw9"
`;
}

/** A temp directory of fake `aws`, `az`, `gcloud` executables (shell scripts) to put on PATH. */
export class FakeCloudClis {
  private constructor(readonly dir: string) {}

  /** Creates the directory and the scripts for `names`. */
  static async create(names: readonly string[] = ['aws', 'az', 'gcloud']): Promise<FakeCloudClis> {
    const dir = await mkdtemp(join(tmpdir(), 'sifport-fake-cli-'));
    for (const name of names) {
      const file = join(dir, name);
      await writeFile(file, script(name));
      await chmod(file, 0o755);
    }
    return new FakeCloudClis(dir);
  }

  /** PATH with the fakes first. */
  path(rest: string = process.env.PATH ?? ''): string {
    return `${this.dir}${delimiter}${rest}`;
  }

  /** How often `name` ran. */
  async calls(name: string): Promise<number> {
    return Number(
      (await readFile(join(this.dir, `${name}.count`), 'utf8').catch(() => '0')).trim(),
    );
  }

  /** The arguments of the last run of `name`, space-joined. */
  async lastArgs(name: string): Promise<string> {
    return (await readFile(join(this.dir, `${name}.args`), 'utf8').catch(() => '')).trim();
  }

  async setMode(name: string, mode: FakeCliMode): Promise<void> {
    await writeFile(join(this.dir, `${name}.mode`), mode);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
