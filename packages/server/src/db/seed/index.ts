import type { AppContext } from '../../http/context';

/** What the seed loaded, printed at start so a developer knows how to sign in. */
export interface SeedReport {
  lines: string[];
}

/**
 * Loads reference data (units, catalog, calendar) and the demo accounts. Idempotent: running it on
 * every start changes nothing the second time. Each capability seeds its own tables.
 */
export async function seed(ctx: AppContext, options: { demo: boolean }): Promise<SeedReport> {
  const lines: string[] = [];
  const steps: Array<(ctx: AppContext, demo: boolean) => Promise<string[] | undefined>> = [];
  for (const step of steps) lines.push(...((await step(ctx, options.demo)) ?? []));
  return { lines };
}
