import { type ProcedureDefinition as ProcedureFacts, procedureDefinitions } from '@dvc/domain';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';
import { procedureVersion } from './catalog.service';

/**
 * The catalog facts (name, components, duration, fee…) of the version a dossier was filed under, for
 * views, slips and receipts. A dossier keeps its version forever, so a procedure an administrator
 * added, changed or withdrew is still shown with the facts it was filed with. Versions never change:
 * the projection is computed once per parsed definition.
 */
export interface FiledUnder {
  procedureCode: string;
  procedureVersion: number;
}

const projected = new WeakMap<object, ProcedureFacts>();

function factsOf(definition: procedureDefinitions.ProcedureDefinition): ProcedureFacts {
  let facts = projected.get(definition);
  if (!facts) {
    facts = procedureDefinitions.catalogFactsOf(definition);
    projected.set(definition, facts);
  }
  return facts;
}

/**
 * Inside a transaction pass it as `within`: on the embedded database the transaction holds the only
 * connection, so a read through `ctx.db` would wait for it forever.
 */
export async function factsOfDossier(ctx: AppContext, row: FiledUnder, within?: Db): Promise<ProcedureFacts | undefined> {
  const found = await procedureVersion(within ? { ...ctx, db: within } : ctx, row.procedureCode, row.procedureVersion);
  return found ? factsOf(found.definition) : undefined;
}

/** The facts of every dossier of a list, each version read once (and then from the cache). */
export async function factsOfDossiers(
  ctx: AppContext,
  rows: readonly FiledUnder[],
): Promise<(row: FiledUnder) => ProcedureFacts | undefined> {
  const key = (r: FiledUnder) => `${r.procedureCode}@${r.procedureVersion}`;
  const distinct = new Map(rows.map((r) => [key(r), r]));
  const found = new Map<string, ProcedureFacts | undefined>();
  await Promise.all(
    [...distinct].map(async ([k, r]) => {
      found.set(k, await factsOfDossier(ctx, r));
    }),
  );
  return (row) => found.get(key(row));
}
