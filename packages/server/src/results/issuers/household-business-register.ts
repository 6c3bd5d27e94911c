import { randomUUID } from 'node:crypto';
import {
  formatDateVi,
  type HouseholdBusinessChangeForm,
  type HouseholdBusinessRegistrationForm,
  type HouseholdBusinessTerminationForm,
} from '@dvc/domain';
import { renderHouseholdBusinessCertificate } from '../../documents/index';
import type { HouseholdBusinessRow } from '../../registry/index';
import {
  changeHouseholdBusiness,
  checkRegisterFiling,
  precheckRegister,
  type RegisterChange,
  type RegisterOperation,
  registerHouseholdBusiness,
  terminateHouseholdBusiness,
} from '../../registry/registry.service';
import type { ResultSummary } from '../results.tables';
import { renderTerminationNotice } from '../termination-notice';
import {
  type Definition,
  type IssueBase,
  type IssuedDocument,
  IssueRefusal,
  type ResultIssuer,
  topLevelFieldKeys,
} from './issuer';

/**
 * `household-business-register`: the procedures that write the register of household businesses.
 * The template says which document is printed; the form says what is done to the register: a form
 * that names an existing registration (`registrationNumber`) changes it, or with the termination
 * notice ends it; any other registers a new business under a new number.
 */

export const CERTIFICATE_TEMPLATE = 'giay-chung-nhan-dang-ky-ho-kinh-doanh';
export const TERMINATION_NOTICE_TEMPLATE = 'thong-bao-cham-dut-hoat-dong';

export const CERTIFICATE_TITLE = 'Giấy chứng nhận đăng ký hộ kinh doanh';
export const TERMINATION_NOTICE_TITLE = 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh';

/** What a procedure of this issuer does to the register, read from its definition. */
export function registerOperationOf(definition: Pick<Definition, 'result' | 'form'>): RegisterOperation {
  if (definition.result.template === TERMINATION_NOTICE_TEMPLATE) return 'terminate';
  return topLevelFieldKeys(definition as Definition).has('registrationNumber') ? 'change' : 'register';
}

function registered(change: RegisterChange): HouseholdBusinessRow {
  if (change.ok) return change.row;
  throw new IssueRefusal(change.reason, change.message);
}

export const householdBusinessRegister: ResultIssuer = {
  name: 'household-business-register',
  templates: [CERTIFICATE_TEMPLATE, TERMINATION_NOTICE_TEMPLATE],

  precheck(db, dossier, definition) {
    return precheckRegister(db, dossier.provinceCode, dossier.agencyCode, registerOperationOf(definition), dossier.form);
  },

  checkFiling(db, filing, definition) {
    const operation = registerOperationOf(definition);
    return checkRegisterFiling(db, filing.provinceCode, filing.agencyCode, operation, filing.form, filing.self);
  },

  async issue(trx, { base, dossier, definition }): Promise<IssuedDocument> {
    const input = {
      provinceCode: dossier.provinceCode,
      authorityAgencyCode: dossier.agencyCode,
      authorityUnitCode: dossier.unitCode,
      dossierCode: dossier.code,
      at: base.issuedAt,
    };
    // Forms were validated against the procedure's schema at filing and are stored parsed.
    const form = dossier.form as unknown;
    switch (registerOperationOf(definition)) {
      case 'register': {
        const f = form as HouseholdBusinessRegistrationForm;
        const row = registered(await registerHouseholdBusiness(trx, { ...input, id: randomUUID(), form: f }));
        return certificate(await renderCertificate(base, row, f.owner), base, row);
      }
      case 'change': {
        const f = form as HouseholdBusinessChangeForm;
        const row = registered(await changeHouseholdBusiness(trx, { ...input, form: f }));
        const owner = f.changes.owner ?? { fullName: row.ownerName, citizenId: row.ownerCitizenId };
        return certificate(await renderCertificate(base, row, owner), base, row);
      }
      case 'terminate': {
        const f = form as HouseholdBusinessTerminationForm;
        const row = registered(await terminateHouseholdBusiness(trx, { ...input, form: f }));
        return {
          kind: 'notice',
          buffer: await renderNotice(base, row, f),
          summary: noticeSummary(base, row),
          householdBusinessId: row.id,
        };
      }
    }
  },
};

function certificate(buffer: Buffer, base: IssueBase, row: HouseholdBusinessRow): IssuedDocument {
  const summary: ResultSummary = {
    title: CERTIFICATE_TITLE,
    number: row.registrationNumber,
    subjectName: row.name,
    issuerName: base.issuerName,
    changeNumber: row.changeCount,
    template: CERTIFICATE_TEMPLATE,
  };
  return { kind: 'certificate', buffer, summary, householdBusinessId: row.id };
}

/** The owner as the certificate prints it: full details when the dossier gave them, else the register's. */
type CertificateOwner = Partial<HouseholdBusinessRegistrationForm['owner']> & { fullName: string; citizenId: string };

function renderCertificate(base: IssueBase, row: HouseholdBusinessRow, owner: CertificateOwner): Promise<Buffer> {
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

function renderNotice(base: IssueBase, row: HouseholdBusinessRow, form: { terminationDate: string; reason: string }) {
  return renderTerminationNotice({
    ...base,
    registrationNumber: row.registrationNumber,
    businessName: row.name,
    seatAddress: row.address,
    terminationDate: formatDateVi(form.terminationDate),
    reason: form.reason,
  });
}

function noticeSummary(base: IssueBase, row: HouseholdBusinessRow): ResultSummary {
  return {
    title: TERMINATION_NOTICE_TITLE,
    number: row.registrationNumber,
    subjectName: row.name,
    issuerName: base.issuerName,
    template: TERMINATION_NOTICE_TEMPLATE,
  };
}
