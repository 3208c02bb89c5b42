import type { FlagSpec } from './args.js';
import { GLOBAL_FLAGS, type Command } from './command.js';

/** `sifport push FILE.sif oras://REGISTRY/REPO:TAG` */
export function usageLine(command: Command): string {
  return `sifport ${command.name} ${command.synopsis}`;
}

function flagRows(flags: readonly FlagSpec[]): string[] {
  const left = flags.map((f) => {
    const long = `--${f.name}${f.value ? ` ${f.value}` : ''}`;
    return f.short ? `-${f.short}, ${long}` : `    ${long}`;
  });
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return flags.map((f, i) => `  ${left[i]!.padEnd(width)}${f.help}`);
}

/** What `sifport --help` prints. */
export function globalHelp(commands: readonly Command[], version: string): string {
  const lines = commands.map((c) => `  ${usageLine(c)}`);
  const width = Math.max(8, ...commands.map((c) => c.name.length + 2));
  const summaries = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return [
    `sifport ${version}: push and pull Apptainer SIF images to OCI registries (oras://)`,
    '',
    'Usage:',
    ...lines,
    '  sifport --help | sifport COMMAND --help | sifport --version',
    '',
    'Commands:',
    ...summaries,
    '',
    'Options for every command:',
    ...flagRows(GLOBAL_FLAGS),
    '',
    'Logins, the digest cache and upload tuning live in the config directory: --config-dir,',
    'else $SIFPORT_CONFIG_DIR, else ~/.config/sifport (Linux), ~/Library/Application Support/sifport',
    '(macOS), %APPDATA%\\sifport (Windows).',
    '',
    'HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured as apptainer does (http:// proxies;',
    'TLS to the registry runs end to end through a CONNECT tunnel; loopback is never proxied).',
    '',
    'Exit status: 0 success, 1 failure, 2 usage error, 130 interrupted (Ctrl-C).',
    '',
  ].join('\n');
}

/** What `sifport COMMAND --help` prints. */
export function commandHelp(command: Command): string {
  return [
    `Usage: ${usageLine(command)} [options]`,
    '',
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.details.length > 0 ? ['', ...command.details] : []),
    '',
    'Options:',
    ...flagRows([...command.flags.filter((f) => f.name !== 'password'), ...GLOBAL_FLAGS]),
    '',
  ].join('\n');
}
