import { sql } from 'kysely';
import type { Db } from '../db/database';
import { type Dimension, dossierGroupKey, type Filters, scopeConditions } from '../reports/index';

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
  const { key, era } = dossierGroupKey(dim, cd);
  const where = [
    sql`c.province_code = ${f.provinceCode}`,
    sql`${cd} >= ${f.period.from}::date`,
    sql`${cd} < ${f.period.to}::date`,
  ];
  where.push(...scopeConditions(f, 'd.'));
  const res = await sql<{ key: string; oldEra: boolean; complained: string | number }>`
    select ${key} as key, ${era} as old_era, count(distinct d.id) as complained
    from complaint c
    join dossier d on d.province_code = c.province_code and d.code = c.dossier_code
    where ${sql.join(where, sql` and `)}
    group by 1, 2`.execute(db);
  return res.rows.map((r) => ({ key: String(r.key), oldEra: r.oldEra === true, complained: Number(r.complained) }));
}
