import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema';
import { trackDossierChanges } from '../reports/index';
import type { DossierResultTable, ResultTables } from './results.tables';

export type DossierResultRow = Selectable<DossierResultTable>;
type Db = Kysely<Database>;

const tables = (db: Db) => db.withTables<ResultTables>();

export async function insertDossierResult(trx: Db, row: Insertable<DossierResultTable>): Promise<DossierResultRow> {
  return tables(trx).insertInto('dossierResult').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listDossierResults(db: Db, provinceCode: string, dossierCode: string): Promise<DossierResultRow[]> {
  return tables(db)
    .selectFrom('dossierResult')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('dossierCode', '=', dossierCode)
    .orderBy('id')
    .execute();
}

/** By the code of the verification page; codes are unique across provinces. */
export async function findResultByVerificationCode(db: Db, code: string): Promise<DossierResultRow | undefined> {
  return tables(db).selectFrom('dossierResult').selectAll().where('verificationCode', '=', code).executeTakeFirst();
}

/** The newest certificate of a household business (to tell a verifier that an older one was replaced). */
export async function findLatestCertificate(
  db: Db,
  provinceCode: string,
  householdBusinessId: string,
): Promise<DossierResultRow | undefined> {
  return tables(db)
    .selectFrom('dossierResult')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('householdBusinessId', '=', householdBusinessId)
    .where('kind', '=', 'certificate')
    .orderBy('issuedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The one who approved the proposal (the leader who signs the result) and the agency's heading. */
export async function findSigningFacts(db: Db, provinceCode: string, dossierId: string, agencyCode: string) {
  const [leader, agency] = await Promise.all([
    db
      .selectFrom('dossierEvent')
      .innerJoin('userAccount', 'userAccount.id', 'dossierEvent.actorId')
      .select(['userAccount.fullName'])
      .where('dossierEvent.dossierId', '=', dossierId)
      .where('dossierEvent.type', 'in', ['approve', 'resolve'])
      .orderBy('dossierEvent.seq', 'asc')
      .executeTakeFirst(),
    db
      .selectFrom('agency')
      .select(['code', 'name', 'unitCode', 'level'])
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', agencyCode)
      .executeTakeFirst(),
  ]);
  return { leaderName: leader?.fullName, agency };
}

/** Records on the dossier row that its result exists in electronic form and is digitized (reporting flags). */
export async function markDossierResultFlags(
  trx: Db,
  provinceCode: string,
  dossierCode: string,
  flags: { electronic: boolean; digitized: boolean },
): Promise<void> {
  // The flags are counted by the reports: their change rows go with the write (decision 014).
  await trackDossierChanges(trx, provinceCode, { codes: [dossierCode] }, () =>
    trx
      .updateTable('dossier')
      .set({ resultElectronic: flags.electronic, resultDigitized: flags.digitized })
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', dossierCode)
      .execute(),
  );
}

/**
 * The next number of the agency's results for the year (generic certificates); the row stays locked
 * until the caller commits, so two results of one agency never share a number.
 */
export async function nextResultSerial(trx: Db, provinceCode: string, agencyCode: string, year: number): Promise<number> {
  const row = await trx
    .withTables<{ resultNumberSequence: { provinceCode: string; agencyCode: string; year: number; lastValue: number } }>()
    .insertInto('resultNumberSequence')
    .values({ provinceCode, agencyCode, year, lastValue: 1 })
    .onConflict((oc) =>
      oc.columns(['provinceCode', 'agencyCode', 'year']).doUpdateSet({ lastValue: sql`result_number_sequence.last_value + 1` }),
    )
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return row.lastValue;
}
