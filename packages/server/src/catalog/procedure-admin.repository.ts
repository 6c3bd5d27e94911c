import type { procedureDefinitions } from '@dvc/domain';
import type { Db } from '../db/database';

/**
 * The admin screen's reads of the catalog's tables (catalog.tables.ts, proc-store's): the list with
 * unpublished procedures, and the latest version of many codes at once (an import of 1,700 entries
 * reads them in one query, not 1,700).
 */

const likeContains = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface AdminProcedureRow {
  code: string;
  name: string;
  topic: string;
  active: boolean;
  currentVersion: number;
  updatedAt: Date;
}

export async function listAdminProcedures(
  db: Db,
  provinceCode: string,
  filter: { words: string[]; active?: boolean; limit: number; offset: number },
): Promise<{ items: AdminProcedureRow[]; total: number }> {
  let query = db.selectFrom('procedure').where('provinceCode', '=', provinceCode);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  for (const word of filter.words) query = query.where('searchText', 'like', likeContains(word));
  const [items, count] = await Promise.all([
    query
      .select(['code', 'name', 'topic', 'active', 'currentVersion', 'updatedAt'])
      .orderBy('topic')
      .orderBy('name')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) })), total: Number(count.n) };
}

export interface LatestVersion {
  version: number;
  active: boolean;
  definition: procedureDefinitions.ProcedureDefinition;
}

/** The current version of each of `codes` that exists (active or not), by code. */
export async function latestVersions(
  db: Db,
  provinceCode: string,
  codes: readonly string[],
): Promise<Map<string, LatestVersion>> {
  const out = new Map<string, LatestVersion>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('procedure as p')
      .innerJoin('procedureVersion as v', (join) =>
        join
          .onRef('v.provinceCode', '=', 'p.provinceCode')
          .onRef('v.code', '=', 'p.code')
          .onRef('v.version', '=', 'p.currentVersion'),
      )
      .select(['p.code', 'p.active', 'v.version', 'v.definition'])
      .where('p.provinceCode', '=', provinceCode)
      .where('p.code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.code, {
        version: r.version,
        active: r.active,
        definition: r.definition as unknown as procedureDefinitions.ProcedureDefinition,
      });
    }
  }
  return out;
}
