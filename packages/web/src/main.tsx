import './zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getLocale } from './i18n';
import { startOutbox } from './shared/outbox-runtime';
import { loadSession } from './shared/session';
import './styles/index.css';

document.documentElement.lang = getLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The outbox flushes on start (once the session and its CSRF token are known), on `online`, and on
// its backoff timer; see shared/outbox-runtime.ts.
void loadSession().then(() => startOutbox());

// The service worker only in a production build: in `vite` dev it would cache modules being edited.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error) => console.warn('service worker not registered', error));
  });
}
