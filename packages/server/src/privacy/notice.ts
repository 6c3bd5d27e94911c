import { type procedureDefinitions, vietnamDate } from '@dvc/domain';
import type { Transaction } from 'kysely';
import { currentProcedureVersion } from '../catalog';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';

/** The version of the sign-up notice (web i18n `privacy.account.*`) a consent row refers to. */
export const ACCOUNT_NOTICE_VERSION = 'tai-khoan-2026-01';

type Definition = procedureDefinitions.ProcedureDefinition;
type Field = Definition['form']['steps'][number]['fields'][number];

const AGENCY_KINDS: Record<string, { vi: string; en: string }> = {
  commune_people_committee: {
    vi: 'Ủy ban nhân dân cấp xã nơi nộp hồ sơ',
    en: 'the commune People’s Committee where it is filed',
  },
  district_people_committee: { vi: 'Ủy ban nhân dân cấp huyện', en: 'the district People’s Committee' },
  department_industry_trade: { vi: 'Sở Công Thương', en: 'the Department of Industry and Trade' },
  commune_police: { vi: 'Công an cấp xã', en: 'the commune police' },
  social_insurance_agency: { vi: 'Cơ quan Bảo hiểm xã hội', en: 'the social insurance agency' },
};

/**
 * What a procedure's group says beyond its definition: who else receives the data. Interlinked
 * procedures (liên thông) pass the dossier to each agency of the group; every dossier's state goes
 * to the National Public Service Portal.
 */
const GROUP_RECIPIENTS: Record<string, { vi: string; en: string }> = {
  default: {
    vi: 'Cổng Dịch vụ công quốc gia (trạng thái hồ sơ, không gồm giấy tờ)',
    en: 'the National Public Service Portal (the dossier’s state, not its papers)',
  },
  interlink: {
    vi: 'Các cơ quan cùng giải quyết liên thông trong nhóm thủ tục',
    en: 'the other agencies of the interlinked group',
  },
};

/** The labels of the fields a form collects, a group's or a list's own fields included. */
function fieldLabels(fields: readonly Field[], out: string[] = []): string[] {
  for (const f of fields) {
    if (f.fields?.length) fieldLabels(f.fields as Field[], out);
    else if (!out.includes(f.label.vi)) out.push(f.label.vi);
  }
  return out;
}

export interface ProcedureNotice {
  procedureCode: string;
  procedureName: { vi: string; en: string };
  controller: { vi: string; en: string }[];
  purpose: { vi: string; en: string };
  legalBasis: string[];
  collected: string[];
  papers: string[];
  recipients: { vi: string; en: string }[];
  retention: { keepDays: number; action: string; legalBasis: string };
}

/** Issue 20 point 1: what filing this procedure collects, why, by whom, for how long — from its definition. */
export async function procedureNotice(ctx: AppContext, code: string, now: Date): Promise<ProcedureNotice | undefined> {
  const version = await currentProcedureVersion(ctx, code);
  if (!version) return undefined;
  const d = version.definition;
  const today: string = vietnamDate(now);
  const era = d.authority.find((a) => (!a.from || a.from <= today) && (!a.until || a.until >= today)) ?? d.authority.at(-1)!;
  const policies = await ctx.db
    .selectFrom('retentionPolicy')
    .select(['procedureCode', 'keepDays', 'action', 'legalBasis'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('category', '=', 'dossiers')
    .where('procedureCode', 'in', [code, '*'])
    .execute();
  const policy = policies.find((p) => p.procedureCode === code) ?? policies.find((p) => p.procedureCode === '*');
  return {
    procedureCode: d.code,
    procedureName: d.names,
    controller: [
      AGENCY_KINDS[era.agencyKind] ?? { vi: era.agencyKind, en: era.agencyKind },
      {
        vi: 'Trung tâm Phục vụ hành chính công tỉnh (vận hành hệ thống)',
        en: 'the provincial Public Administration Service Centre (runs the system)',
      },
    ],
    purpose: {
      vi: `Tiếp nhận, giải quyết và trả kết quả thủ tục “${d.names.vi}”; tra cứu, báo cáo theo quy định.`,
      en: `To receive, decide and return the result of “${d.names.en}”; tracking and statutory reports.`,
    },
    legalBasis: d.legalBasis,
    collected: d.form.steps.flatMap((s) => fieldLabels(s.fields)).filter((l, i, all) => all.indexOf(l) === i),
    papers: d.components.map((c) => c.name.vi),
    recipients: d.interlink ? [GROUP_RECIPIENTS.interlink!, GROUP_RECIPIENTS.default!] : [GROUP_RECIPIENTS.default!],
    retention: policy ?? { keepDays: 3650, action: 'anonymise', legalBasis: '' },
  };
}

/** Records the account holder's consent to the sign-up notice, in the transaction creating the account. */
export async function recordAccountConsent(
  trx: Transaction<Database>,
  entry: { provinceCode: string; userId: string; at: Date; ip?: string | null },
): Promise<void> {
  await trx
    .insertInto('consentRecord')
    .values({
      provinceCode: entry.provinceCode,
      userId: entry.userId,
      purpose: 'account',
      noticeVersion: ACCOUNT_NOTICE_VERSION,
      decision: 'given',
      at: entry.at,
      ip: entry.ip ?? null,
    })
    .execute();
}
