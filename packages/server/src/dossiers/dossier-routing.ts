import type { ProcedureDefinition } from '@dvc/domain';
import { findUnit } from '../admin-units/admin-units.service';
import type { AppContext } from '../http/context';

/**
 * Which agency decides a dossier (Decree 118/2025: route by competent authority, not by where it
 * was filed). Commune-level procedures go to the People's Committee (or police) of the commune the
 * dossier concerns; province-level ones to the department.
 */
const PROVINCE_AGENCY: Partial<Record<ProcedureDefinition['authority']['agencyKind'], string>> = {
  department_industry_trade: 'SCT',
  social_insurance_agency: 'BHXH',
};

export type Routing = { ok: true; agencyCode: string; agencyName: string; unitCode: string } | { ok: false; message: string };

/**
 * Units and agencies are reference data written by the seed, so a route found once stays right for
 * the day; a route not found is looked up again each time.
 */
const found = new WeakMap<AppContext, Map<string, Routing>>();
const MAX_REMEMBERED = 10_000;

export async function routeDossier(
  ctx: AppContext,
  procedure: ProcedureDefinition,
  unitCode: string,
  today: string,
): Promise<Routing> {
  let remembered = found.get(ctx);
  if (!remembered) {
    remembered = new Map();
    found.set(ctx, remembered);
  }
  const key = `${procedure.authority.agencyKind}|${unitCode}|${today}`;
  const known = remembered.get(key);
  if (known) return known;
  const routing = await lookUpRoute(ctx, procedure, unitCode, today);
  if (routing.ok) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, routing);
  }
  return routing;
}

async function lookUpRoute(ctx: AppContext, procedure: ProcedureDefinition, unitCode: string, today: string): Promise<Routing> {
  const unit = await findUnit(ctx.db, unitCode, today);
  if (unit?.level !== 'commune') {
    return { ok: false, message: 'Xã, phường không hợp lệ hoặc không còn tồn tại (chọn theo danh mục hiện hành)' };
  }
  const kind = procedure.authority.agencyKind;
  const agencyCode = PROVINCE_AGENCY[kind] ?? (kind === 'commune_police' ? `CA.${unit.code}` : `UBND.${unit.code}`);
  const agency = await ctx.db
    .selectFrom('agency')
    .select(['code', 'name'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('code', '=', agencyCode)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', today)]))
    .executeTakeFirst();
  if (!agency) return { ok: false, message: 'Chưa có cơ quan tiếp nhận thủ tục này tại xã, phường đã chọn' };
  return { ok: true, agencyCode: agency.code, agencyName: agency.name, unitCode: unit.code };
}
