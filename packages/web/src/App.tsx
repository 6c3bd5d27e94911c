import { useEffect, useState } from 'react';
import { translate } from './i18n';

export function App() {
  const [healthy, setHealthy] = useState<boolean | null>(null);
  useEffect(() => {
    fetch('/api/health')
      .then((r) => setHealthy(r.ok))
      .catch(() => setHealthy(false));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 16, maxWidth: 640, margin: '0 auto' }}>
      <h1>{translate('vi', 'app.title')}</h1>
      <p>{translate('vi', 'app.tagline')}</p>
      {healthy !== null && <p role="status">{translate('vi', healthy ? 'health.ok' : 'health.down')}</p>}
    </main>
  );
}
