import { TERMINAL_STATES } from '@dvc/domain';
import { type AuditEntry, auditInsert } from '../audit/index';
import { applyDossierEvent } from '../dossiers/dossier-events.service';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Failure } from '../http/refusal';
import { withChange } from '../organisation/admin-scope';
import type { Actor } from './actor';
import { findStaff, isActiveSpecialistOf, type StaffView } from './staff.repository';

/**
 * Handover (issue 13 point 2): an officer goes on leave, or their work is reassigned, and the
 * dossiers they hold move to another active specialist of the same agency. Each move is an
 * ordinary "assign" event of the dossier (its history, notifications and portal sync follow) with
 * its own audit row; the handover itself is one more audit row on the officer's account.
 */

export interface HandoverInput {
  /** Who takes the dossiers; null only for a leave of someone holding none. */
  toUserId: string | null;
  /** Only the dossiers of this agency (an officer may hold roles in several); null: all. */
  agencyCode: string | null;
  /** Mark the officer on leave: no new assignment reaches them until they are back. */
  leave: boolean;
  note: string | null;
}

export interface HandoverOutcome {
  staff: StaffView;
  moved: string[];
  /** Dossiers the state machine does not let anyone reassign now (a proposal awaiting the leader). */
  kept: { code: string; reason: string }[];
}

export type HandoverResult =
  | ({ ok: true } & HandoverOutcome)
  | Failure<'not_found'>
  | Failure<'invalid', { errors: FieldError[] }>;

const NOT_A_COLLEAGUE =
  'Chỉ bàn giao được cho một chuyên viên khác đang làm việc (không nghỉ phép) của cùng cơ quan giải quyết hồ sơ';

/** Whether the account is on leave (an unknown id is not). */
async function onLeave(ctx: AppContext, userId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return false;
  const row = await ctx.db
    .selectFrom('userAccount')
    .select('onLeaveSince')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.onLeaveSince != null;
}

/** Dossiers assigned to the officer that are not over yet, oldest first. */
function heldDossiers(ctx: AppContext, userId: string, agencyCode: string | null) {
  let q = ctx.db
    .selectFrom('dossier')
    .select(['code', 'agencyCode', 'unitCode', 'status', 'step'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('assigneeId', '=', userId)
    .where('status', 'not in', [...TERMINAL_STATES, 'resolved']);
  if (agencyCode) q = q.where('agencyCode', '=', agencyCode);
  return q.orderBy('submittedAt').execute();
}

export async function handOver(
  ctx: AppContext,
  admin: Actor,
  userId: string,
  input: HandoverInput,
  audit: (record: { type: string; id: string }) => AuditEntry,
): Promise<HandoverResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const before = await findStaff(ctx.db, provinceCode, userId);
  if (!before) return { ok: false, reason: 'not_found' };
  if (input.agencyCode && !before.roles.some((r) => r.agencyCode === input.agencyCode)) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'body.agencyCode', message: 'Cán bộ không có vai trò tại cơ quan này' }],
    };
  }
  const held = await heldDossiers(ctx, userId, input.agencyCode);
  const agencies = [...new Set([...held.map((d) => d.agencyCode), ...(input.agencyCode ? [input.agencyCode] : [])])];
  const to = input.toUserId;
  if (to === null) {
    if (!input.leave || held.length > 0) {
      return {
        ok: false,
        reason: 'invalid',
        errors: [{ field: 'body.toUserId', message: 'Chọn chuyên viên nhận bàn giao hồ sơ' }],
      };
    }
  } else {
    const colleague =
      to !== userId &&
      !(await onLeave(ctx, to)) &&
      (await Promise.all(agencies.map((a) => isActiveSpecialistOf(ctx.db, provinceCode, a, to)))).every(Boolean);
    if (!colleague) return { ok: false, reason: 'invalid', errors: [{ field: 'body.toUserId', message: NOT_A_COLLEAGUE }] };
  }

  const moved: string[] = [];
  const kept: HandoverOutcome['kept'] = [];
  for (const d of held) {
    // The administrator acts for the agency's leadership, who assign dossiers at the desk.
    const asLeader: Actor = {
      ...admin,
      roles: [...admin.roles, { role: 'leader', agencyCode: d.agencyCode, unitCode: d.unitCode }],
    };
    const note =
      input.note ?? (input.leave ? `Bàn giao: ${before.fullName} nghỉ phép` : `Bàn giao công việc của ${before.fullName}`);
    const result = await applyDossierEvent(
      ctx,
      asLeader,
      d.code,
      { type: 'assign', specialistId: to, note },
      async (trx, row) => {
        await auditInsert(trx, [
          withChange(audit({ type: 'dossier', id: row.code }), { assigneeId: userId }, { assigneeId: row.assigneeId }),
        ]).execute();
      },
    );
    if (result.ok) moved.push(d.code);
    else kept.push({ code: d.code, reason: result.message });
  }

  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const wasOnLeave = await trx
      .selectFrom('userAccount')
      .select('onLeaveSince')
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.leave && wasOnLeave.onLeaveSince === null) {
      await trx
        .updateTable('userAccount')
        .set({ onLeaveSince: now })
        .where('provinceCode', '=', provinceCode)
        .where('id', '=', userId)
        .execute();
    }
    await auditInsert(trx, [
      withChange(
        audit({ type: 'user_account', id: userId }),
        { onLeave: wasOnLeave.onLeaveSince !== null, dossiers: held.map((d) => d.code) },
        { onLeave: input.leave || wasOnLeave.onLeaveSince !== null, handedTo: to, moved, kept },
      ),
    ]).execute();
  });
  const staff = await findStaff(ctx.db, provinceCode, userId);
  if (!staff) throw new Error('handed-over staff vanished');
  return { ok: true, staff, moved, kept };
}

/** Back from leave: assignments may reach the officer again. */
export async function backFromLeave(ctx: AppContext, userId: string, audit: AuditEntry) {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const before = await findStaff(ctx.db, provinceCode, userId);
  if (!before) return { ok: false as const, reason: 'not_found' as const };
  const wasOnLeave = before.onLeave;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('userAccount')
      .set({ onLeaveSince: null })
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', userId)
      .execute();
    await auditInsert(trx, [withChange(audit, { onLeave: wasOnLeave }, { onLeave: false })]).execute();
  });
  const staff = await findStaff(ctx.db, provinceCode, userId);
  if (!staff) throw new Error('staff vanished');
  return { ok: true as const, staff };
}
