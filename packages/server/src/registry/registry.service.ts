import {
  businessNameKey,
  checkBusinessName,
  type HouseholdBusinessChangeForm,
  type HouseholdBusinessRegistrationForm,
  type HouseholdBusinessTerminationForm,
} from '@dvc/domain';
import type { Kysely } from 'kysely';
import { findUnit, vietnamDate } from '../admin-units/admin-units.service';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { findPendingNameClaim, NAME_PENDING, requestedBusinessName } from './name-claims';
import { formatRegistrationNumber, normalizeRegistrationNumber } from './registration-number';
import {
  appendVersion,
  findActiveByNameKey,
  findByRegistrationNumber,
  type HouseholdBusinessRow,
  insertHouseholdBusiness,
  listRegister,
  nextRegistrationSerial,
  updateHouseholdBusiness,
} from './registry.repository';

type Db = Kysely<Database>;

/**
 * The registering authority of a commune (since 1 Jul 2025 the commune People's Committee; the
 * same agency code the dossier routing gives household-business dossiers).
 */
export function registeringAuthorityOf(unitCode: string): string {
  return `UBND.${unitCode}`;
}

export const NAME_TAKEN = 'Tên hộ kinh doanh đã được đăng ký tại cơ quan đăng ký kinh doanh nơi đặt trụ sở (trùng tên riêng)';

export interface NameCheck {
  available: boolean;
  problems: string[];
}

/** The name rules (domain) plus uniqueness among the active businesses of the unit's authority. */
export async function checkNameAvailability(ctx: AppContext, name: string, unitCode: string): Promise<NameCheck> {
  const problems = checkBusinessName(name);
  const unit = await findUnit(ctx.db, unitCode, vietnamDate(ctx.now()));
  if (unit?.level !== 'commune') {
    problems.push('Xã, phường không hợp lệ hoặc không còn tồn tại (chọn theo danh mục hiện hành)');
  } else if (problems.length === 0) {
    const taken = await findActiveByNameKey(
      ctx.db,
      ctx.config.PROVINCE_CODE,
      registeringAuthorityOf(unitCode),
      businessNameKey(name),
    );
    if (taken) problems.push(NAME_TAKEN);
    else if (await findPendingNameClaim(ctx.db, ctx.config.PROVINCE_CODE, registeringAuthorityOf(unitCode), name)) {
      problems.push(NAME_PENDING);
    }
  }
  return { available: problems.length === 0, problems };
}

/** What the citizen who proved number + owner ID sees of a registration (enough to pick it). */
export interface RegistrationView {
  registrationNumber: string;
  name: string;
  status: 'active' | 'terminated';
  address: string;
  unitCode: string;
  authorityAgencyCode: string;
  businessLines: { code: string; name: string; isMain: boolean }[];
  capital: number;
  registeredAt: Date;
  changedAt: Date | null;
  terminatedAt: Date | null;
}

export function registrationView(row: HouseholdBusinessRow): RegistrationView {
  return {
    registrationNumber: row.registrationNumber,
    name: row.name,
    status: row.status,
    address: row.address,
    unitCode: row.unitCode,
    authorityAgencyCode: row.authorityAgencyCode,
    businessLines: row.businessLines,
    capital: Number(row.capital),
    registeredAt: row.registeredAt,
    changedAt: row.changedAt,
    terminatedAt: row.terminatedAt,
  };
}

/**
 * The registration whose number AND owner ID both match; otherwise undefined, the same answer for
 * "no such number" and "not your number", so the lookup cannot be used to probe the register.
 */
export async function lookupRegistration(
  ctx: AppContext,
  registrationNumber: string,
  ownerCitizenId: string,
): Promise<HouseholdBusinessRow | undefined> {
  const row = await findByRegistrationNumber(ctx.db, ctx.config.PROVINCE_CODE, normalizeRegistrationNumber(registrationNumber));
  return row && row.ownerCitizenId === ownerCitizenId.trim() ? row : undefined;
}

export function listRegisterFor(ctx: AppContext, authorityAgencyCodes: string[] | null, unitCode?: string) {
  return listRegister(ctx.db, {
    provinceCode: ctx.config.PROVINCE_CODE,
    authorityAgencyCodes,
    unitCode,
    limit: 500,
  });
}

// ---- Changes of the register, made by the results capability inside its transaction ----------

/** Never answered by a route of its own: the results capability turns a failure into its issue refusal. */
export type RegisterChange =
  | { ok: true; row: HouseholdBusinessRow }
  | Failure<'name_taken' | 'not_found' | 'other_authority' | 'terminated', { message: string }>;

