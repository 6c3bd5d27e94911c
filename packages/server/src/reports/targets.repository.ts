import type { Db } from '../db/database';

/** Targets in force and their history (migration 033). Every query filters by province. */

export type UnitLevel = 'province' | 'district' | 'commune';

export interface TargetRow {
  id: number;
  groupCode: string;
  unitLevel: UnitLevel | null;
  validFrom: string;
  validTo: string | null;
  onlineRate: number;
  legalBasis: string;
  recordedAt: Date;
  recordedBy: string | null;
  supersededAt: Date | null;
}

const COLUMNS = [
  'id',
  'groupCode',
  'unitLevel',
  'validFrom',
  'validTo',
  'onlineRate',
  'legalBasis',
  'recordedAt',
  'recordedBy',
  'supersededAt',
] as const;

const toRow = (r: Omit<TargetRow, 'onlineRate' | 'id'> & { id: number | string; onlineRate: string | number }): TargetRow => ({
  ...r,
  id: Number(r.id),
  onlineRate: Number(r.onlineRate),
});

/**
 * The target in force on `day` for a group's units of `level`: one set for that level wins over one
 * set for every level.
 */
export async function findTargetInForce(
  db: Db,
  provinceCode: string,
  groupCode: string,
  day: string,
  level: UnitLevel,
): Promise<TargetRow | undefined> {
  const rows = await db
    .selectFrom('reportTargetVersion')
    .select(COLUMNS)
    .where('provinceCode', '=', provinceCode)
    .where('groupCode', '=', groupCode)
    .where('supersededAt', 'is', null)
    .where('validFrom', '<=', day)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', day)]))
    .where((eb) => eb.or([eb('unitLevel', 'is', null), eb('unitLevel', '=', level)]))
    .execute();
  const best = rows.sort((a, b) => Number(b.unitLevel !== null) - Number(a.unitLevel !== null))[0];
  return best ? toRow(best) : undefined;
}

/** Targets in force (superseded: false) or every decision ever recorded, by group, level and date. */
export async function listTargetVersions(db: Db, provinceCode: string, which: 'current' | 'all'): Promise<TargetRow[]> {
  let q = db.selectFrom('reportTargetVersion').select(COLUMNS).where('provinceCode', '=', provinceCode);
  if (which === 'current') q = q.where('supersededAt', 'is', null);
  const rows = await q.orderBy('groupCode').orderBy('unitLevel').orderBy('validFrom').orderBy('id').execute();
  return rows.map(toRow);
}

export async function listGroupsWithMembers(db: Db, provinceCode: string) {
  const [groups, members] = await Promise.all([
    db
      .selectFrom('reportProcedureGroup')
      .select(['code', 'name'])
      .where('provinceCode', '=', provinceCode)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('reportProcedureGroupMember')
      .select(['groupCode', 'procedureCode'])
      .where('provinceCode', '=', provinceCode)
      .orderBy('procedureCode')
      .execute(),
  ]);
  return groups.map((g) => ({
    ...g,
    procedureCodes: members.filter((m) => m.groupCode === g.code).map((m) => m.procedureCode),
  }));
}
