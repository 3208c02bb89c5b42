/**
 * The desktop shell without Electron (issue #11): the BUILT main process boots in plain Node
 * under a stand-in `electron` module (`stand-in/electron.ts`), the BUILT preload runs against
 * it, and the renderer's client talks to the main process through both, as in the app.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { channels, events, type EventName } from '../../shared/contract.js';
import { MESSAGE_CHANNEL } from '../../shared/message-channel.js';
import { SifportCallError } from '../../preload/envelope.js';
import { RegistryClient } from '../../main/engine/registry/client.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import {
  loadTestBed,
  suiteTempDir,
  testBedSkipReason,
  UNSIGNED_SIF,
  waitFor,
} from '../kit/index.js';
import { bootShell, type BootedShell } from './boot-shell.js';

const bed = loadTestBed();
const dir = suiteTempDir('sifport-shell-');
let shell: BootedShell;

before(async () => {
  shell = await bootShell(join(dir.path, 'userData'));
});

/** Sends one raw frame as a given frame of the window would, and returns the reply. */
async function sendAs(frameUrl: string, subFrame: boolean): Promise<unknown> {
  const contents = shell.window.webContents;
  const frame = subFrame ? { url: frameUrl } : contents.mainFrame;
  const savedUrl = contents.mainFrame.url;
  if (!subFrame) contents.mainFrame.url = frameUrl;
  const before = contents.sent.length;
  try {
    shell.standIn.ipcMain.emit(
      MESSAGE_CHANNEL,
      { sender: contents, senderFrame: frame },
      JSON.stringify({ id: 7, channel: 'settings:get', request: {} }),
    );
    await waitFor(() => contents.sent.length > before, { what: 'a reply to the raw frame' });
  } finally {
    contents.mainFrame.url = savedUrl;
  }
  return JSON.parse(String(contents.sent.at(-1)!.args[0]));
}

