/**
 * A stand-in for the `electron` module (no Electron binary can be installed on these
 * machines): the members the shell and the preload use, each recording what it is asked, so
 * the BUILT main process (`dist/main/index.js`) boots in plain Node and tests can play the
 * window. `register.ts` maps the `electron` import to this file. Nothing here is Electron's
 * behaviour beyond what the shell relies on; `standIn` is the test's handle on it all.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => void;

/** A frame of a window: its URL decides what the IPC sender check says. */
export class StandInFrame {
  constructor(public url: string) {}
}

/** `webContents` of a stand-in window; `sent` records every `send`. */
export class StandInWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly mainFrame = new StandInFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  readonly session = session.defaultSession;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    standIn.rendererReceive(channel, args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a cancellable event (`will-navigate`, …) and says whether the shell prevented it. */
  tryEvent(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

/** A stand-in `BrowserWindow`. */
export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new StandInWebContents();
  loadedUrl: string | undefined;
  focused = false;
  visible = false;
  minimized = false;
  progress: number | undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.webContents.destroyed);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    queueMicrotask(() => this.emit('ready-to-show'));
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
    this.emit('focus');
  }
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  isFocused(): boolean {
    return this.focused;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
  setProgressBar(value: number): void {
    this.progress = value;
  }
}

/** A stand-in `Notification`; `shown` records every one shown. */
export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    Notification.shown.push(this);
  }
  /** What a user's click on it does. */
  click(): void {
    this.emit('click');
  }
}

class StandInApp extends EventEmitter {
  private readyResolve: (() => void) | undefined;
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  userData = mkdtempSync(join(tmpdir(), 'sifport-stand-in-userdata-'));
  singleInstance = true;
  quitCalled = false;
  isPackaged = false;
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** The test makes the app ready (Electron does it after start-up). */
  becomeReady(): void {
    this.readyResolve?.();
    this.emit('ready');
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData;
    if (name === 'downloads' || name === 'home' || name === 'temp') return tmpdir();
    throw new Error(`stand-in app.getPath: no path for ${name}`);
  }
  getVersion(): string {
    return '0.0.0-stand-in';
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  quit(): void {
    this.quitCalled = true;
    this.emit('before-quit', { preventDefault: () => undefined });
  }
  setAppUserModelId(): void {}
}

/** Handlers registered on `ipcMain`, by channel. */
class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();
  handle(channel: string, handler: (...args: unknown[]) => unknown): void {
    this.handlers.set(channel, handler);
  }
}

const permissionHandlers: { request?: Listener; check?: (...args: unknown[]) => boolean } = {};

/** A stand-in `session`. */
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener): void {
      permissionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      permissionHandlers.check = handler;
    },
    async resolveProxy(): Promise<string> {
      return 'DIRECT';
    },
    on(): void {},
  },
};

/** Requests registered with `protocol.handle`, by scheme. */
const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
const privilegedSchemes: unknown[] = [];

/** A stand-in `protocol`. */
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    protocolHandlers.set(scheme, handler);
  },
};

/** A stand-in `safeStorage` that "encrypts" by reversing bytes: enough for the store's logic. */
export const safeStorage = {
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return true;
  },
  getSelectedStorageBackend(): string {
    return 'gnome_libsecret';
  },
  async encryptStringAsync(text: string): Promise<Buffer> {
    return Buffer.from(text, 'utf8').reverse();
  },
  async decryptStringAsync(data: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    return { result: Buffer.from(data).reverse().toString('utf8'), shouldReEncrypt: false };
  },
};

/** A stand-in `shell`; `opened` records what the shell asked to open or reveal. */
export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
  showItemInFolder(path: string): void {
    shell.opened.push(`reveal:${path}`);
  },
  async openPath(path: string): Promise<string> {
    shell.opened.push(`open:${path}`);
    return '';
  },
};

/** A stand-in `dialog`: answers with what the test queued in `standIn.dialogAnswers`. */
export const dialog = {
  async showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    const next = standIn.dialogAnswers.shift();
    return next ? { canceled: false, filePaths: next } : { canceled: true, filePaths: [] };
  },
};

/** A stand-in `nativeTheme`. */
export const nativeTheme = Object.assign(new EventEmitter(), {
  themeSource: 'system' as string,
  shouldUseDarkColors: false,
});

/** A stand-in `Menu`. */
export const Menu = {
  current: undefined as unknown,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    Menu.current = menu;
  },
};

/** The renderer side: `ipcRenderer` of the one window, wired to `ipcMain` in process. */
const rendererListeners = new Map<string, Set<Listener>>();
export const ipcRenderer = {
  send(channel: string, ...args: unknown[]): void {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) throw new Error('stand-in ipcRenderer.send: no window');
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    ipcMain.emit(channel, event, ...args);
  },
  on(channel: string, listener: Listener): void {
    const set = rendererListeners.get(channel) ?? new Set();
    rendererListeners.set(channel, set);
    set.add(listener);
  },
  off(channel: string, listener: Listener): void {
    rendererListeners.get(channel)?.delete(listener);
  },
};

/** What the preload exposed with `contextBridge.exposeInMainWorld`, by name. */
const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown): void {
    exposed.set(name, api);
  },
};

/** A stand-in `webUtils`. */
export const webUtils = {
  getPathForFile(file: { path?: string }): string {
    return file.path ?? '';
  },
};

export const app = new StandInApp();
export const ipcMain = new StandInIpcMain();

/** The test's handle on the stand-in: what the shell did, and ways to act as the window. */
export const standIn = {
  app,
  ipcMain,
  windows: BrowserWindow.all,
  notifications: Notification.shown,
  shell,
  nativeTheme,
  Menu,
  privilegedSchemes,
  protocolHandlers,
  permissionHandlers,
  exposed,
  dialogAnswers: [] as string[][],
  rendererReceive(channel: string, args: unknown[]): void {
    for (const listener of rendererListeners.get(channel) ?? []) listener({}, ...args);
  },
};

const electron = {
  app,
  BrowserWindow,
  Notification,
  ipcMain,
  ipcRenderer,
  contextBridge,
  webUtils,
  protocol,
  session,
  safeStorage,
  shell,
  dialog,
  nativeTheme,
  Menu,
};
// electron-store imports the module's default export.
// eslint-disable-next-line no-restricted-syntax
export default electron;
