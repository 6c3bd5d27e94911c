import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Dimension, Filters } from '../reports/index';

export interface ComplainedCount {
  key: string;
  oldEra: boolean;
  complained: number;
}

/**
 * Dossiers with at least one complaint or recommendation (phản ánh, kiến nghị) filed within the
 * period, per group of the indicator report: the satisfaction indicator subtracts their share
 * (766/QĐ-TTg). The group is read from the dossier, as the report's own counts do, so that a row's
 * complaints and its denominator are the same dossiers' — a month row takes the complaint's month.
 * Complaints about a procedure rather than a dossier have no dossier to count and are left out.
 */
export async function countComplainedDossiers(db: Db, dim: Dimension, f: Filters): Promise<ComplainedCount[]> {
  const cd = sql`report_day(c.created_at)`;
  const key = {
    unit: sql`d.unit_code`,
    procedure: sql`d.procedure_code`,
    channel: sql`d.channel`,
    agency: sql`d.agency_code`,
    month: sql`to_char(${cd}, 'YYYY-MM')`,
  }[dim];
  const era = dim === 'unit' ? sql`report_day(d.submitted_at) < date '2025-07-01'` : sql`false`;
  const where = [
    sql`c.province_code = ${f.provinceCode}`,
    sql`${cd} >= ${f.period.from}::date`,
    sql`${cd} < ${f.period.to}::date`,
  ];
  if (f.procedureCodes)
    where.push(f.procedureCodes.length ? sql`d.procedure_code in (${sql.join(f.procedureCodes)})` : sql`false`);
  if (f.agencyCode) where.push(sql`d.agency_code = ${f.agencyCode}`);
  if (f.scopeAgencies) where.push(f.scopeAgencies.length ? sql`d.agency_code in (${sql.join(f.scopeAgencies)})` : sql`false`);
  const res = await sql<{ key: string; oldEra: boolean; complained: string | number }>`
    select ${key} as key, ${era} as old_era, count(distinct d.id) as complained
    from complaint c
    join dossier d on d.province_code = c.province_code and d.code = c.dossier_code
    where ${sql.join(where, sql` and `)}
    group by 1, 2`.execute(db);
  return res.rows.map((r) => ({ key: String(r.key), oldEra: r.oldEra === true, complained: Number(r.complained) }));
}
