import { sql } from 'kysely';
import type { Db } from '../db/database';

/** A read as the citizen sees it: the agency and the time, never the officer. */
export interface ReadSeenByCitizen {
  id: string;
  at: Date;
  agencyCode: string;
  agencyName: string;
  recordType: string;
  dossierCode: string | null;
}

export async function readsOfSubject(
  db: Db,
  provinceCode: string,
  subjectId: string,
  dossierCode: string | undefined,
  limit: number,
): Promise<ReadSeenByCitizen[]> {
  let query = db
    .selectFrom('personalDataRead as r')
    .leftJoin('agency as a', (j) => j.onRef('a.provinceCode', '=', 'r.provinceCode').onRef('a.code', '=', 'r.agencyCode'))
    .leftJoin('dossier as d', 'd.id', 'r.dossierId')
    .select(['r.id', 'r.at', 'r.agencyCode', 'a.name as agencyName', 'r.recordType', 'd.code as dossierCode'])
    .where('r.provinceCode', '=', provinceCode)
    .where('r.subjectId', '=', subjectId);
  if (dossierCode !== undefined) query = query.where('d.code', '=', dossierCode);
  const rows = await query.orderBy('r.at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: String(r.id), agencyName: r.agencyName ?? r.agencyCode }));
}

export interface ReadFilter {
  officerId?: string;
  subjectId?: string;
  dossierCode?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

/** Reads for an administrator (and the breach runbook): who, what, when, from where. */
export async function listReads(db: Db, provinceCode: string, filter: ReadFilter) {
  let query = db
    .selectFrom('personalDataRead as r')
    .leftJoin('userAccount as u', 'u.id', 'r.officerId')
    .leftJoin('dossier as d', 'd.id', 'r.dossierId')
    .select([
      'r.id',
      'r.at',
      'r.officerId',
      'u.fullName as officerName',
      'r.agencyCode',
      'r.recordType',
      'r.recordId',
      'd.code as dossierCode',
      'r.subjectId',
      'r.route',
      'r.screen',
    ])
    .where('r.provinceCode', '=', provinceCode);
  if (filter.officerId) query = query.where('r.officerId', '=', filter.officerId);
  if (filter.subjectId) query = query.where('r.subjectId', '=', filter.subjectId);
  if (filter.dossierCode) query = query.where('d.code', '=', filter.dossierCode);
  if (filter.from) query = query.where('r.at', '>=', filter.from);
  if (filter.to) query = query.where('r.at', '<', filter.to);
  return query.orderBy('r.at', 'desc').orderBy('r.id', 'desc').limit(filter.limit).execute();
}

/** How many reads each officer made in the period, and of how many distinct people. */
export async function readsPerOfficer(db: Db, provinceCode: string, from: Date | undefined, to: Date | undefined) {
  let query = db
    .selectFrom('personalDataRead as r')
    .leftJoin('userAccount as u', 'u.id', 'r.officerId')
    .select([
      'r.officerId',
      'u.fullName as officerName',
      sql<string>`count(*)`.as('reads'),
      sql<string>`count(distinct r.subject_id)`.as('people'),
      sql<Date>`max(r.at)`.as('lastAt'),
    ])
    .where('r.provinceCode', '=', provinceCode)
    .groupBy(['r.officerId', 'u.fullName']);
  if (from) query = query.where('r.at', '>=', from);
  if (to) query = query.where('r.at', '<', to);
  const rows = await query.orderBy(sql`count(*)`, 'desc').execute();
  return rows.map((r) => ({ ...r, reads: Number(r.reads), people: Number(r.people), lastAt: new Date(r.lastAt) }));
}