describe('the built main process under the stand-in electron', () => {
  test('the window is sandboxed, isolated, without node, with an existing preload and page', async () => {
    const prefs = shell.window.options['webPreferences'] as Record<string, unknown>;
    assert.equal(prefs['contextIsolation'], true);
    assert.equal(prefs['sandbox'], true);
    assert.equal(prefs['nodeIntegration'], false);
    assert.equal(prefs['webviewTag'], false);
    assert.ok(existsSync(String(prefs['preload'])), `preload ${String(prefs['preload'])} exists`);
    assert.equal(shell.window.loadedUrl, 'app://sifport/index.html');
    assert.deepEqual(shell.window.options['width'], 1280);
    assert.deepEqual(shell.window.options['minWidth'], 960);
  });

  test('the page is served from app:// with a strict CSP and a fresh nonce per load', async () => {
    const serve = shell.standIn.protocolHandlers.get('app');
    assert.ok(serve, 'app:// is handled');
    const first = await serve(new Request('app://sifport/index.html'));
    const second = await serve(new Request('app://sifport/index.html'));
    assert.equal(first.status, 200);
    const csp = first.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'the CSP carries a nonce');
    assert.ok((await first.text()).includes(`<meta property="csp-nonce" content="${nonce}" />`));
    assert.notEqual(second.headers.get('content-security-policy'), csp);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await second.text())?.[1];
    assert.ok(script, 'the page names its script');
    assert.equal((await serve(new Request(`app://sifport/${script}`))).status, 200);
    assert.equal((await serve(new Request('app://sifport/../../package.json'))).status, 404);
    assert.equal((await serve(new Request('app://other/index.html'))).status, 404);
    assert.ok(
      shell.standIn.privilegedSchemes.some((s) => (s as { scheme: string }).scheme === 'app'),
      'app:// is registered as privileged before ready',
    );
  });

  test('navigation, new windows and permission requests are refused', () => {
    const contents = shell.window.webContents;
    assert.equal(contents.tryEvent('will-navigate', 'https://evil.example/'), true);
    assert.equal(contents.tryEvent('will-navigate', 'app://sifport/other.html'), true);
    assert.equal(contents.tryEvent('will-attach-webview', {}, {}), true);
    assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://evil.example/' }), {
      action: 'deny',
    });
    let granted: boolean | undefined;
    shell.standIn.permissionHandlers.request?.(contents, 'media', (ok: boolean) => (granted = ok));
    assert.equal(granted, false);
    assert.equal(shell.standIn.permissionHandlers.check?.(contents, 'notifications'), false);
  });

  test('only our own main frame is served: a sub-frame or a foreign origin is refused', async () => {
    const ours = (await sendAs('app://sifport/index.html', false)) as { envelope: { ok: boolean } };
    assert.equal(ours.envelope.ok, true);
    for (const [url, sub] of [
      ['app://sifport/index.html', true],
      ['https://evil.example/', false],
      ['file:///index.html', false],
    ] as const) {
      const reply = (await sendAs(url, sub)) as {
        envelope: { ok: boolean; error?: { code: string } };
      };
      assert.equal(reply.envelope.ok, false, `${url} (sub-frame: ${sub})`);
      assert.equal(reply.envelope.error?.code, 'DENIED');
    }
  });

  test('the built preload reaches every contract channel and can subscribe to every event', async () => {
    for (const channel of Object.keys(channels) as (keyof typeof channels)[]) {
      // A request that fits no schema (every request is an object): the answer must come
      // from the channel's own validation, proving it is bound, not "Unknown channel".
      await assert.rejects(shell.api.invoke(channel, null as never), (err: unknown) => {
        assert.ok(err instanceof SifportCallError, `${channel}: ${String(err)}`);
        assert.equal(err.code, 'USAGE', channel);
        assert.match(err.message, new RegExp(`Invalid request for ${channel}`), channel);
        return true;
      });
    }
    for (const event of Object.keys(events) as EventName[]) {
      const off = shell.api.on(event, () => undefined);
      off();
    }
  });

  test('settings round-trip and drive the native theme', async () => {
    const seen: string[] = [];
    const off = shell.api.on('settings:changed', (e) => seen.push(e.settings.theme));
    const { settings } = await shell.api.invoke('settings:set', { patch: { theme: 'dark' } });
    assert.equal(settings.theme, 'dark');
    await waitFor(() => seen.includes('dark'), { what: 'settings:changed in the window' });
    assert.equal(shell.standIn.nativeTheme.themeSource, 'dark');
    assert.equal((await shell.api.invoke('settings:get', {})).settings.theme, 'dark');
    off();
  });

  test('the application menu carries the UI.md shortcuts and sends commands to the window', async () => {
    const menu = shell.standIn.Menu.current as { template: { submenu?: unknown[] }[] };
    const items = menu.template.flatMap((m) => (m.submenu ?? []) as Record<string, unknown>[]);
    const push = items.find((i) => i['accelerator'] === 'CmdOrCtrl+O');
    assert.ok(push, 'Ctrl+O pushes');
    assert.ok(items.some((i) => i['accelerator'] === 'CmdOrCtrl+K'));
    assert.ok(!items.some((i) => i['role'] === 'reload'), 'no reload role (Ctrl+R is Refresh)');
    const help = items.find((i) => i['accelerator'] === '?');
    assert.equal(help?.['registerAccelerator'], false, '"?" must stay typeable in fields');
    const commands: string[] = [];
    const off = shell.api.on('app:command', (e) => commands.push(e.command));
    (push['click'] as () => void)();
    await waitFor(() => commands.includes('push'), { what: 'the push command in the window' });
    off();
  });

  test('a second instance with a .sif opens the push flow in the running window', async () => {
    const opened: string[][] = [];
    const off = shell.api.on('app:open-files', (e) => opened.push(e.paths));
    shell.standIn.app.emit('second-instance', {}, ['sifport', '--flag', 'image.sif'], '/data');
    await waitFor(() => opened.length > 0, { what: 'app:open-files in the window' });
    assert.deepEqual(opened[0], ['/data/image.sif']);
    assert.equal(shell.window.focused, true);
    off();
  });

  test(
    'tags of a test-bed repository are listed through the preload',
    { skip: bed ? false : testBedSkipReason },
    async () => {
      const repository = `shell/tags${Date.now()}`;
      const client = new RegistryClient({ registry: bed!.open.host });
      try {
        for (const tag of ['v1', 'v2']) {
          await pushSif({
            client,
            file: UNSIGNED_SIF,
            reference: { registry: bed!.open.host, repository, tag, digest: undefined },
          });
        }
      } finally {
        client.close();
      }
      const { tags } = await shell.api.invoke('registry:tags', {
        repository: `oras://${bed!.open.host}/${repository}`,
      });
      assert.deepEqual([...tags].sort(), ['v1', 'v2']);
    },
  );

  test(
    'a push ends with an event in the window, and a notification only while unfocused',
    { skip: bed ? false : testBedSkipReason },
    async () => {
      const finished: { jobId: string; ok: boolean }[] = [];
      const off = shell.api.on('transfer:finished', (e) =>
        finished.push({ jobId: e.job.id, ok: e.job.state === 'done' }),
      );
      const push = async (tag: string) => {
        const { job } = await shell.api.invoke('transfer:push', {
          file: UNSIGNED_SIF,
          reference: `oras://${bed!.open.host}/shell/push:${tag}`,
        });
        const jobId = job.id;
        await waitFor(() => finished.some((f) => f.jobId === jobId), {
          timeoutMs: 30_000,
          what: `transfer:finished for ${tag}`,
        });
        return finished.find((f) => f.jobId === jobId)!;
      };
      const notes = shell.standIn.notifications;
      shell.window.focus();
      const focused = await push('focused');
      assert.equal(focused.ok, true);
      const afterFocused = notes.length;
      shell.window.blur();
      const unfocused = await push('unfocused');
      assert.equal(unfocused.ok, true);
      await waitFor(() => notes.length > afterFocused, { what: 'a notification while unfocused' });
      assert.equal(afterFocused, 0, 'no notification while the window is focused');
      assert.match(notes.at(-1)!.options.title, /^Pushed /);
      const selected: string[] = [];
      const offSelect = shell.api.on('transfer:select', (e) => selected.push(e.jobId));
      notes.at(-1)!.click();
      await waitFor(() => selected.includes(unfocused.jobId), { what: 'transfer:select' });
      assert.equal(shell.window.focused, true);
      offSelect();
      off();
    },
  );
});
