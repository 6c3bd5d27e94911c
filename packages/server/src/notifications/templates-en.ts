import type { DossierEventType } from '@dvc/domain';
import { ratingUrl } from '../feedback/rating-link';
import type { DossierMessage, Rendered } from './templates';
import { formatVnDateTime } from './templates';

/**
 * The citizen's texts in English (issue 15), for a citizen who chose English: the same facts as the
 * Vietnamese templates (templates.ts), in plain ASCII so an SMS fits GSM-7 (what an officer typed,
 * a reason or a paper's name, is quoted as written).
 */

function lookupLine(code: string, publicUrl: string | undefined): string {
  const base = publicUrl?.replace(/\/$/, '');
  return base ? ` Track it: ${base}/tra-cuu?ma=${encodeURIComponent(code)} (enter the last 4 digits of your phone).` : '';
}

function ratingLine(m: DossierMessage, publicUrl: string | undefined): string {
  if (m.applicantId) return ' Please rate the service on the dossier page.';
  return publicUrl ? ` Rate the service: ${ratingUrl(publicUrl, m.code, m.dossierId)}` : '';
}

const dong = (n: number) => `${n.toLocaleString('en-US')} VND`;
const due = (m: DossierMessage) => (m.dueAt ? formatVnDateTime(m.dueAt) : 'within the legal time limit');
const because = (m: DossierMessage) => (m.reason ? ` Reason: ${m.reason}.` : '');

const CITIZEN_EN: Record<DossierEventType, (m: DossierMessage, publicUrl?: string) => Rendered> = {
  submit_online: (m) => ({
    title: `Dossier ${m.code} was sent`,
    body: `Dossier ${m.code} was sent and is waiting to be received by the office.`,
  }),
  record_at_counter: (m, publicUrl) => ({
    title: `Dossier ${m.code} was recorded at the desk`,
    body: `The one-stop desk recorded your dossier ${m.code}.${lookupLine(m.code, publicUrl)}`,
  }),
  file_by_phone: (m, publicUrl) => ({
    title: `Dossier ${m.code} was recorded by the hotline`,
    body: `The hotline recorded your dossier ${m.code}.${lookupLine(m.code, publicUrl)}`,
  }),
  receive: (m) => ({
    title: `Dossier ${m.code} was received`,
    body: `Dossier ${m.code} was received; the result is due ${due(m)}.`,
  }),
  request_supplement: (m) => ({
    title: `Dossier ${m.code} needs more papers`,
    body: `Dossier ${m.code} needs more or corrected papers: ${(m.components ?? []).join('; ')}.${because(m)}`,
  }),
  supplement_provided: (m) => ({
    title: `Dossier ${m.code} was completed`,
    body: `The papers added to dossier ${m.code} were recorded; the result is due ${due(m)}.`,
  }),
  refuse: (m) => ({ title: `Dossier ${m.code} was not accepted`, body: `Dossier ${m.code} was not accepted.${because(m)}` }),
  assign: (m) => ({ title: `Dossier ${m.code} is being processed`, body: `Dossier ${m.code} was passed to an officer.` }),
  propose: (m) => ({
    title: `Dossier ${m.code} is being processed`,
    body: `A result was proposed for dossier ${m.code} and awaits approval.`,
  }),
  approve: (m) => ({ title: `Dossier ${m.code} was approved`, body: `The result of dossier ${m.code} was approved.` }),
  reject_proposal: (m) => ({ title: `Dossier ${m.code} is being processed`, body: `Dossier ${m.code} is being reviewed again.` }),
  request_financial_obligation: (m) => ({
    title: `Dossier ${m.code}: payment due`,
    body: `Dossier ${m.code} needs a payment${m.amount ? ` of ${dong(m.amount)}` : ''}.${because(m)}`,
  }),
  financial_obligation_paid: (m) => ({
    title: `Dossier ${m.code}: payment recorded`,
    body: `The payment for dossier ${m.code} was recorded; the result is due ${due(m)}.`,
  }),
  resolve: (m) => ({
    title: `Dossier ${m.code} has a result`,
    body: `Dossier ${m.code} is done; please collect the result.`,
  }),
  return_result: (m, publicUrl) => ({
    title: `Dossier ${m.code}: result handed over`,
    body: `${
      m.trackingNumber
        ? `The result of dossier ${m.code} was posted, tracking number ${m.trackingNumber}.`
        : `The result of dossier ${m.code} was handed over.`
    }${ratingLine(m, publicUrl)}`,
  }),
  request_withdrawal: (m) => ({
    title: `Withdrawal of dossier ${m.code} requested`,
    body: `Your request to withdraw dossier ${m.code} is being considered.`,
  }),
  accept_withdrawal: (m) => ({
    title: `Dossier ${m.code} was withdrawn`,
    body: `Your request to withdraw dossier ${m.code} was accepted.`,
  }),
  stop: (m) => ({ title: `Dossier ${m.code} was stopped`, body: `Processing of dossier ${m.code} was stopped.${because(m)}` }),
  issue_apology: (m) => ({
    title: `Apology and new date for dossier ${m.code}`,
    body: `The office apologises: dossier ${m.code} was not settled on time.${because(m)} New date for the result: ${m.newDueAt ? formatVnDateTime(m.newDueAt) : due(m)}.`,
  }),
};

/** The English of renderForCitizen (templates.ts): the same messages, the same cases. */
export function renderForCitizenEn(m: DossierMessage, publicUrl?: string): Rendered | undefined {
  if (m.kind === 'fee_paid') {
    return {
      title: `Fee paid for dossier ${m.code}`,
      body: `We received ${dong(m.amount ?? 0)} for dossier ${m.code}. E-receipt no. ${m.receiptNumber ?? ''} is in the dossier's payments.`,
    };
  }
  if (m.kind === 'complaint_answered') {
    return {
      title: `Feedback ${m.code} was answered`,
      body: `The office answered your feedback ${m.code}. Read the answer under "Feedback" in the app.`,
    };
  }
  return m.kind === 'dossier_event' && m.event ? CITIZEN_EN[m.event](m, publicUrl) : undefined;
}
