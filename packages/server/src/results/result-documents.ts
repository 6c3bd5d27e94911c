import type { Kysely } from 'kysely';
import { findUnit, vietnamDate } from '../admin-units/admin-units.service';
import type { Database } from '../db/schema';
import type { AgencyHeading } from '../documents/types';

/** The heading of the issuing agency: a department sits under the provincial People's Committee. */
export async function agencyHeading(
  db: Kysely<Database>,
  provinceCode: string,
  agency: { name: string; unitCode: string; level: string },
  at: Date,
): Promise<AgencyHeading> {
  const day = vietnamDate(at);
  const [unit, province] = await Promise.all([findUnit(db, agency.unitCode, day), findUnit(db, provinceCode, day)]);
  const place = unit?.name ?? province?.name ?? agency.name;
  const isCommittee = /^ủy ban nhân dân/i.test(agency.name.normalize('NFC'));
  return {
    ...(isCommittee || !province ? {} : { parentName: `UBND ${province.fullName}`.toUpperCase() }),
    name: agency.name,
    place,
  };
}
