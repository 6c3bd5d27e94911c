import { sql } from 'kysely';
import type { Db } from '../db/database';
import { type Dimension, dossierGroupKey, type Filters, scopeConditions } from '../reports/index';

export interface PublishedCount {
  key: string;
  oldEra: boolean;
  /** Dossiers received in the period that DVC has state messages for (imported history has none). */
  portalQueued: number;
  /** Of those, dossiers whose every message so far has reached the national portal. */
  portalSynced: number;
}

/**
 * Dossiers received in the period whose state is published on the national public-service portal,
 * per group of the indicator report: the scorecard's "Công khai, minh bạch" input (766/QĐ-TTg). A
 * dossier counts as published when every state message queued for it has been sent; a dossier DVC
 * never queued a message for (imported from the old system) is in neither count, so a period of
 * imported history shows "chưa có dữ liệu" instead of 0%. Grouped as the report's own counts are.
 */
export async function countPublishedDossiers(db: Db, dim: Dimension, f: Filters): Promise<PublishedCount[]> {
  const day = sql`report_day(d.submitted_at)`;
  const { key, era } = dossierGroupKey(dim, day);
  const where = [
    sql`d.province_code = ${f.provinceCode}`,
    sql`${day} >= ${f.period.from}::date`,
    sql`${day} < ${f.period.to}::date`,
  ];
  where.push(...scopeConditions(f, 'd.'));
  const res = await sql<{ key: string; oldEra: boolean; queued: string | number; synced: string | number }>`
    select key, old_era, count(*) as queued, count(*) filter (where synced) as synced
    from (
      select ${key} as key, ${era} as old_era, bool_and(m.status = 'sent') as synced
      from portal_sync_message filing
      join dossier d on d.province_code = filing.province_code and d.code = filing.dossier_code
      join portal_sync_message m on m.province_code = d.province_code and m.dossier_code = d.code
      where ${sql.join(where, sql` and `)}
      group by d.id, 1, 2
    ) per_dossier
    group by 1, 2`.execute(db);
  return res.rows.map((r) => ({
    key: String(r.key),
    oldEra: r.oldEra === true,
    portalQueued: Number(r.queued),
    portalSynced: Number(r.synced),
  }));
}
