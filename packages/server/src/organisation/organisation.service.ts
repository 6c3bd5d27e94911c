import { buildCalendar } from '@dvc/domain';
import type { Kysely } from 'kysely';
import { findUnit, isIsoDate, vietnamDate } from '../admin-units/admin-units.service';
import { type AuditEntry, auditInsert } from '../audit/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Failure, Result } from '../http/refusal';
import type { AgencyKindColumn } from '../identity/identity.tables';
import { withChange } from './admin-scope';
import { type AgencyView, type Desk, findAgency, type OfficePeriod, openDossierCount } from './organisation.repository';

/** Rules of agency administration. Returns values; organisation.routes.ts's refusal table answers the failures. */

export interface AgencyInput {
  name: string;
  kind: AgencyKindColumn;
  unitCode: string;
  parentCode: string | null;
  codePrefix: string | null;
  desk: Desk | null;
  officeHours: { periods: OfficePeriod[] } | null;
}

export type AgencyFailure =
  | Failure<'invalid', { errors: FieldError[] }>
  | Failure<'not_found'>
  | Failure<'conflict', { message: string }>;

type AgencyResult = Result<AgencyView, AgencyFailure>;

export const AGENCY_KIND_NAMES: Record<AgencyKindColumn, string> = {
  public_service_centre: 'Trung tâm phục vụ hành chính công',
  commune_people_committee: 'UBND cấp xã',
  district_people_committee: 'UBND cấp huyện (trước 01/07/2025)',
  department_industry_trade: 'Sở, ban, ngành',
  commune_police: 'Công an cấp xã',
  social_insurance_agency: 'Bảo hiểm xã hội',
  other: 'Cơ quan khác',
};

const today = (ctx: AppContext) => vietnamDate(ctx.now());
/** What formatDossierCode takes as the agency part of a code: the agency's own code stands in when it has no prefix. */
const DOSSIER_CODE_PREFIX = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

async function checkInput(ctx: AppContext, input: AgencyInput, code: string | null): Promise<FieldError[]> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const errors: FieldError[] = [];
  if (input.unitCode !== provinceCode) {
    const unit = await findUnit(ctx.db, input.unitCode, today(ctx));
    if (!unit || unit.level !== 'commune') {
      errors.push({
        field: 'body.unitCode',
        message: 'Đơn vị hành chính phải là mã tỉnh hoặc một xã, phường, đặc khu đang có hiệu lực',
      });
    }
  }
  if (input.parentCode !== null) {
    if (input.parentCode === code) {
      errors.push({ field: 'body.parentCode', message: 'Cơ quan không thể trực thuộc chính nó' });
    } else {
      const parent = await findAgency(ctx.db, provinceCode, input.parentCode, today(ctx));
      if (!parent) errors.push({ field: 'body.parentCode', message: `Không có cơ quan mã ${input.parentCode}` });
      else if (!parent.open) errors.push({ field: 'body.parentCode', message: 'Cơ quan cấp trên đã ngừng hoạt động' });
      else if (code !== null && (await descendsFrom(ctx.db, provinceCode, input.parentCode, code))) {
        errors.push({ field: 'body.parentCode', message: 'Cơ quan cấp trên không thể là một cơ quan trực thuộc cơ quan này' });
      }
    }
  }
  const prefix = input.codePrefix ?? code;
  if (prefix !== null && !DOSSIER_CODE_PREFIX.test(prefix)) {
    errors.push({
      field: 'body.codePrefix',
      message: 'Mã cơ quan không dùng được làm đầu mã hồ sơ: nhập tiền tố mã hồ sơ (chữ in hoa, số, dấu chấm)',
    });
  }
  if (input.officeHours) {
    try {
      buildCalendar({ years: [], officeHours: input.officeHours });
    } catch {
      errors.push({
        field: 'body.officeHours.periods',
        message: 'Các buổi làm việc phải theo thứ tự thời gian, giờ kết thúc sau giờ bắt đầu, không chồng lên nhau',
      });
    }
  }
  return errors;
}

/** Whether `code` is `ancestorOf` or below it (walks up from `code`; the chain is short). */
async function descendsFrom(db: Kysely<Database>, provinceCode: string, code: string, ancestorOf: string): Promise<boolean> {
  let current: string | null = code;
  for (let depth = 0; current !== null && depth < 20; depth++) {
    if (current === ancestorOf) return true;
    const row: { parentCode: string | null } | undefined = await db
      .selectFrom('agency')
      .select('parentCode')
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', current)
      .executeTakeFirst();
    current = row?.parentCode ?? null;
  }
  return false;
}

