import type { Db } from '../db/database';
import { type AdminUnit, findUnitAt, predecessorUnits, successorUnits, TWO_TIER_FROM } from './admin-units.repository';

export { type AdminUnit, TWO_TIER_FROM };

/** The unit with this code valid on `at` ('YYYY-MM-DD'); a code can mean different units in each era. */
export function findUnit(db: Db, code: string, at: string): Promise<AdminUnit | undefined> {
  return findUnitAt(db, code, at);
}

/** New units (from 1 Jul 2025) an old unit's territory went to; several when it was split. Used to regroup history. */
export function successorsOf(db: Db, oldCode: string): Promise<AdminUnit[]> {
  return successorUnits(db, oldCode);
}

const LEVEL_DEPTH = { province: 0, district: 1, commune: 2 } as const;

/**
 * Old units a new unit was formed from, at the finest level named: the wards of Phường Cẩm Thành,
 * the district of Đặc khu Lý Sơn, the two provinces of the merged province (the district rows of the
 * mapping only serve history recorded at district level).
 */
export async function predecessorsOf(db: Db, newCode: string): Promise<AdminUnit[]> {
  const all = await predecessorUnits(db, newCode);
  const finest = Math.max(...all.map((u) => LEVEL_DEPTH[u.level]));
  return all.filter((u) => LEVEL_DEPTH[u.level] === finest);
}

/** Whether a unit belongs to the two-tier era (from 1 Jul 2025). */
export function isNewEra(unit: AdminUnit): boolean {
  return unit.validFrom !== null && unit.validFrom >= TWO_TIER_FROM;
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's date in Vietnam, which is what "valid today" means for a unit. */
export { vietnamDate } from '@dvc/domain/vietnam-time';
