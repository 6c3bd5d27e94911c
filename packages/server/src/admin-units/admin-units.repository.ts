import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { AdminUnitKind, AdminUnitLevel } from './admin-units.tables';

/** First day of the two-tier units (merged province); every old unit ends the day before. */
export const TWO_TIER_FROM = '2025-07-01';

export const UNIT_COLUMNS = ['code', 'name', 'fullName', 'kind', 'level', 'parentCode', 'validFrom', 'validTo'] as const;

/** A unit as the API shows it. */
export interface AdminUnit {
  code: string;
  name: string;
  fullName: string;
  kind: AdminUnitKind;
  level: AdminUnitLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

type Eb = ExpressionBuilder<Database, 'adminUnit'>;

/** valid_from ≤ at < valid_to, open ends allowed. */
function validAt(eb: Eb, at: string) {
  return eb.and([
    eb.or([eb('adminUnit.validFrom', 'is', null), eb('adminUnit.validFrom', '<=', at)]),
    eb.or([eb('adminUnit.validTo', 'is', null), eb('adminUnit.validTo', '>', at)]),
  ]);
}

export interface UnitFilter {
  at: string;
  level?: AdminUnitLevel;
  /** Units within this one: its children and their children (a province's communes in the old era). */
  parent?: string;
  /** Already folded (no diacritics, lower case). */
  qFolded?: string;
}

export async function listUnits(db: Db, f: UnitFilter): Promise<AdminUnit[]> {
  let query = db
    .selectFrom('adminUnit')
    .select(UNIT_COLUMNS)
    .where((eb) => validAt(eb, f.at));
  if (f.level) query = query.where('level', '=', f.level);
  if (f.parent) {
    const parent = f.parent;
    query = query.where((eb) =>
      eb.or([
        eb('parentCode', '=', parent),
        eb(
          'parentCode',
          'in',
          eb
            .selectFrom('adminUnit')
            .select('adminUnit.code')
            .where('adminUnit.parentCode', '=', parent)
            .where((inner) => validAt(inner, f.at)),
        ),
      ]),
    );
  }
  if (f.qFolded) {
    const pattern = `%${f.qFolded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where('nameFolded', 'like', pattern);
  }
  return query.orderBy('code').orderBy('validFrom').execute();
}

export async function findUnitAt(db: Db, code: string, at: string): Promise<AdminUnit | undefined> {
  return db
    .selectFrom('adminUnit')
    .select(UNIT_COLUMNS)
    .where('code', '=', code)
    .where((eb) => validAt(eb, at))
    .executeTakeFirst();
}

/** The most recent version of a code (for a code no longer in use today). */
export async function findLatestUnit(db: Db, code: string): Promise<AdminUnit | undefined> {
  return db
    .selectFrom('adminUnit')
    .select(UNIT_COLUMNS)
    .where('code', '=', code)
    .orderBy(sql`valid_from desc nulls last`)
    .executeTakeFirst();
}

/** New units (as created on TWO_TIER_FROM) an old unit went to. */
export async function successorUnits(db: Db, oldCode: string): Promise<AdminUnit[]> {
  return db
    .selectFrom('adminUnitMapping')
    .innerJoin('adminUnit', 'adminUnit.code', 'adminUnitMapping.newCode')
    .select(UNIT_COLUMNS.map((c) => `adminUnit.${c}` as const))
    .where('adminUnitMapping.oldCode', '=', oldCode)
    .where((eb) => validAt(eb, TWO_TIER_FROM))
    .orderBy('adminUnit.code')
    .execute();
}

/** Old units a new one was formed from, each in its last version before the reform. */
export async function predecessorUnits(db: Db, newCode: string): Promise<AdminUnit[]> {
  return db
    .selectFrom('adminUnitMapping')
    .innerJoin('adminUnit', 'adminUnit.code', 'adminUnitMapping.oldCode')
    .distinctOn('adminUnit.code')
    .select(UNIT_COLUMNS.map((c) => `adminUnit.${c}` as const))
    .where('adminUnitMapping.newCode', '=', newCode)
    .where((eb) => eb.or([eb('adminUnit.validFrom', 'is', null), eb('adminUnit.validFrom', '<', TWO_TIER_FROM)]))
    .orderBy('adminUnit.code')
    .orderBy(sql`admin_unit.valid_to desc`)
    .execute();
}
