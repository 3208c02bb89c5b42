import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { installWebBridge } from './web-bridge.js';

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The window renders either way; without a host it says so instead of failing silently.
void installWebBridge()
  .catch((err: unknown) => console.error('Sifport: no host connection:', err))
  .finally(render);
