import { foldVietnamese, type ProcedureDefinition, topicLabel } from '@dvc/domain';
import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Folded text the search matches against: name, code and topic label. */
export function searchTextFor(definition: ProcedureDefinition): string {
  return foldVietnamese(`${definition.name} ${definition.code} ${topicLabel(definition.topic)}`);
}

/**
 * Inserts or refreshes the given definitions in one statement. A row whose content is unchanged
 * is not touched (so the second start writes nothing); `active` is never changed here.
 * Returns how many rows were inserted or updated.
 */
export async function upsertProcedures(db: Db, provinceCode: string, definitions: readonly ProcedureDefinition[], now: Date) {
  if (definitions.length === 0) return 0;
  const result = await db
    .insertInto('procedure')
    .values(
      definitions.map((d) => ({
        provinceCode,
        code: d.code,
        slug: d.slug,
        name: d.name,
        nameEn: d.nameEn,
        topic: d.topic,
        searchText: searchTextFor(d),
        definition: JSON.stringify(d),
        updatedAt: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'code'])
        .doUpdateSet((eb) => ({
          slug: eb.ref('excluded.slug'),
          name: eb.ref('excluded.name'),
          nameEn: eb.ref('excluded.nameEn'),
          topic: eb.ref('excluded.topic'),
          searchText: eb.ref('excluded.searchText'),
          definition: eb.ref('excluded.definition'),
          updatedAt: eb.ref('excluded.updatedAt'),
        }))
        .where(
          sql<boolean>`(procedure.definition, procedure.search_text) is distinct from (excluded.definition, excluded.search_text)`,
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Escapes LIKE wildcards so a user's `%` or `_` is matched literally. */
function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ProcedureFilter {
  /** Already folded words; every one must occur in the search text. */
  words: string[];
  topic?: string;
}

export async function listActiveProcedures(db: Db, provinceCode: string, filter: ProcedureFilter) {
  let query = db
    .selectFrom('procedure')
    .select(['definition'])
    .where('provinceCode', '=', provinceCode)
    .where('active', '=', true);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  for (const word of filter.words) query = query.where('searchText', 'like', likeContains(word));
  const rows = await query.orderBy('topic').orderBy('name').execute();
  return rows.map((r) => r.definition);
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
    .select(['topic', (eb) => eb.fn.countAll<number>().as('count')])
    .where('provinceCode', '=', provinceCode)
    .where('active', '=', true)
    .groupBy('topic')
    .execute();
  return new Map(rows.map((r) => [r.topic, Number(r.count)]));
}
