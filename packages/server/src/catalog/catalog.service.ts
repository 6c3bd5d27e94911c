import { foldVietnamese, PROCEDURE_TOPICS, ProcedureDefinition, type ProcedureTopic } from '@dvc/domain';
import type { AppContext } from '../http/context';
import { countActiveByTopic, findActiveProcedure, listActiveProcedures } from './catalog.repository';

/** Rows are read back through the domain schema: a stored definition that no longer fits is a bug, not data. */
function parse(definition: unknown): ProcedureDefinition {
  return ProcedureDefinition.parse(definition);
}

/** Words of a free-text query, folded the same way as the stored search text. */
export function queryWords(q: string | undefined): string[] {
  return foldVietnamese(q ?? '')
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

export async function listProcedures(ctx: AppContext, filter: { q?: string; topic?: ProcedureTopic }) {
  const rows = await listActiveProcedures(ctx.db, ctx.config.PROVINCE_CODE, { words: queryWords(filter.q), topic: filter.topic });
  return rows.map(parse);
}

/**
 * The active procedure with this code in the province's catalog, or undefined. Every filing asks,
 * so a parsed definition is kept for CACHE_MS: a procedure withdrawn by an administrator stops being
 * accepted within that time.
 */
export async function findProcedureByCode(ctx: AppContext, code: string): Promise<ProcedureDefinition | undefined> {
  const perDb = cache.get(ctx.db) ?? new Map<string, { at: number; procedure: ProcedureDefinition | undefined }>();
  cache.set(ctx.db, perDb);
  const key = `${ctx.config.PROVINCE_CODE}:${code}`;
  const hit = perDb.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.procedure;
  const row = await findActiveProcedure(ctx.db, ctx.config.PROVINCE_CODE, code);
  const procedure = row === undefined ? undefined : parse(row);
  perDb.set(key, { at: Date.now(), procedure });
  return procedure;
}

const CACHE_MS = 60_000;
const cache = new WeakMap<object, Map<string, { at: number; procedure: ProcedureDefinition | undefined }>>();

/** Every topic with its label and the number of active procedures in it (zero included). */
export async function listTopics(ctx: AppContext) {
  const counts = await countActiveByTopic(ctx.db, ctx.config.PROVINCE_CODE);
  return PROCEDURE_TOPICS.map((t) => ({ id: t.id, label: t.label, count: counts.get(t.id) ?? 0 }));
}
