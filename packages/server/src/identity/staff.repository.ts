import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { OfficerRole } from './actor';

/** Queries of staff administration; every one filters by province. */

export interface StaffView {
  id: string;
  fullName: string;
  phone: string;
  email: string | null;
  active: boolean;
  /** On leave (handover): keeps the account, takes no new assignment. */
  onLeave: boolean;
  roles: { role: OfficerRole; agencyCode: string; agencyName: string }[];
}

async function withRoles(
  db: Kysely<Database>,
  provinceCode: string,
  users: {
    id: string;
    fullName: string;
    phone: string;
    email: string | null;
    deactivatedAt: Date | null;
    onLeaveSince: Date | null;
  }[],
): Promise<StaffView[]> {
  if (users.length === 0) return [];
  const grants = await db
    .selectFrom('officerRole as r')
    .innerJoin('agency as a', (j) => j.onRef('a.provinceCode', '=', 'r.provinceCode').onRef('a.code', '=', 'r.agencyCode'))
    .select(['r.userId', 'r.role', 'r.agencyCode', 'a.name as agencyName'])
    .where('r.provinceCode', '=', provinceCode)
    .where(
      'r.userId',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('r.agencyCode')
    .orderBy('r.role')
    .execute();
  return users.map((u) => ({
    id: u.id,
    fullName: u.fullName,
    phone: u.phone,
    email: u.email,
    active: u.deactivatedAt === null,
    onLeave: u.onLeaveSince !== null,
    roles: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role, agencyCode: g.agencyCode, agencyName: g.agencyName })),
  }));
}

const STAFF_COLUMNS = ['id', 'fullName', 'phone', 'email', 'deactivatedAt', 'onLeaveSince'] as const;

export async function findStaff(db: Kysely<Database>, provinceCode: string, id: string): Promise<StaffView | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const user = await db
    .selectFrom('userAccount')
    .select(STAFF_COLUMNS)
    .where('provinceCode', '=', provinceCode)
    .where('kind', '=', 'officer')
    .where('id', '=', id)
    .executeTakeFirst();
  return user ? (await withRoles(db, provinceCode, [user]))[0] : undefined;
}

/** Officers whose name, phone or e-mail contains `q`, active first, by name. */
export async function searchStaff(db: Kysely<Database>, provinceCode: string, q: string, limit: number): Promise<StaffView[]> {
  let query = db
    .selectFrom('userAccount')
    .select(STAFF_COLUMNS)
    .where('provinceCode', '=', provinceCode)
    .where('kind', '=', 'officer');
  const term = q.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('fullName', 'ilike', like), eb('phone', 'like', like), eb('email', 'ilike', like)]));
  }
  const users = await query
    .orderBy((eb) => eb.case().when('deactivatedAt', 'is', null).then(0).else(1).end())
    .orderBy('fullName')
    .limit(limit)
    .execute();
  return withRoles(db, provinceCode, users);
}

/** Active officers holding `role` in the agency and not on leave, by name (the assignment picker). */
export function activeStaffOf(db: Kysely<Database>, provinceCode: string, agencyCode: string, role: OfficerRole) {
  return db
    .selectFrom('officerRole as r')
    .innerJoin('userAccount as u', 'u.id', 'r.userId')
    .select(['u.id', 'u.fullName'])
    .where('r.provinceCode', '=', provinceCode)
    .where('r.agencyCode', '=', agencyCode)
    .where('r.role', '=', role)
    .where('u.kind', '=', 'officer')
    .where('u.deactivatedAt', 'is', null)
    .where('u.onLeaveSince', 'is', null)
    .orderBy('u.fullName')
    .execute();
}

/** True when `userId` is an active specialist of the agency, not on leave: the only people a dossier there goes to. */
export async function isActiveSpecialistOf(
  db: Kysely<Database>,
  provinceCode: string,
  agencyCode: string,
  userId: string,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return false;
  const row = await db
    .selectFrom('officerRole as r')
    .innerJoin('userAccount as u', 'u.id', 'r.userId')
    .select('u.id')
    .where('r.provinceCode', '=', provinceCode)
    .where('r.agencyCode', '=', agencyCode)
    .where('r.role', '=', 'specialist')
    .where('r.userId', '=', userId)
    .where('u.deactivatedAt', 'is', null)
    .where('u.onLeaveSince', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export function listAgencies(db: Kysely<Database>, provinceCode: string) {
  return db
    .selectFrom('agency')
    .select(['code', 'name', 'level'])
    .where('provinceCode', '=', provinceCode)
    .orderBy('level', 'desc')
    .orderBy('name')
    .execute();
}
