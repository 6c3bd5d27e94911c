import { ProcedureDefinition } from '@dvc/domain';
import type { Db } from '../db/database';

/**
 * The published catalog of a province, in memory, for search as a citizen types (issue 12 point 7:
 * 1,700 procedures, p95 < 50 ms). Each entry keeps its folded search text (no diacritics, lower
 * case: "dang ky ho kinh doanh" finds "Đăng ký hộ kinh doanh") and its parsed facts, in list order.
 *
 * It stays exact because it is rebuilt whenever the province's catalog generation (migration 040:
 * counted by the database in every transaction that writes a `procedure` row, on any server) is not
 * the one it was built at; each search reads that number first, one primary-key read. The number is
 * read before the rows, so an index is never labelled newer than the rows it holds.
 */

export interface IndexedProcedure {
  code: string;
  version: number;
  topic: string;
  /** Folded name, code and topic label: every query word must occur in it. */
  searchText: string;
  facts: ProcedureDefinition;
}

interface CatalogIndex {
  generation: string;
  entries: IndexedProcedure[];
}

interface PerProvince {
  built?: CatalogIndex;
  building?: { generation: string; done: Promise<CatalogIndex> };
}

const indexes = new WeakMap<Db, Map<string, PerProvince>>();
const byName = new Intl.Collator('vi', { sensitivity: 'base' });

async function readGeneration(db: Db, provinceCode: string): Promise<string> {
  const row = await db
    .selectFrom('catalogGeneration')
    .select('generation')
    .where('provinceCode', '=', provinceCode)
    .executeTakeFirst();
  return String(row?.generation ?? '0');
}

async function build(db: Db, provinceCode: string, generation: string, previous?: CatalogIndex): Promise<CatalogIndex> {
  const rows = await db
    .selectFrom('procedure')
    .select(['code', 'currentVersion', 'topic', 'searchText', 'definition'])
    .where('provinceCode', '=', provinceCode)
    .where('active', '=', true)
    .execute();
  // A version never changes: the facts of one already parsed are taken over, only new ones are parsed.
  const known = new Map(previous?.entries.map((e) => [`${e.code}@${e.version}`, e.facts]));
  const entries = rows.map((row) => ({
    code: row.code,
    version: row.currentVersion,
    topic: row.topic,
    searchText: row.searchText,
    // Read back through the domain schema: a stored definition that no longer fits is a bug, not data.
    facts: known.get(`${row.code}@${row.currentVersion}`) ?? ProcedureDefinition.parse(row.definition),
  }));
  entries.sort(
    (a, b) =>
      (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
      byName.compare(a.facts.name, b.facts.name) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { generation, entries };
}

/** The province's published procedures in list order (topic, name, code), as of now. */
export async function publishedCatalog(db: Db, provinceCode: string): Promise<readonly IndexedProcedure[]> {
  const perDb = indexes.get(db) ?? new Map<string, PerProvince>();
  indexes.set(db, perDb);
  const state = perDb.get(provinceCode) ?? {};
  perDb.set(provinceCode, state);
  const generation = await readGeneration(db, provinceCode);
  if (state.built?.generation === generation) return state.built.entries;
  // Searches that arrive while the index is rebuilt for the same generation wait for that one build.
  let building = state.building;
  if (!building || building.generation !== generation) {
    const mine = { generation, done: build(db, provinceCode, generation, state.built) };
    building = mine;
    state.building = mine;
    mine.done.then(
      (index) => {
        if (state.building === mine) state.building = undefined;
        if (!state.built || BigInt(index.generation) >= BigInt(state.built.generation)) state.built = index;
      },
      () => {
        if (state.building === mine) state.building = undefined;
      },
    );
  }
  return (await building.done).entries;
}

/** The entries whose search text holds every (already folded) word, of one topic if given. */
export function matching(
  entries: readonly IndexedProcedure[],
  filter: { words: readonly string[]; topic?: string; group?: string },
): IndexedProcedure[] {
  return entries.filter(
    (e) =>
      (filter.topic === undefined || e.topic === filter.topic) &&
      (filter.group === undefined || e.facts.interlinkGroup === filter.group) &&
      filter.words.every((w) => e.searchText.includes(w)),
  );
}
