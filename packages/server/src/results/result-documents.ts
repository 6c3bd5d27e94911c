import {
  formatDateVi,
  type HouseholdBusinessRegistrationForm,
  type PromotionNoticeForm,
  promotionFormInfo,
  promotionPrizeTotal,
} from '@dvc/domain';
import type { Kysely } from 'kysely';
import { findUnit, vietnamDate } from '../admin-units/admin-units.service';
import type { Database } from '../db/schema';
import { renderHouseholdBusinessCertificate, renderPromotionAcknowledgement } from '../documents/index';
import type { AgencyHeading, Signer } from '../documents/types';
import type { DossierRow } from '../dossiers/dossier.repository';
import type { HouseholdBusinessRow } from '../registry/registry.repository';
import type { ResultKind, ResultSummary } from './results.tables';
import { renderTerminationNotice } from './termination-notice';

/**
 * Maps dossiers and register rows onto the documents capability's data types, and says which
 * non-personal facts of each result the public verification page shows.
 */

export const RESULT_TITLES: Record<ResultKind, string> = {
  certificate: 'Giấy chứng nhận đăng ký hộ kinh doanh',
  acknowledgement: 'Xác nhận tiếp nhận thông báo hoạt động khuyến mại',
  notice: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
};

/** What every result of a dossier shares: who issues it, when, its QR target. */
export interface IssueBase {
  agency: AgencyHeading;
  issuerName: string;
  dossierCode: string;
  issuedAt: Date;
  publicUrl: string;
  verificationCode: string;
  signer: Signer;
}

/** The heading of the issuing agency: a department sits under the provincial People's Committee. */
export async function agencyHeading(
  db: Kysely<Database>,
  provinceCode: string,
  agency: { name: string; unitCode: string; level: string },
  at: Date,
): Promise<AgencyHeading> {
  const day = vietnamDate(at);
  const [unit, province] = await Promise.all([findUnit(db, agency.unitCode, day), findUnit(db, provinceCode, day)]);
  const place = unit?.name ?? province?.name ?? agency.name;
  const isCommittee = /^ủy ban nhân dân/i.test(agency.name.normalize('NFC'));
  return {
    ...(isCommittee || !province ? {} : { parentName: `UBND ${province.fullName}`.toUpperCase() }),
    name: agency.name,
    place,
  };
}

/** The owner as the certificate prints it: full details when the dossier gave them, else the register's. */
export type CertificateOwner = Partial<HouseholdBusinessRegistrationForm['owner']> & { fullName: string; citizenId: string };

export async function renderCertificate(base: IssueBase, row: HouseholdBusinessRow, owner: CertificateOwner): Promise<Buffer> {
  return renderHouseholdBusinessCertificate({
    agency: base.agency,
    dossierCode: base.dossierCode,
    issuedAt: base.issuedAt,
    publicUrl: base.publicUrl,
    verificationCode: base.verificationCode,
    registrationNumber: row.registrationNumber,
    firstRegisteredAt: row.registeredAt,
    ...(row.changeCount > 0 && row.changedAt ? { change: { number: row.changeCount, at: row.changedAt } } : {}),
    businessName: row.name,
    seatAddress: row.address,
    phone: owner.phone,
    email: owner.email,
    businessLines: row.businessLines,
    capital: Number(row.capital),
    owner: {
      fullName: owner.fullName,
      personalId: owner.citizenId,
      ...(owner.birthDate ? { birthDate: formatDateVi(owner.birthDate) } : {}),
      ...(owner.sex ? { gender: owner.sex === 'female' ? 'Nữ' : 'Nam' } : {}),
      ...(owner.ethnicity ? { ethnicity: owner.ethnicity } : {}),
      ...(owner.nationality ? { nationality: owner.nationality } : {}),
      ...(owner.residence ? { permanentAddress: owner.residence } : {}),
    },
    signer: base.signer,
  });
}

export function certificateSummary(base: IssueBase, row: HouseholdBusinessRow): ResultSummary {
  return {
    title: RESULT_TITLES.certificate,
    number: row.registrationNumber,
    subjectName: row.name,
    issuerName: base.issuerName,
    changeNumber: row.changeCount,
  };
}

export async function renderNotice(
  base: IssueBase,
  row: HouseholdBusinessRow,
  form: { terminationDate: string; reason: string },
): Promise<Buffer> {
  return renderTerminationNotice({
    ...base,
    registrationNumber: row.registrationNumber,
    businessName: row.name,
    seatAddress: row.address,
    terminationDate: formatDateVi(form.terminationDate),
    reason: form.reason,
  });
}

export function noticeSummary(base: IssueBase, row: HouseholdBusinessRow): ResultSummary {
  return { title: RESULT_TITLES.notice, number: row.registrationNumber, subjectName: row.name, issuerName: base.issuerName };
}

/** 'YYYY-MM-DD' in Vietnam → the instant it starts (or its last minute). */
function vietnamInstant(date: string, endOfDay = false): Date {
  return new Date(`${date}T${endOfDay ? '23:59:00' : '00:00:00'}+07:00`);
}

export async function renderAcknowledgement(base: IssueBase, dossier: DossierRow, form: PromotionNoticeForm): Promise<Buffer> {
  const total = promotionPrizeTotal(form.prizes ?? []);
  return renderPromotionAcknowledgement({
    agency: base.agency,
    dossierCode: base.dossierCode,
    issuedAt: base.issuedAt,
    publicUrl: base.publicUrl,
    verificationCode: base.verificationCode,
    enterprise: {
      name: form.enterpriseName,
      taxCode: form.taxCode,
      // The notice form does not ask for the address (verify whether the acknowledgement must print it).
      address: '—',
      ...(dossier.applicantPhone ? { phone: dossier.applicantPhone } : {}),
    },
    programName: form.programmeName,
    startsAt: vietnamInstant(form.startDate),
    endsAt: vietnamInstant(form.endDate, true),
    area: form.area,
    promotionForm: promotionFormInfo(form.promotionForm)?.labelVi ?? form.promotionForm,
    goods: form.goods,
    ...(total > 0 ? { totalValue: total } : {}),
    receivedAt: dossier.receivedAt ?? dossier.submittedAt,
    signer: base.signer,
  });
}

export function acknowledgementSummary(base: IssueBase, form: PromotionNoticeForm): ResultSummary {
  return {
    title: RESULT_TITLES.acknowledgement,
    number: base.dossierCode,
    subjectName: form.enterpriseName,
    detail: form.programmeName,
    issuerName: base.issuerName,
  };
}
