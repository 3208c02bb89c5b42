/**
 * The browser mode (`npm run web`): the window's services from `createAppServices` over the
 * CLI's profile, served to any browser by the loopback host on 127.0.0.1.
 *
 *   npm run web -- [--port N] [--config-dir DIR] [--no-open]
 *
 * Prints the page's URL on a line of its own, opens the default browser unless `--no-open`
 * is given or there is no display, and stops cleanly on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openCliProfile } from './app/cli-profile.js';
import { BROWSER_DESKTOP_HOOKS } from './app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from './app/handlers.js';
import { startLoopbackHost } from './app/loopback-host.js';
import { createAppServices } from './app/services.js';
import { parseWebArgs, webUsage } from './app/web-args.js';
import { resolveConfigDir } from './cli/config-dir.js';
import { sifportVersion } from './cli/version.js';
import { toSifportError } from './engine/errors.js';

const STATIC_DIR = fileURLToPath(new URL('../../dist-web/', import.meta.url));

/** The command that opens a URL in the default browser here, or undefined without a display. */
function browserOpener(env: NodeJS.ProcessEnv): string[] | undefined {
  if (process.platform === 'darwin') return ['open'];
  if (process.platform === 'win32') return ['cmd', '/c', 'start', ''];
  return env['DISPLAY'] || env['WAYLAND_DISPLAY'] ? ['xdg-open'] : undefined;
}

function openBrowser(url: string, env: NodeJS.ProcessEnv): void {
  const opener = browserOpener(env);
  if (!opener) {
    process.stderr.write('No display: open the address above in a browser.\n');
    return;
  }
  const child = spawn(opener[0]!, [...opener.slice(1), url], { stdio: 'ignore', detached: true });
  child.on('error', () =>
    process.stderr.write(`Could not start ${opener[0]}: open the address above in a browser.\n`),
  );
  child.unref();
}

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(webUsage());
    return;
  }
  const configDir = resolveConfigDir(args.configDir, process.env, process.cwd());
  const profile = openCliProfile(configDir, process.env, {
    version: sifportVersion(),
    userAgent: `sifport/${sifportVersion()}`,
    onWarning: (message) => process.stderr.write(`sifport: ${message}\n`),
  });
  const services = await createAppServices(profile);
  const host = await startLoopbackHost({
    staticDir: STATIC_DIR,
    port: args.port,
    uploadsDir: profile.paths.uploads,
    handlers: (emit) =>
      services.handlers({ emit, notifier: NO_NOTIFICATIONS, desktop: BROWSER_DESKTOP_HOOKS }),
  });
  process.stdout.write(`Sifport is running in browser mode (profile ${configDir}):\n`);
  process.stdout.write(`${host.url}\n`);
  process.stdout.write('Press Ctrl-C to stop.\n');
  if (args.open) openBrowser(host.url, process.env);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stdout.write('\nStopping.\n');
      void host.stop().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  const error = toSifportError(err);
  process.stderr.write(`sifport web: ${error.message}\n`);
  process.exit(error.code === 'USAGE' ? 2 : 1);
});
