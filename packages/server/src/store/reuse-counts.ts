import { sql } from 'kysely';
import type { Db } from '../db/database';
import { type Dimension, dossierGroupKey, type Filters, scopeConditions } from '../reports/index';

export interface ReusedCount {
  key: string;
  oldEra: boolean;
  reused: number;
}

/**
 * Dossiers received in the period with at least one component given from the citizen's document
 * store (a result or a digitized component reused, not uploaded again), per group of the indicator
 * report: the numerator of the reuse rate (Decision 766). The group is read from the dossier as the
 * report's own counts do (received = filed in the period), so a row's numerator and denominator are
 * the same dossiers'.
 */
export async function countReusingDossiers(db: Db, dim: Dimension, f: Filters): Promise<ReusedCount[]> {
  const sd = sql`report_day(d.submitted_at)`;
  const { key, era } = dossierGroupKey(dim, sd);
  const where = [
    sql`d.province_code = ${f.provinceCode}`,
    sql`${sd} >= ${f.period.from}::date`,
    sql`${sd} < ${f.period.to}::date`,
  ];
  where.push(...scopeConditions(f, 'd.'));
  // Driven from the reused attachments (their partial index, migration 056), not from the period's
  // dossiers: the report's cost stays bounded by the period whatever the size of the dossier table.
  const res = await sql<{ key: string; oldEra: boolean; reused: string | number }>`
    select ${key} as key, ${era} as old_era, count(distinct d.id) as reused
    from dossier_attachment a
    join dossier d on d.id = a.dossier_id and d.province_code = a.province_code
    where a.province_code = ${f.provinceCode} and a.reused_kind is not null and ${sql.join(where, sql` and `)}
    group by 1, 2`.execute(db);
  return res.rows.map((r) => ({ key: String(r.key), oldEra: r.oldEra === true, reused: Number(r.reused) }));
}

/** Whether the province recorded any reuse at all: until then the rate is "chưa có dữ liệu", never 0. */
export async function hasReuseData(db: Db, provinceCode: string): Promise<boolean> {
  const res = await sql<{ found: boolean }>`
    select exists (select 1 from dossier_attachment where province_code = ${provinceCode} and reused_kind is not null) as found`.execute(
    db,
  );
  return res.rows[0]?.found === true;
}
