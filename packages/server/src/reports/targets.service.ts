import { sql } from 'kysely';
import { isIsoDate } from '../admin-units/admin-units.service';
import { type AuditEntry, auditInsert } from '../audit/index';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Failure } from '../http/refusal';
import { withChange } from '../organisation/admin-scope';
import { listGroupsWithMembers, listTargetVersions, type TargetRow, type UnitLevel } from './targets.repository';

/**
 * Setting targets (issue 13 point 3). A new decision is in force over [validFrom, validTo) for its
 * group and unit level. The rows it overlaps are superseded (kept, for the history) and the parts of
 * them outside the new period are written again as rows of their own, so the timeline has no gap
 * the administrator did not ask for.
 */

export interface TargetInput {
  groupCode: string;
  unitLevel: UnitLevel | null;
  validFrom: string;
  validTo: string | null;
  onlineRate: number;
  legalBasis: string;
}

export type TargetResult =
  | { ok: true; current: TargetRow[] }
  | Failure<'invalid', { errors: FieldError[] }>
  | Failure<'not_found'>;

const overlaps = (r: { validFrom: string; validTo: string | null }, from: string, to: string | null) =>
  (to === null || r.validFrom < to) && (r.validTo === null || r.validTo > from);

export async function setTarget(ctx: AppContext, userId: string, input: TargetInput, audit: AuditEntry): Promise<TargetResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const errors: FieldError[] = [];
  if (!isIsoDate(input.validFrom))
    errors.push({ field: 'body.validFrom', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' });
  if (input.validTo !== null && !isIsoDate(input.validTo)) {
    errors.push({ field: 'body.validTo', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' });
  } else if (input.validTo !== null && input.validTo <= input.validFrom) {
    errors.push({ field: 'body.validTo', message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  }
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  const now = ctx.now();
  const found = await ctx.db.transaction().execute(async (trx) => {
    // One decision at a time per group: the group row is the lock.
    const group = await trx
      .selectFrom('reportProcedureGroup')
      .select('code')
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', input.groupCode)
      .forUpdate()
      .executeTakeFirst();
    if (!group) return false;
    let q = trx
      .selectFrom('reportTargetVersion')
      .selectAll()
      .where('provinceCode', '=', provinceCode)
      .where('groupCode', '=', input.groupCode)
      .where('supersededAt', 'is', null);
    q = input.unitLevel === null ? q.where('unitLevel', 'is', null) : q.where('unitLevel', '=', input.unitLevel);
    const replaced = (await q.execute()).filter((r) => overlaps(r, input.validFrom, input.validTo));
    const inserted = await trx
      .insertInto('reportTargetVersion')
      .values({ provinceCode, ...input, recordedAt: now, recordedBy: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const remnants = replaced.flatMap((r) => {
      const parts = [];
      if (r.validFrom < input.validFrom) parts.push({ ...r, validTo: input.validFrom });
      if (input.validTo !== null && (r.validTo === null || r.validTo > input.validTo))
        parts.push({ ...r, validFrom: input.validTo });
      return parts.map(({ id: _id, supersededAt: _s, supersededByChange: _c, ...p }) => ({
        ...p,
        recordedAt: now,
        recordedBy: userId,
      }));
    });
    if (remnants.length > 0) await trx.insertInto('reportTargetVersion').values(remnants).execute();
    if (replaced.length > 0) {
      await trx
        .updateTable('reportTargetVersion')
        .set({ supersededAt: now, supersededByChange: Number(inserted.id) })
        .where(
          'id',
          'in',
          replaced.map((r) => r.id),
        )
        .execute();
    }
    const show = (r: { validFrom: string; validTo: string | null; onlineRate: string | number; legalBasis: string }) => ({
      validFrom: r.validFrom,
      validTo: r.validTo,
      onlineRate: Number(r.onlineRate),
      legalBasis: r.legalBasis,
    });
    await auditInsert(trx, [
      withChange(
        audit,
        { groupCode: input.groupCode, unitLevel: input.unitLevel, targets: replaced.map(show) },
        { groupCode: input.groupCode, unitLevel: input.unitLevel, targets: [input, ...remnants].map(show) },
      ),
    ]).execute();
    return true;
  });
  if (!found) return { ok: false, reason: 'not_found' };
  return { ok: true, current: await listTargetVersions(ctx.db, provinceCode, 'current') };
}

export type GroupResult =
  | { ok: true; group: { code: string; name: string; procedureCodes: string[] } }
  | Failure<'invalid', { errors: FieldError[] }>;

/** Creates or changes a procedure set (its name and members); its targets stay. */
export async function saveGroup(
  ctx: AppContext,
  code: string,
  input: { name: string; procedureCodes: string[] },
  audit: AuditEntry,
): Promise<GroupResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const codes = [...new Set(input.procedureCodes)];
  const known = await ctx.db
    .selectFrom('procedure')
    .select('code')
    .where('provinceCode', '=', provinceCode)
    .where('code', 'in', codes)
    .execute();
  const have = new Set(known.map((k) => k.code));
  const errors = codes
    .map((c, i) => (have.has(c) ? null : { field: `body.procedureCodes.${i}`, message: `Không có thủ tục mã ${c}` }))
    .filter((e): e is FieldError => e !== null);
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  await ctx.db.transaction().execute(async (trx) => {
    // Serializes two saves of the same set (the first creates it, the second updates it).
    await sql`select pg_advisory_xact_lock(hashtext(${`target-group:${provinceCode}:${code}`}))`.execute(trx);
    const before = (await listGroupsWithMembers(trx, provinceCode)).find((g) => g.code === code) ?? null;
    await trx
      .insertInto('reportProcedureGroup')
      .values({ provinceCode, code, name: input.name })
      .onConflict((oc) => oc.columns(['provinceCode', 'code']).doUpdateSet({ name: input.name }))
      .execute();
    await trx
      .deleteFrom('reportProcedureGroupMember')
      .where('provinceCode', '=', provinceCode)
      .where('groupCode', '=', code)
      .execute();
    await trx
      .insertInto('reportProcedureGroupMember')
      .values(codes.map((procedureCode) => ({ provinceCode, groupCode: code, procedureCode })))
      .execute();
    await auditInsert(trx, [withChange(audit, before, { code, name: input.name, procedureCodes: codes })]).execute();
  });
  return { ok: true, group: { code, name: input.name, procedureCodes: codes.sort() } };
}

/** The administered targets start from the seed's reference rows, once per group (idempotent, one statement). */
export async function seedTargetVersions(ctx: AppContext): Promise<void> {
  await sql`
    insert into report_target_version (province_code, group_code, unit_level, valid_from, valid_to, online_rate, legal_basis, recorded_at)
    select t.province_code, t.group_code, null, t.valid_from, t.valid_to, t.online_rate, t.legal_basis, ${ctx.now()}
    from report_target t
    where t.province_code = ${ctx.config.PROVINCE_CODE}
      and not exists (select 1 from report_target_version v where v.province_code = t.province_code and v.group_code = t.group_code)
  `.execute(ctx.db);
}
