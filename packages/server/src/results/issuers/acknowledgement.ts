import { type PromotionNoticeForm, promotionFormInfo, promotionPrizeTotal } from '@dvc/domain';
import { vietnamInstant } from '@dvc/domain/vietnam-time';
import { renderPromotionAcknowledgement } from '../../documents/index';
import type { IssueBase, ResultDossier, ResultIssuer } from './issuer';

/**
 * `acknowledgement`: the agency takes note of a notice and says so in writing (template
 * `xac-nhan-thong-bao`, today the promotion notice's layout: Decree 81/2018/NĐ-CP as amended).
 * Nothing to check before, nothing else changes; the number is the dossier's code.
 */

export const ACKNOWLEDGEMENT_TEMPLATE = 'xac-nhan-thong-bao';
export const ACKNOWLEDGEMENT_TITLE = 'Xác nhận tiếp nhận thông báo hoạt động khuyến mại';

export const acknowledgement: ResultIssuer = {
  name: 'acknowledgement',
  templates: [ACKNOWLEDGEMENT_TEMPLATE],

  async precheck() {
    return undefined;
  },

  async issue(_trx, { base, dossier }) {
    const form = dossier.form as unknown as PromotionNoticeForm;
    return {
      kind: 'acknowledgement',
      buffer: await renderAcknowledgement(base, dossier, form),
      summary: {
        title: ACKNOWLEDGEMENT_TITLE,
        number: base.dossierCode,
        subjectName: form.enterpriseName,
        detail: form.programmeName,
        issuerName: base.issuerName,
        template: ACKNOWLEDGEMENT_TEMPLATE,
      },
      householdBusinessId: null,
    };
  },
};

/** 'YYYY-MM-DD' in Vietnam → the instant it starts (or its last minute). */
function vietnamDayAt(date: string, endOfDay = false): Date {
  return vietnamInstant(date, endOfDay ? (23 * 60 + 59) * 60_000 : 0);
}

function renderAcknowledgement(base: IssueBase, dossier: ResultDossier, form: PromotionNoticeForm): Promise<Buffer> {
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
    startsAt: vietnamDayAt(form.startDate),
    endsAt: vietnamDayAt(form.endDate, true),
    area: form.area,
    promotionForm: promotionFormInfo(form.promotionForm)?.labelVi ?? form.promotionForm,
    goods: form.goods,
    ...(total > 0 ? { totalValue: total } : {}),
    receivedAt: dossier.receivedAt ?? dossier.submittedAt,
    signer: base.signer,
  });
}
