import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { APP_COMMANDS } from '../../shared/app-contract.js';

type AppCommand = (typeof APP_COMMANDS)[number];

/**
 * The application menu with the shortcuts of UI.md §4. Items send app commands to the
 * window, which owns what they do; Electron's reload role is left out, so Ctrl+R and F5
 * reach the window as Refresh.
 */
export function installMenu(send: (command: AppCommand) => void, isMac: boolean): void {
  const item = (label: string, accelerator: string, command: AppCommand) => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Push a SIF…', 'CmdOrCtrl+O', 'push'),
        item('Inspect a SIF…', 'CmdOrCtrl+Shift+O', 'inspect'),
        { type: 'separator' },
        item('Settings…', 'CmdOrCtrl+,', 'settings'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item('Command Palette…', 'CmdOrCtrl+K', 'palette'),
        item('Filter', 'CmdOrCtrl+F', 'filter'),
        item('Refresh', 'CmdOrCtrl+R', 'refresh'),
        { type: 'separator' },
        item('Sidebar', 'CmdOrCtrl+B', 'toggle-sidebar'),
        item('Transfers', 'CmdOrCtrl+J', 'toggle-drawer'),
        item('Details', 'CmdOrCtrl+I', 'toggle-details'),
        item('Split', 'CmdOrCtrl+\\', 'split'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      // Shown, not registered: a single-key accelerator would eat every "?" typed in a field;
      // the window handles "?" itself, ignoring it while a text field has focus.
      submenu: [{ ...item('Keyboard Shortcuts', '?', 'shortcuts'), registerAccelerator: false }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
