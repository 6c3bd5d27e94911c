import { isDeepStrictEqual } from 'node:util';
import { procedureDefinitions } from '@dvc/domain';
import { sql } from 'kysely';
import type { AppContext } from '../http/context';
import { insertProcedureVersion, latestBuiltInVersions } from './catalog.repository';

/** The note of the versions the seed writes (no author): how the seed finds its own. */
export const BUILT_IN_NOTE = 'Định nghĩa có sẵn trong phần mềm';
/** Servers starting together queue on it, so a changed built-in becomes one new version, not two. */
const SEED_LOCK = 29_2026;

/**
 * Idempotent. The ten built-in definitions become version 1 where absent; one that changed in the code
 * since the seed last wrote it becomes a new version (an old version is never edited). Returns lines
 * for the start-up banner.
 */
export async function seedCatalog(ctx: AppContext, _demo: boolean): Promise<string[]> {
  const builtIn = procedureDefinitions.BUILT_IN_DEFINITIONS;
  const province = ctx.config.PROVINCE_CODE;
  const changedIn = (latest: Awaited<ReturnType<typeof latestBuiltInVersions>>) =>
    builtIn.filter((d) => {
      const stored = latest.get(d.code);
      return !stored || !isDeepStrictEqual(procedureDefinitions.ProcedureDefinition.parse(stored.definition), d);
    });
  let written = 0;
  if (changedIn(await latestBuiltInVersions(ctx.db, province, BUILT_IN_NOTE)).length > 0) {
    written = await ctx.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
      const changed = changedIn(await latestBuiltInVersions(trx, province, BUILT_IN_NOTE));
      for (const definition of changed) {
        await insertProcedureVersion(trx, province, definition, { createdBy: null, note: BUILT_IN_NOTE, now: ctx.now() });
      }
      return changed.length;
    });
  }
  return [`Danh mục thủ tục: ${builtIn.length} thủ tục${written > 0 ? ` (${written} mới hoặc cập nhật)` : ''}`];
}
