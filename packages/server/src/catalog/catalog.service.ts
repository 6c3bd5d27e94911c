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

/** The active procedure with this code in the province's catalog, or undefined. */
export async function findProcedureByCode(ctx: AppContext, code: string): Promise<ProcedureDefinition | undefined> {
  const row = await findActiveProcedure(ctx.db, ctx.config.PROVINCE_CODE, code);
  return row === undefined ? undefined : parse(row);
}

/** For other capabilities that already hold a valid code: throws when it is not in the catalog. */
export async function getProcedure(ctx: AppContext, code: string): Promise<ProcedureDefinition> {
  const procedure = await findProcedureByCode(ctx, code);
  if (!procedure) throw new Error(`procedure ${code} is not in the catalog of province ${ctx.config.PROVINCE_CODE}`);
  return procedure;
}

/** Every topic with its label and the number of active procedures in it (zero included). */
export async function listTopics(ctx: AppContext) {
  const counts = await countActiveByTopic(ctx.db, ctx.config.PROVINCE_CODE);
  return PROCEDURE_TOPICS.map((t) => ({ id: t.id, label: t.label, count: counts.get(t.id) ?? 0 }));
}