/** "12 Lê Lợi, Phường Cẩm Thành, Tỉnh Quảng Ngãi" from the street and the unit valid at `at`. */
export async function seatAddress(db: Db, provinceCode: string, unitCode: string, street: string, at: Date): Promise<string> {
  const day = vietnamDate(at);
  const [unit, province] = await Promise.all([findUnit(db, unitCode, day), findUnit(db, provinceCode, day)]);
  return [street, unit?.fullName, province?.fullName].filter(Boolean).join(', ');
}

export interface RegisterInput {
  provinceCode: string;
  authorityAgencyCode: string;
  authorityUnitCode: string;
  dossierCode: string;
  at: Date;
}

/** Registration: a new number from the authority's serial, after re-checking the name (race with another dossier). */
export async function registerHouseholdBusiness(
  trx: Db,
  input: RegisterInput & { id: string; form: HouseholdBusinessRegistrationForm },
): Promise<RegisterChange> {
  const { form, provinceCode, authorityAgencyCode } = input;
  // The serial row is locked until commit: registrations at one authority queue here, so the name
  // check below sees every earlier registration.
  const serial = await nextRegistrationSerial(trx, provinceCode, authorityAgencyCode);
  const nameKey = businessNameKey(form.businessName);
  if (await findActiveByNameKey(trx, provinceCode, authorityAgencyCode, nameKey)) {
    return { ok: false, reason: 'name_taken', message: NAME_TAKEN };
  }
  const row = await insertHouseholdBusiness(trx, {
    id: input.id,
    provinceCode,
    registrationNumber: formatRegistrationNumber(provinceCode, input.authorityUnitCode, serial),
    authorityAgencyCode,
    authorityUnitCode: input.authorityUnitCode,
    name: form.businessName,
    nameKey,
    status: 'active',
    ownerName: form.owner.fullName,
    ownerCitizenId: form.owner.citizenId,
    address: await seatAddress(trx, provinceCode, form.location.unitCode, form.location.street, input.at),
    unitCode: form.location.unitCode,
    businessLines: JSON.stringify(form.businessLines),
    capital: form.capital,
    employees: form.employees,
    registeredAt: input.at,
    changedAt: null,
    terminatedAt: null,
    sourceDossierCode: input.dossierCode,
  });
  await appendVersion(trx, row, 'registered', input.dossierCode, input.at);
  return { ok: true, row };
}

/** The active registration a change/termination dossier points at, checked against its authority. */
async function targetOf(
  trx: Db,
  input: RegisterInput,
  registrationNumber: string,
  ownerCitizenId: string,
): Promise<RegisterChange> {
  const row = await findByRegistrationNumber(trx, input.provinceCode, normalizeRegistrationNumber(registrationNumber), true);
  if (!row || row.ownerCitizenId !== ownerCitizenId) {
    return {
      ok: false,
      reason: 'not_found',
      message: 'Không tìm thấy hộ kinh doanh có mã số và số định danh của chủ hộ đã khai',
    };
  }
  if (row.status !== 'active') {
    return { ok: false, reason: 'terminated', message: 'Hộ kinh doanh đã chấm dứt hoạt động' };
  }
  if (row.authorityAgencyCode !== input.authorityAgencyCode) {
    return { ok: false, reason: 'other_authority', message: 'Hộ kinh doanh không do cơ quan này đăng ký' };
  }
  return { ok: true, row };
}

/** Change: the row gets a new version; the name is re-checked when it changes. */
export async function changeHouseholdBusiness(
  trx: Db,
  input: RegisterInput & { form: HouseholdBusinessChangeForm },
): Promise<RegisterChange> {
  const target = await targetOf(trx, input, input.form.registrationNumber, input.form.ownerCitizenId);
  if (!target.ok) return target;
  const current = target.row;
  const c = input.form.changes;
  const nameKey = c.businessName ? businessNameKey(c.businessName) : current.nameKey;
  if (nameKey !== current.nameKey) {
    if (await findActiveByNameKey(trx, input.provinceCode, current.authorityAgencyCode, nameKey, current.id)) {
      return { ok: false, reason: 'name_taken', message: NAME_TAKEN };
    }
  }
  const row = await updateHouseholdBusiness(trx, input.provinceCode, current.id, {
    ...(c.businessName ? { name: c.businessName, nameKey } : {}),
    ...(c.location
      ? {
          unitCode: c.location.unitCode,
          address: await seatAddress(trx, input.provinceCode, c.location.unitCode, c.location.street, input.at),
        }
      : {}),
    ...(c.businessLines ? { businessLines: JSON.stringify(c.businessLines) } : {}),
    ...(c.capital !== undefined ? { capital: c.capital } : {}),
    ...(c.employees !== undefined ? { employees: c.employees } : {}),
    ...(c.owner ? { ownerName: c.owner.fullName, ownerCitizenId: c.owner.citizenId } : {}),
    changedAt: input.at,
    changeCount: current.changeCount + 1,
    version: current.version + 1,
  });
  await appendVersion(trx, row, 'changed', input.dossierCode, input.at);
  return { ok: true, row };
}

