import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from '../audit/index';
import type { AppContext } from '../http/context';
import { problem } from '../http/problem';
import { type Actor, getActor } from '../identity/actor';

/**
 * Who administers the organisation of this province (agencies, targets, the working calendar):
 * a system administrator, or a province administrator whose grant covers this province. A
 * province administrator of another province (a grant whose unit is not ours) administers nothing here.
 */
export function mayAdministerProvince(ctx: AppContext, actor: Actor): boolean {
  if (actor.kind !== 'officer') return false;
  return actor.roles.some(
    (g) => g.role === 'system_admin' || (g.role === 'province_admin' && g.unitCode === ctx.config.PROVINCE_CODE),
  );
}

export function requireProvinceAdmin(request: FastifyRequest): Actor {
  const actor = getActor(request);
  if (!mayAdministerProvince(request.server.ctx, actor)) {
    throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
  }
  return actor;
}

/** For `preValidation`: someone who may not administer learns nothing of a body's fields. */
export const provinceAdminOnly = async (request: FastifyRequest) => {
  requireProvinceAdmin(request);
};

export { withChange } from '../audit/index';
