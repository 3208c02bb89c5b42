import { StrictMode } from 'react';
import type { SifportApi } from '../../shared/contract.js';
import { createRoot } from 'react-dom/client';
import { api } from './api.js';
import { App } from './app.js';
import { applyAppearance } from './features/shell/theme.js';
import { useSifportStore } from './store/store.js';
import { installWebBridge } from './web-bridge.js';
import './styles/app.css';

function render(host: SifportApi | undefined): void {
  const root = document.getElementById('root');
  if (!root) return;
  useSifportStore.getState().setHostStatus(host ? 'ready' : 'absent', Boolean(host?.pathForFile));
  createRoot(root).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
}

/**
 * Connects, reads the settings, then draws: the first frame is already in the user's theme
 * (the system's until the settings arrive, then the frame follows them).
 */
async function start(): Promise<void> {
  const followSystem = applyAppearance({ theme: 'system', density: 'compact' });
  // The window renders either way; without a host it says so instead of failing silently.
  await installWebBridge(() => useSifportStore.getState().setHostStatus('lost')).catch(
    (err: unknown) => console.error('Sifport: no host connection:', err),
  );
  const host = api();
  if (host) {
    await useSifportStore.getState().loadSettings();
    // From here the frame applies the settings (and follows the system when they say so).
    followSystem();
    applyAppearance(useSifportStore.getState().settings)();
  }
  render(host);
}

void start();
