import { TERMINAL_STATES } from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AgencyKindColumn } from '../identity/identity.tables';

/** Queries of agency administration; every one filters by province. */

export interface OfficePeriod {
  start: string;
  end: string;
}

export interface Desk {
  name: string;
  address: string;
  phone: string;
}

export interface AgencyView {
  code: string;
  name: string;
  kind: AgencyKindColumn;
  level: 'province' | 'commune';
  unitCode: string;
  unitName: string | null;
  parentCode: string | null;
  parentName: string | null;
  codePrefix: string;
  desk: Desk | null;
  officeHours: { periods: OfficePeriod[] } | null;
  validFrom: string | null;
  validTo: string | null;
  /** Open on `today`: receives dossiers and takes new role grants. */
  open: boolean;
  staffCount: number;
}

export interface AgencyFilter {
  q?: string;
  kind?: AgencyKindColumn;
  includeClosed: boolean;
  today: string;
  limit: number;
}

const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null));

function baseQuery(db: Kysely<Database>, provinceCode: string) {
  return db
    .selectFrom('agency as a')
    .leftJoin('agency as p', (j) => j.onRef('p.provinceCode', '=', 'a.provinceCode').onRef('p.code', '=', 'a.parentCode'))
    .select([
      'a.code',
      'a.name',
      'a.kind',
      'a.level',
      'a.unitCode',
      'a.parentCode',
      'p.name as parentName',
      'a.codePrefix',
      'a.desk',
      'a.officeHours',
      'a.validFrom',
      'a.validTo',
    ])
    .select((eb) =>
      eb
        .selectFrom('adminUnit as u')
        .select('u.fullName')
        .whereRef('u.code', '=', 'a.unitCode')
        .orderBy('u.validFrom', 'desc')
        .limit(1)
        .as('unitName'),
    )
    .select((eb) =>
      eb
        .selectFrom('officerRole as r')
        .innerJoin('userAccount as s', 's.id', 'r.userId')
        .select((e) => e.fn.count<string>('r.userId').distinct().as('n'))
        .whereRef('r.provinceCode', '=', 'a.provinceCode')
        .whereRef('r.agencyCode', '=', 'a.code')
        .where('s.deactivatedAt', 'is', null)
        .as('staffCount'),
    )
    .where('a.provinceCode', '=', provinceCode);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toView(r: Row, today: string): AgencyView {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    level: r.level,
    unitCode: r.unitCode,
    unitName: r.unitName ?? null,
    parentCode: r.parentCode,
    parentName: r.parentName ?? null,
    codePrefix: r.codePrefix ?? r.code,
    desk: parseJson(r.desk),
    officeHours: parseJson(r.officeHours),
    validFrom: r.validFrom,
    validTo: r.validTo,
    open: (r.validFrom === null || r.validFrom <= today) && (r.validTo === null || r.validTo > today),
    staffCount: Number(r.staffCount ?? 0),
  };
}

export async function findAgency(
  db: Kysely<Database>,
  provinceCode: string,
  code: string,
  today: string,
): Promise<AgencyView | undefined> {
  const row = await baseQuery(db, provinceCode).where('a.code', '=', code).executeTakeFirst();
  return row ? toView(row, today) : undefined;
}

/** Agencies by kind then name; closed ones only when asked. */
export async function searchAgencies(db: Kysely<Database>, provinceCode: string, f: AgencyFilter): Promise<AgencyView[]> {
  let q = baseQuery(db, provinceCode);
  const term = f.q?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('a.name', 'ilike', like), eb('a.code', 'ilike', like), eb('a.unitCode', 'like', like)]));
  }
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (!f.includeClosed) q = q.where((eb) => eb.or([eb('a.validTo', 'is', null), eb('a.validTo', '>', f.today)]));
  const rows = await q.orderBy('a.level', 'desc').orderBy('a.kind').orderBy('a.name').limit(f.limit).execute();
  return rows.map((r) => toView(r, f.today));
}

/** Dossiers of the agency not ended yet (returned, withdrawn, refused, stopped): a closing would strand them. */
export async function openDossierCount(db: Kysely<Database>, provinceCode: string, agencyCode: string): Promise<number> {
  const row = await db
    .selectFrom('dossier')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('provinceCode', '=', provinceCode)
    .where('agencyCode', '=', agencyCode)
    .where('status', 'not in', [...TERMINAL_STATES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
