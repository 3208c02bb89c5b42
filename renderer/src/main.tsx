import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.js';
import { App } from './app.js';
import { applyAppearance } from './features/shell/theme.js';
import { useSifportStore } from './store/store.js';
import { installWebBridge } from './web-bridge.js';
import './styles/app.css';

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const host = api();
  const { setHostStatus } = useSifportStore.getState();
  setHostStatus(host ? 'ready' : 'absent', Boolean(host?.pathForFile));
  createRoot(root).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
}

// The palette before anything draws, so the first frame is already in the right theme.
applyAppearance({ theme: 'system', density: 'compact' });
// The window renders either way; without a host it says so instead of failing silently.
void installWebBridge(() => useSifportStore.getState().setHostStatus('lost'))
  .catch((err: unknown) => console.error('Sifport: no host connection:', err))
  .finally(render);