const columns = (ctx: AppContext, input: AgencyInput) => ({
  name: input.name,
  kind: input.kind,
  unitCode: input.unitCode,
  level: input.unitCode === ctx.config.PROVINCE_CODE ? ('province' as const) : ('commune' as const),
  parentCode: input.parentCode,
  codePrefix: input.codePrefix,
  desk: input.desk ? JSON.stringify(input.desk) : null,
  officeHours: input.officeHours ? JSON.stringify(input.officeHours) : null,
});

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

const CODE_TAKEN: FieldError = { field: 'body.code', message: 'Mã cơ quan này đã có (kể cả cơ quan đã ngừng hoạt động)' };

export async function createAgency(
  ctx: AppContext,
  input: AgencyInput & { code: string; validFrom: string | null },
  audit: AuditEntry,
): Promise<AgencyResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const errors = await checkInput(ctx, input, input.code);
  if (input.validFrom !== null && !isIsoDate(input.validFrom)) {
    errors.push({ field: 'body.validFrom', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' });
  }
  if (await findAgency(ctx.db, provinceCode, input.code, today(ctx))) errors.push(CODE_TAKEN);
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('agency')
        .values({ provinceCode, code: input.code, validFrom: input.validFrom ?? today(ctx), ...columns(ctx, input) })
        .execute();
      const after = await findAgency(trx, provinceCode, input.code, today(ctx));
      await auditInsert(trx, [withChange(audit, null, after)]).execute();
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'invalid', errors: [CODE_TAKEN] };
    throw err;
  }
  return done(ctx, input.code);
}

async function done(ctx: AppContext, code: string): Promise<AgencyResult> {
  const agency = await findAgency(ctx.db, ctx.config.PROVINCE_CODE, code, today(ctx));
  if (!agency) throw new Error(`agency ${code} vanished`);
  return { ok: true, value: agency };
}

/** Renames or re-describes an agency; its code (in every dossier code and grant) stays. */
export async function updateAgency(ctx: AppContext, code: string, input: AgencyInput, audit: AuditEntry): Promise<AgencyResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const before = await findAgency(ctx.db, provinceCode, code, today(ctx));
  if (!before) return { ok: false, reason: 'not_found' };
  if (!before.open && before.validTo !== null) {
    return { ok: false, reason: 'conflict', message: 'Cơ quan đã ngừng hoạt động: không sửa được, chỉ xem lịch sử' };
  }
  const errors = await checkInput(ctx, input, code);
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agency')
      .set(columns(ctx, input))
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', code)
      .execute();
    // Grants carry the unit they cover: they follow the agency's unit.
    await trx
      .updateTable('officerRole')
      .set({ unitCode: input.unitCode })
      .where('provinceCode', '=', provinceCode)
      .where('agencyCode', '=', code)
      .execute();
    const after = await findAgency(trx, provinceCode, code, today(ctx));
    await auditInsert(trx, [withChange(audit, before, after)]).execute();
  });
  return done(ctx, code);
}

/**
 * Closes an agency from `validTo` (exclusive): it takes no new dossiers nor grants from then on; the
 * row stays, so its dossiers, codes, grants and reports keep naming it. Refused while it has
 * dossiers not ended or agencies under it still open.
 */
export async function closeAgency(ctx: AppContext, code: string, validTo: string, audit: AuditEntry): Promise<AgencyResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const before = await findAgency(ctx.db, provinceCode, code, today(ctx));
  if (!before) return { ok: false, reason: 'not_found' };
  if (before.validTo !== null) return { ok: false, reason: 'conflict', message: 'Cơ quan đã ngừng hoạt động từ trước' };
  if (!isIsoDate(validTo)) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'body.validTo', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' }],
    };
  }
  if (before.validFrom !== null && validTo <= before.validFrom) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'body.validTo', message: 'Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động' }],
    };
  }
  const open = await openDossierCount(ctx.db, provinceCode, code);
  if (open > 0) {
    return {
      ok: false,
      reason: 'conflict',
      message: `Cơ quan còn ${open} hồ sơ chưa kết thúc: chuyển hoặc giải quyết xong trước khi ngừng hoạt động`,
    };
  }
  const children = await ctx.db
    .selectFrom('agency')
    .select('code')
    .where('provinceCode', '=', provinceCode)
    .where('parentCode', '=', code)
    .where('validTo', 'is', null)
    .execute();
  if (children.length > 0) {
    return {
      ok: false,
      reason: 'conflict',
      message: `Còn cơ quan trực thuộc đang hoạt động: ${children.map((c) => c.code).join(', ')}`,
    };
  }
  const closed = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('agency')
      .set({ validTo })
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', code)
      .where('validTo', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    const after = await findAgency(trx, provinceCode, code, today(ctx));
    await auditInsert(trx, [withChange(audit, before, after)]).execute();
    return true;
  });
  if (!closed) return { ok: false, reason: 'conflict', message: 'Cơ quan đã ngừng hoạt động từ trước' };
  return done(ctx, code);
}
