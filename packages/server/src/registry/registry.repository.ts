import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';
import type { HouseholdBusinessTable, HouseholdBusinessVersionTable } from './registry.tables';

export type HouseholdBusinessRow = Selectable<HouseholdBusinessTable>;
type Db = Kysely<Database>;

/** The next serial of the authority's register; the row stays locked until the caller commits. */
export async function nextRegistrationSerial(trx: Db, provinceCode: string, authorityAgencyCode: string): Promise<number> {
  const row = await trx
    .insertInto('householdBusinessSequence')
    .values({ provinceCode, authorityAgencyCode, lastValue: 1 })
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'authorityAgencyCode'])
        .doUpdateSet({ lastValue: sql`household_business_sequence.last_value + 1` }),
    )
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return row.lastValue;
}

/** The active business holding this name key at this authority, if any (`exceptId`: the one changing its name). */
export async function findActiveByNameKey(
  db: Db,
  provinceCode: string,
  authorityAgencyCode: string,
  nameKey: string,
  exceptId?: string,
): Promise<HouseholdBusinessRow | undefined> {
  let q = db
    .selectFrom('householdBusiness')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('authorityAgencyCode', '=', authorityAgencyCode)
    .where('nameKey', '=', nameKey)
    .where('status', '=', 'active');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function findByRegistrationNumber(
  db: Db,
  provinceCode: string,
  registrationNumber: string,
  lock = false,
): Promise<HouseholdBusinessRow | undefined> {
  let q = db
    .selectFrom('householdBusiness')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('registrationNumber', '=', registrationNumber);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findHouseholdBusinessById(
  db: Db,
  provinceCode: string,
  id: string,
): Promise<HouseholdBusinessRow | undefined> {
  return db
    .selectFrom('householdBusiness')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertHouseholdBusiness(trx: Db, row: Insertable<HouseholdBusinessTable>): Promise<HouseholdBusinessRow> {
  return trx.insertInto('householdBusiness').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateHouseholdBusiness(
  trx: Db,
  provinceCode: string,
  id: string,
  set: Updateable<HouseholdBusinessTable>,
): Promise<HouseholdBusinessRow> {
  return trx
    .updateTable('householdBusiness')
    .set(set)
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Appends the version the row now has (its whole state, for the history of the register). */
export async function appendVersion(
  trx: Db,
  row: HouseholdBusinessRow,
  event: HouseholdBusinessVersionTable['event'],
  dossierCode: string,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('householdBusinessVersion')
    .values({
      householdBusinessId: row.id,
      provinceCode: row.provinceCode,
      version: row.version,
      event,
      dossierCode,
      at,
      snapshot: JSON.stringify(row) as never,
    })
    .execute();
}

export interface RegisterFilter {
  provinceCode: string;
  /** null = every authority of the province. */
  authorityAgencyCodes: string[] | null;
  unitCode?: string;
  status?: 'active' | 'terminated';
  limit: number;
}

export async function listRegister(db: Db, f: RegisterFilter): Promise<HouseholdBusinessRow[]> {
  let q = db.selectFrom('householdBusiness').selectAll().where('provinceCode', '=', f.provinceCode);
  if (f.authorityAgencyCodes) {
    q = q.where('authorityAgencyCode', 'in', f.authorityAgencyCodes.length ? f.authorityAgencyCodes : ['']);
  }
  if (f.unitCode) q = q.where('unitCode', '=', f.unitCode);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('registeredAt', 'desc').orderBy('registrationNumber', 'desc').limit(f.limit).execute();
}
