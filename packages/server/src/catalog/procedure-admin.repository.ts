import { procedureDefinitions } from '@dvc/domain';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { procedureListColumns } from './catalog.repository';

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

export interface BulkVersion {
  definition: procedureDefinitions.ProcedureDefinition;
  version: number;
  /** For a procedure that did not exist: whether it starts published. An existing one keeps `active`. */
  active: boolean;
  note: string | null;
}

/**
 * The bulk form of the catalog's `insertProcedureVersion` for an import: the same rows (the
 * `procedure` row's list columns and current version, the version row), written in two statements
 * for many procedures instead of four per procedure. The caller holds the codes' locks and gives
 * the version numbers it read under them, inside its transaction.
 */
export async function insertProcedureVersions(
  db: Db,
  provinceCode: string,
  items: readonly BulkVersion[],
  options: { createdBy: string | null; now: Date },
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('procedure')
    .values(
      items.map(({ definition, version, active }) => {
        return {
          provinceCode,
          code: definition.code,
          ...procedureListColumns(procedureDefinitions.catalogFactsOf(definition), options.now),
          active,
          currentVersion: version,
        };
      }),
    )
    .onConflict((oc) =>
      oc.columns(['provinceCode', 'code']).doUpdateSet((eb) => ({
        slug: eb.ref('excluded.slug'),
        name: eb.ref('excluded.name'),
        nameEn: eb.ref('excluded.nameEn'),
        topic: eb.ref('excluded.topic'),
        searchText: eb.ref('excluded.searchText'),
        definition: eb.ref('excluded.definition'),
        updatedAt: eb.ref('excluded.updatedAt'),
        currentVersion: eb.ref('excluded.currentVersion'),
      })),
    )
    .execute();
  await db
    .insertInto('procedureVersion')
    .values(
      items.map(({ definition, version, note }) => ({
        provinceCode,
        code: definition.code,
        version,
        definition: JSON.stringify(definition),
        createdAt: options.now,
        createdBy: options.createdBy,
        note,
      })),
    )
    .execute();
}

/** Takes the write locks of `codes` for the transaction (sorted, so two importers never wait on each other in a circle). */
export async function lockProcedureCodes(db: Db, provinceCode: string, codes: readonly string[]): Promise<void> {
  const keys = [...new Set(codes)].sort().map((c) => `procedure:${provinceCode}:${c}`);
  if (keys.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtext(k)) from unnest(${keys}::text[]) as k`.execute(db);
}
