import { SifportError } from '../engine/errors.js';

/** What `npm run web` was asked for. */
export interface WebArgs {
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly configDir: string | undefined;
  /** Open the default browser at the page. */
  readonly open: boolean;
  readonly help: boolean;
}

/** The usage text of the browser mode. */
export function webUsage(): string {
  return [
    'Usage: npm run web -- [--port N] [--config-dir DIR] [--no-open]',
    '',
    'Serves the Sifport window on http://127.0.0.1 with the CLI profile (accounts, keys).',
    '  --port N          listen on this port (default: a free one)',
    '  --config-dir DIR  the profile to use (default: $SIFPORT_CONFIG_DIR or ~/.config/sifport)',
    '  --no-open         do not open a browser',
    '',
  ].join('\n');
}

function usage(message: string): SifportError {
  return new SifportError('USAGE', `${message} (npm run web -- --help)`);
}

/** Parses the browser mode's arguments; unknown ones are refused, not ignored. */
export function parseWebArgs(argv: readonly string[]): WebArgs {
  let port = 0;
  let configDir: string | undefined;
  let open = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw usage(`${name} needs a value`);
      return v;
    };
    if (name === '--port') {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) {
        throw usage(`--port must be a number from 0 to 65535, not "${text}"`);
      }
    } else if (name === '--config-dir') configDir = value();
    else if (name === '--no-open') open = false;
    else if (name === '--help' || name === '-h') help = true;
    else throw usage(`unknown argument "${arg}"`);
  }
  return { port, configDir, open, help };
}