/** Termination: the row is marked terminated, which frees the name at its authority. */
export async function terminateHouseholdBusiness(
  trx: Db,
  input: RegisterInput & { form: HouseholdBusinessTerminationForm },
): Promise<RegisterChange> {
  const target = await targetOf(trx, input, input.form.registrationNumber, input.form.ownerCitizenId);
  if (!target.ok) return target;
  const row = await updateHouseholdBusiness(trx, input.provinceCode, target.row.id, {
    status: 'terminated',
    terminatedAt: input.at,
    version: target.row.version + 1,
  });
  await appendVersion(trx, row, 'terminated', input.dossierCode, input.at);
  return { ok: true, row };
}

/** What a register procedure does to the register (its issuer reads it from the definition). */
export type RegisterOperation = 'register' | 'change' | 'terminate';

/** A register problem and the form field it is about ("businessName", "changes.businessName", …). */
export interface RegisterProblem {
  field: string;
  message: string;
}

/**
 * The register's objection to issuing the result of an approved dossier, or undefined: the same
 * checks as the changes above, read-only (for the leader, before `resolve`).
 */
export async function precheckRegister(
  db: Db,
  provinceCode: string,
  authorityAgencyCode: string,
  operation: RegisterOperation,
  form: Record<string, unknown>,
): Promise<string | undefined> {
  return (await registerProblem(db, provinceCode, authorityAgencyCode, operation, form))?.message;
}

/**
 * What stands against a register dossier at filing and at reception: the register's objection, or
 * another open dossier at the same authority asking for the same name (filed before it, at
 * reception: `self`). Checked again at the decision (`precheckRegister`) and by the register's
 * unique index, for the races in between.
 */
export async function checkRegisterFiling(
  db: Db,
  provinceCode: string,
  authorityAgencyCode: string,
  operation: RegisterOperation,
  form: Record<string, unknown>,
  self?: { dossierId: string; code: string; submittedAt: Date },
): Promise<RegisterProblem[]> {
  const problem = await registerProblem(db, provinceCode, authorityAgencyCode, operation, form);
  if (problem) return [problem];
  const name = requestedBusinessName(form);
  if (operation === 'terminate' || !name) return [];
  const claim = await findPendingNameClaim(db, provinceCode, authorityAgencyCode, name, self);
  return claim ? [{ field: nameField(form), message: `${NAME_PENDING}: hồ sơ ${claim}` }] : [];
}

function nameField(form: Record<string, unknown>): string {
  return typeof form.businessName === 'string' ? 'businessName' : 'changes.businessName';
}

async function registerProblem(
  db: Db,
  provinceCode: string,
  authorityAgencyCode: string,
  operation: RegisterOperation,
  form: Record<string, unknown>,
): Promise<RegisterProblem | undefined> {
  const name = requestedBusinessName(form);
  const taken = { field: nameField(form), message: NAME_TAKEN };
  if (operation === 'register') {
    return name && (await findActiveByNameKey(db, provinceCode, authorityAgencyCode, businessNameKey(name))) ? taken : undefined;
  }
  const field = 'registrationNumber';
  const row = await findByRegistrationNumber(
    db,
    provinceCode,
    normalizeRegistrationNumber(String(form.registrationNumber ?? '')),
  );
  if (!row || row.ownerCitizenId !== form.ownerCitizenId) {
    return { field, message: 'Không tìm thấy hộ kinh doanh có mã số và số định danh của chủ hộ đã khai' };
  }
  if (row.status !== 'active') return { field, message: 'Hộ kinh doanh đã chấm dứt hoạt động' };
  if (row.authorityAgencyCode !== authorityAgencyCode) return { field, message: 'Hộ kinh doanh không do cơ quan này đăng ký' };
  if (name && (await findActiveByNameKey(db, provinceCode, authorityAgencyCode, businessNameKey(name), row.id))) return taken;
  return undefined;
}
