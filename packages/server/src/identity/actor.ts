import { OFFICER_ROLES, type OfficerRole } from '@dvc/domain/contract/auth';
import type { FastifyRequest } from 'fastify';
import { problem } from '../http/problem';

export { OFFICER_ROLES, type OfficerRole };

/**
 * The contract every capability uses for "who is asking". The identity capability fills
 * `request.actor` from the session cookie (onRequest hook); routes guard with the helpers below.
 */

export interface RoleGrant {
  role: OfficerRole;
  /** Agency (cơ quan) the role is exercised in, e.g. a commune People's Committee. */
  agencyCode: string;
  /** Administrative unit the role covers (the agency's unit); province-wide roles hold the province code. */
  unitCode: string;
}

export interface Actor {
  userId: string;
  kind: 'citizen' | 'officer';
  fullName: string;
  phone: string | null;
  provinceCode: string;
  roles: RoleGrant[];
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function getActor(request: FastifyRequest): Actor {
  if (!request.actor) throw problem(401, 'unauthenticated', 'Vui lòng đăng nhập để tiếp tục');
  return request.actor;
}

export function requireCitizen(request: FastifyRequest): Actor {
  const actor = getActor(request);
  if (actor.kind !== 'citizen') throw problem(403, 'forbidden', 'Chức năng này dành cho công dân');
  return actor;
}

/** Throws 403 unless the actor holds one of the roles; returns the matching grants. */
export function requireRole(request: FastifyRequest, ...roles: OfficerRole[]): RoleGrant[] {
  const actor = getActor(request);
  const grants = actor.roles.filter((g) => roles.includes(g.role));
  if (grants.length === 0) throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
  return grants;
}
