// npm run bench: performance figures and their ratios against baselines. Loopback only, bounded in time.
import { benchAssistant } from './assistant.bench';
import { benchCatalog } from './catalog.bench';
import { benchImport } from './import.bench';
import { benchLoneFiling } from './lone-filing.bench';
import { benchNotify } from './notify.bench';
import { benchSigning } from './signing.bench';
import { benchSubmissions } from './submissions.bench';
import { benchWebApp } from './web-app.bench';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  submissions: benchSubmissions,
  web: benchWebApp,
  signing: benchSigning,
  catalog: benchCatalog,
  import: benchImport,
};
// Run only when named: what a lone filing waits on (PostgreSQL); SMS through the outbox (notify); the assistant's quality.
const onDemand: Record<string, () => Promise<void>> = {
  'lone-filing': benchLoneFiling,
  notify: benchNotify,
  assistant: benchAssistant,
};
if (only && onDemand[only]) await onDemand[only]();
try {
  const { benchReports } = await import('./reports.bench');
  benches.reports = benchReports;
} catch {
  // The reports benchmark arrives with the reports capability.
}
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
process.exit(0);
