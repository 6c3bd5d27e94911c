import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { RoleGrant } from './actor';
import type { UserAccountTable } from './identity.tables';

/** Queries of the identity capability; every one filters by province. */

export type UserRow = Selectable<UserAccountTable>;

export function findUserByPhone(db: Db, provinceCode: string, phone: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('userAccount')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('phone', '=', phone)
    .executeTakeFirst();
}

export async function listRoles(db: Db, provinceCode: string, userId: string): Promise<RoleGrant[]> {
  return db
    .selectFrom('officerRole')
    .select(['role', 'agencyCode', 'unitCode'])
    .where('provinceCode', '=', provinceCode)
    .where('userId', '=', userId)
    .orderBy('role')
    .orderBy('agencyCode')
    .execute();
}

export async function listRolesWithAgency(db: Db, provinceCode: string, userId: string) {
  return db
    .selectFrom('officerRole as r')
    .innerJoin('agency as a', (j) => j.onRef('a.provinceCode', '=', 'r.provinceCode').onRef('a.code', '=', 'r.agencyCode'))
    .select(['r.role', 'r.agencyCode', 'a.name as agencyName', 'r.unitCode'])
    .where('r.provinceCode', '=', provinceCode)
    .where('r.userId', '=', userId)
    .orderBy('r.role')
    .orderBy('r.agencyCode')
    .execute();
}

export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  kind: 'citizen' | 'officer';
  fullName: string;
  phone: string;
  provinceCode: string;
}

/**
 * The live sessions among `sessionIds` (hashes of the tokens), with their users: one statement.
 * `createdAfter` holds the absolute limit on its own, whatever expires_at says.
 */
export function findLiveSessions(
  db: Db,
  provinceCode: string,
  sessionIds: string[],
  now: Date,
  createdAfter: Date,
): Promise<SessionWithUser[]> {
  return db
    .selectFrom('session as s')
    .innerJoin('userAccount as u', 'u.id', 's.userId')
    .select([
      's.id as sessionId',
      's.csrfToken',
      's.createdAt',
      's.expiresAt',
      's.lastSeenAt',
      'u.id as userId',
      'u.kind',
      'u.fullName',
      'u.phone',
      'u.provinceCode',
    ])
    .where('s.provinceCode', '=', provinceCode)
    .where('s.id', 'in', sessionIds)
    .where('s.expiresAt', '>', now)
    .where('s.createdAt', '>', createdAfter)
    .where('u.deactivatedAt', 'is', null)
    .execute();
}

/** Display names of users (officers on slips, assignees in the console), by id. */
export async function userNames(db: Db, provinceCode: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('userAccount')
    .select(['id', 'fullName'])
    .where('provinceCode', '=', provinceCode)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** Agency names by code. */
export async function agencyNames(db: Db, provinceCode: string, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('agency')
    .select(['code', 'name'])
    .where('provinceCode', '=', provinceCode)
    .where('code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
