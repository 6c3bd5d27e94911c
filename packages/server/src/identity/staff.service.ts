import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { vietnamDate } from '../admin-units/admin-units.service';
import { type AuditEntry, auditInsert } from '../audit/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Failure } from '../http/refusal';
import { withChange } from '../organisation/admin-scope';
import type { Actor, OfficerRole } from './actor';
import { findStaff, type StaffView } from './staff.repository';
import { sendPasswordCode } from './staff-password.service';

/** Rules of staff administration. Returns values; staff.routes.ts maps failures to problems. */

export interface StaffInput {
  fullName: string;
  phone: string;
  email: string | null;
  roles: { role: OfficerRole; agencyCode: string }[];
}

export type StaffFailure =
  | Failure<'invalid', { errors: FieldError[] }>
  | Failure<'not_found'>
  | Failure<'forbidden', { message: string }>;

type StaffResult = { ok: true; staff: StaffView } | StaffFailure;

/** Roles exercised for the whole province: only in a province-level agency. */
const PROVINCE_ONLY: ReadonlySet<OfficerRole> = new Set(['province_admin', 'system_admin', 'hotline']);

export const ROLE_NAMES: Record<OfficerRole, string> = {
  receiver: 'tiếp nhận',
  specialist: 'chuyên viên',
  leader: 'lãnh đạo',
  hotline: 'tổng đài viên',
  report_reader: 'xem báo cáo',
  province_admin: 'quản trị cấp tỉnh',
  system_admin: 'quản trị hệ thống',
};

const isSystemAdmin = (actor: Actor) => actor.roles.some((g) => g.role === 'system_admin');

/** Who may administer staff here: a system administrator, or a province administrator of this province. */
export function mayAdministerStaff(ctx: AppContext, actor: Actor): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.roles.some((g) => g.role === 'province_admin' && g.unitCode === ctx.config.PROVINCE_CODE);
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

const PHONE_TAKEN: FieldError = { field: 'body.phone', message: 'Số điện thoại này đã được dùng cho một tài khoản khác' };

async function checkInput(ctx: AppContext, actor: Actor, input: StaffInput, userId: string | null): Promise<FieldError[]> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const errors: FieldError[] = [];
  const holder = await ctx.db
    .selectFrom('userAccount')
    .select('id')
    .where('provinceCode', '=', provinceCode)
    .where('phone', '=', input.phone)
    .executeTakeFirst();
  if (holder && holder.id !== userId) errors.push(PHONE_TAKEN);
  const codes = [...new Set(input.roles.map((r) => r.agencyCode))];
  const agencies = await ctx.db
    .selectFrom('agency')
    .select(['code', 'level', 'validTo'])
    .where('provinceCode', '=', provinceCode)
    .where('code', 'in', codes)
    .execute();
  const levelOf = new Map(agencies.map((a) => [a.code, a.level]));
  const today = vietnamDate(ctx.now());
  const closed = new Set(agencies.filter((a) => a.validTo !== null && a.validTo <= today).map((a) => a.code));
  const seen = new Set<string>();
  input.roles.forEach((grant, i) => {
    const level = levelOf.get(grant.agencyCode);
    const key = `${grant.role}@${grant.agencyCode}`;
    if (level === undefined) {
      errors.push({ field: `body.roles.${i}.agencyCode`, message: `Không có cơ quan mã ${grant.agencyCode}` });
    } else if (closed.has(grant.agencyCode)) {
      errors.push({ field: `body.roles.${i}.agencyCode`, message: `Cơ quan ${grant.agencyCode} đã ngừng hoạt động` });
    } else if (PROVINCE_ONLY.has(grant.role) && level !== 'province') {
      errors.push({
        field: `body.roles.${i}.role`,
        message: `Vai trò ${ROLE_NAMES[grant.role]} chỉ được giao tại một cơ quan cấp tỉnh`,
      });
    } else if (grant.role === 'system_admin' && !isSystemAdmin(actor)) {
      errors.push({ field: `body.roles.${i}.role`, message: 'Chỉ quản trị hệ thống mới được giao vai trò quản trị hệ thống' });
    } else if (seen.has(key)) {
      errors.push({ field: `body.roles.${i}.role`, message: 'Vai trò này đã có ở cơ quan này' });
    }
    seen.add(key);
  });
  return errors;
}

async function agencyUnits(db: Kysely<Database>, provinceCode: string, codes: string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('agency')
    .select(['code', 'unitCode'])
    .where('provinceCode', '=', provinceCode)
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, r.unitCode]));
}

async function writeRoles(trx: Kysely<Database>, provinceCode: string, userId: string, roles: StaffInput['roles']) {
  await trx.deleteFrom('officerRole').where('provinceCode', '=', provinceCode).where('userId', '=', userId).execute();
  const units = await agencyUnits(
    trx,
    provinceCode,
    roles.map((r) => r.agencyCode),
  );
  await trx
    .insertInto('officerRole')
    .values(
      roles.map((r) => ({
        provinceCode,
        userId,
        role: r.role,
        agencyCode: r.agencyCode,
        unitCode: units.get(r.agencyCode) ?? provinceCode,
      })),
    )
    .execute();
}

