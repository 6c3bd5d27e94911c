import { foldVietnamese, type ProcedureDefinition, procedureDefinitions, topicLabel } from '@dvc/domain';
import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Folded text the search matches against: name, code and topic label. */
export function searchTextFor(definition: ProcedureDefinition): string {
  return foldVietnamese(`${definition.name} ${definition.code} ${topicLabel(definition.topic, definition.topicName)}`);
}

/** The `procedure` row's columns for listing and search, projected from a version's catalog facts. */
export function procedureListColumns(facts: ProcedureDefinition, now: Date) {
  return {
    slug: facts.slug,
    name: facts.name,
    nameEn: facts.nameEn,
    topic: facts.topic,
    searchText: searchTextFor(facts),
    definition: JSON.stringify(facts),
    updatedAt: now,
  };
}

type Definition = procedureDefinitions.ProcedureDefinition;

/**
 * Writes a new version of a procedure's definition and makes it the current one: the version row,
 * and the `procedure` row's list columns (name, topic, search text, the catalog facts). A procedure
 * not seen before gets its row (published unless `active: false`); an existing one keeps `active`.
 * Returns the new version number. The caller gives the transaction (`db`), so the version and
 * whatever goes with it (an audit row) commit together; the procedure row is locked first, so two
 * writers of one code get versions n and n+1, never the same number.
 */
export async function insertProcedureVersion(
  db: Db,
  provinceCode: string,
  definition: Definition,
  options: { createdBy: string | null; note: string | null; now: Date; active?: boolean },
): Promise<number> {
  const listColumns = procedureListColumns(procedureDefinitions.catalogFactsOf(definition), options.now);
  // Takes the row's lock (or waits for a writer creating it), so the next number below is this writer's.
  await db
    .insertInto('procedure')
    .values({ provinceCode, code: definition.code, ...listColumns, active: options.active ?? true, currentVersion: 1 })
    .onConflict((oc) => oc.columns(['provinceCode', 'code']).doUpdateSet({ updatedAt: options.now }))
    .execute();
  const latest = await db
    .selectFrom('procedureVersion')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', definition.code)
    .executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await db
    .insertInto('procedureVersion')
    .values({
      provinceCode,
      code: definition.code,
      version,
      definition: JSON.stringify(definition),
      createdAt: options.now,
      createdBy: options.createdBy,
      note: options.note,
    })
    .execute();
  await db
    .updateTable('procedure')
    .set({ ...listColumns, currentVersion: version })
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', definition.code)
    .execute();
  return version;
}

export async function listProcedureVersions(db: Db, provinceCode: string, code: string) {
  return db
    .selectFrom('procedureVersion')
    .select(['version', 'createdAt', 'createdBy', 'note'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .orderBy('version')
    .execute();
}

/** The stored definition of one version (any, even of an unpublished procedure), as written. */
export async function findProcedureVersion(
  db: Db,
  provinceCode: string,
  code: string,
  version: number,
): Promise<Definition | undefined> {
  const row = await db
    .selectFrom('procedureVersion')
    .select(['definition'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.definition;
}

/** Publishes or withdraws a procedure; false when there is no such procedure. */
export async function setProcedureActive(db: Db, provinceCode: string, code: string, active: boolean): Promise<boolean> {
  const result = await db
    .updateTable('procedure')
    .set({ active })
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The version new filings use, for a published procedure only. */
export async function findCurrentVersionNumber(db: Db, provinceCode: string, code: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('procedure')
    .select(['currentVersion'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.currentVersion;
}

/**
 * The published members of an interlinked group (`interlink.group` of their current version), in
 * the group's order: code and current version.
 */
export async function findActiveGroupMembers(db: Db, provinceCode: string, group: string) {
  return db
    .selectFrom('procedure as p')
    .innerJoin('procedureVersion as v', (join) =>
      join
        .onRef('v.provinceCode', '=', 'p.provinceCode')
        .onRef('v.code', '=', 'p.code')
        .onRef('v.version', '=', 'p.currentVersion'),
    )
    .select(['p.code', 'p.currentVersion'])
    .where('p.provinceCode', '=', provinceCode)
    .where('p.active', '=', true)
    .where(sql<string>`v.definition -> 'interlink' ->> 'group'`, '=', group)
    .orderBy(sql`(v.definition -> 'interlink' ->> 'order')::int`, (ob) => ob.asc().nullsLast())
    .orderBy('p.code')
    .execute();
}

/** The latest version of each code that the seed wrote (no author), to compare with the built-in definitions. */
export async function latestBuiltInVersions(db: Db, provinceCode: string, note: string) {
  const rows = await db
    .selectFrom('procedureVersion')
    .select(['code', 'version', 'definition'])
    .where('provinceCode', '=', provinceCode)
    .where('createdBy', 'is', null)
    .where('note', '=', note)
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, { version: number; definition: Definition }>();
  for (const row of rows) if (!latest.has(row.code)) latest.set(row.code, row);
  return latest;
}

export async function findActiveProcedure(db: Db, provinceCode: string, code: string) {
  const row = await db
    .selectFrom('procedure')
    .select(['definition'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.definition;
}

export async function countActiveByTopic(db: Db, provinceCode: string) {
  const rows = await db
    .selectFrom('procedure')
    .select([
      'topic',
      (eb) => eb.fn.max(sql<string>`definition ->> 'topicName'`).as('topicName'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('provinceCode', '=', provinceCode)
    .where('active', '=', true)
    .groupBy('topic')
    .orderBy('topic')
    .execute();
  return rows.map((r) => ({ topic: r.topic, name: r.topicName ?? undefined, count: Number(r.count) }));
}
