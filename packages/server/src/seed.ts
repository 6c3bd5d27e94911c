import { seedAdminUnits } from './admin-units/admin-units.seed';
import { seedCalendar } from './calendar/calendar.seed';
import { seedCatalog } from './catalog/catalog.seed';
import type { AppContext } from './http/context';
import { seedIdentity } from './identity/identity.seed';
import { seedRetentionPolicies } from './privacy';
import { seedDemoHistory, seedReportSettings } from './reports/demo-history.seed';
import { seedTargetVersions } from './reports/targets.service';

/** What the seed loaded, printed at start so a developer knows how to sign in. */
export interface SeedReport {
  lines: string[];
}

/**
 * Loads reference data (units, catalog, calendar) and the demo accounts. Idempotent: running it on
 * every start changes nothing the second time. Each capability seeds its own tables.
 */
export async function seed(ctx: AppContext, options: { demo: boolean; history?: boolean }): Promise<SeedReport> {
  const lines: string[] = [];
  const steps = [seedAdminUnits, seedCatalog, seedCalendar, seedIdentity];
  for (const step of steps) lines.push(...((await step(ctx, options.demo)) ?? []));
  await seedReportSettings(ctx);
  await seedTargetVersions(ctx);
  await seedRetentionPolicies(ctx);
  // The synthetic 2022–2023 history of the pilot (seed 002's three phases), for the report screens.
  if (options.demo && options.history !== false) lines.push(...(await seedDemoHistory(ctx)));
  return { lines };
}