/** Creates an officer account without a usable password and sends them the code to set one. */
export async function createStaff(
  ctx: AppContext,
  actor: Actor,
  input: StaffInput,
  audit: (recordId: string) => AuditEntry,
): Promise<StaffResult> {
  const errors = await checkInput(ctx, actor, input, null);
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  const provinceCode = ctx.config.PROVINCE_CODE;
  const id = randomUUID();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('userAccount')
        .values({
          id,
          provinceCode,
          kind: 'officer',
          phone: input.phone,
          fullName: input.fullName,
          email: input.email,
          // Not an argon2 hash: no password matches it until the officer sets one.
          passwordHash: '!unset',
          citizenId: null,
          phoneVerifiedAt: null,
          createdAt: ctx.now(),
        })
        .execute();
      await writeRoles(trx, provinceCode, id, input.roles);
      const after = await findStaff(trx, provinceCode, id);
      await sendPasswordCode(trx, ctx, { id, phone: input.phone });
      await auditInsert(trx, [withChange(audit(id), null, after)]).execute();
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'invalid', errors: [PHONE_TAKEN] };
    throw err;
  }
  const staff = await findStaff(ctx.db, provinceCode, id);
  if (!staff) throw new Error('created staff not found');
  return { ok: true, staff };
}

/** Active system administrators of the province other than `userId`. */
async function otherSystemAdmins(db: Kysely<Database>, provinceCode: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('officerRole as r')
    .innerJoin('userAccount as u', 'u.id', 'r.userId')
    .select((eb) => eb.fn.count<string>('r.userId').distinct().as('n'))
    .where('r.provinceCode', '=', provinceCode)
    .where('r.role', '=', 'system_admin')
    .where('u.deactivatedAt', 'is', null)
    .where('r.userId', '!=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The officer an administrator acts on; a system administrator is only a system administrator's to change. */
export async function checkTarget(ctx: AppContext, actor: Actor, userId: string) {
  const before = await findStaff(ctx.db, ctx.config.PROVINCE_CODE, userId);
  if (!before) return { ok: false as const, reason: 'not_found' as const };
  if (before.roles.some((r) => r.role === 'system_admin') && !isSystemAdmin(actor)) {
    return {
      ok: false as const,
      reason: 'forbidden' as const,
      message: 'Chỉ quản trị hệ thống mới sửa được tài khoản của quản trị hệ thống',
    };
  }
  return { ok: true as const, before };
}

export async function updateStaff(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: StaffInput,
  audit: AuditEntry,
): Promise<StaffResult> {
  const target = await checkTarget(ctx, actor, userId);
  if (!target.ok) return target;
  const errors = await checkInput(ctx, actor, input, userId);
  const provinceCode = ctx.config.PROVINCE_CODE;
  const keepsSystemAdmin = input.roles.some((r) => r.role === 'system_admin');
  if (target.before.roles.some((r) => r.role === 'system_admin') && !keepsSystemAdmin && target.before.active) {
    if ((await otherSystemAdmins(ctx.db, provinceCode, userId)) === 0) {
      errors.push({ field: 'body.roles', message: 'Đây là quản trị hệ thống cuối cùng: không thể bỏ vai trò này' });
    }
  }
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('userAccount')
        .set({ fullName: input.fullName, phone: input.phone, email: input.email })
        .where('provinceCode', '=', provinceCode)
        .where('id', '=', userId)
        .execute();
      await writeRoles(trx, provinceCode, userId, input.roles);
      const after = await findStaff(trx, provinceCode, userId);
      await auditInsert(trx, [withChange(audit, target.before, after)]).execute();
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'invalid', errors: [PHONE_TAKEN] };
    throw err;
  }
  const staff = await findStaff(ctx.db, provinceCode, userId);
  if (!staff) throw new Error('updated staff not found');
  return { ok: true, staff };
}

/** Deactivates an officer: their sessions end now, their unused password codes die with them. */
export async function deactivateStaff(ctx: AppContext, actor: Actor, userId: string, audit: AuditEntry): Promise<StaffResult> {
  const target = await checkTarget(ctx, actor, userId);
  if (!target.ok) return target;
  const provinceCode = ctx.config.PROVINCE_CODE;
  if (!target.before.active) return { ok: true, staff: target.before };
  if (target.before.roles.some((r) => r.role === 'system_admin')) {
    if ((await otherSystemAdmins(ctx.db, provinceCode, userId)) === 0) {
      const message =
        userId === actor.userId
          ? 'Bạn là quản trị hệ thống cuối cùng: không thể tự ngừng kích hoạt tài khoản của mình'
          : 'Đây là quản trị hệ thống cuối cùng: không thể ngừng kích hoạt';
      return { ok: false, reason: 'invalid', errors: [{ field: 'params.id', message }] };
    }
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('userAccount')
      .set({ deactivatedAt: now })
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('session').where('provinceCode', '=', provinceCode).where('userId', '=', userId).execute();
    await trx
      .updateTable('staffPasswordCode')
      .set({ consumedAt: now })
      .where('provinceCode', '=', provinceCode)
      .where('userId', '=', userId)
      .where('consumedAt', 'is', null)
      .execute();
    const after = await findStaff(trx, provinceCode, userId);
    await auditInsert(trx, [withChange(audit, target.before, after)]).execute();
  });
  const staff = await findStaff(ctx.db, provinceCode, userId);
  if (!staff) throw new Error('deactivated staff not found');
  return { ok: true, staff };
}

/** A new code for an officer who lost theirs (or whose 24 hours passed). */
export async function resendPasswordCode(ctx: AppContext, actor: Actor, userId: string, audit: AuditEntry): Promise<StaffResult> {
  const target = await checkTarget(ctx, actor, userId);
  if (!target.ok) return target;
  if (!target.before.active) {
    return { ok: false, reason: 'invalid', errors: [{ field: 'params.id', message: 'Tài khoản đã ngừng kích hoạt' }] };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await sendPasswordCode(trx, ctx, { id: userId, phone: target.before.phone });
    await auditInsert(trx, [withChange(audit, null, { passwordCodeSentTo: target.before.phone })]).execute();
  });
  return { ok: true, staff: target.before };
}
