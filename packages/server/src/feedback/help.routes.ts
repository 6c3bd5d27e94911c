import { vietnamDate } from '@dvc/domain/vietnam-time';
import { DEFAULT_OFFICE_HOURS } from '@dvc/domain/working-days';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentProcedureVersion } from '../catalog/index';
import type { AppContext } from '../http/context';
import { type AgencyView, findAgency, searchAgencies } from '../organisation/index';
import { PROCEDURE_FEEDBACK_AGENCY } from './complaint.service';
import { GENERAL_FAQ, HOTLINE } from './help.data';

const Localized = z.object({ vi: z.string(), en: z.string() });
const DeskSchema = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  deskName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** "07:30–11:30, 13:30–17:00" on working days. */
  officeHours: z.string(),
});
const HelpSchema = z.object({
  hotline: z.object({ phone: z.string(), hours: Localized }),
  faq: z.array(z.object({ question: Localized, answer: Localized })),
  /** 'general': the procedure's definition has no questions of its own. */
  faqSource: z.literal('general'),
  desks: z.array(DeskSchema),
  /** The procedure is filed at the one-stop desk of the applicant's commune or ward. */
  atCommuneDesk: z.boolean(),
});

const vietnamToday = (now: Date) => vietnamDate(now);
const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function deskOf(a: AgencyView) {
  const periods = a.officeHours?.periods ?? DEFAULT_OFFICE_HOURS.periods;
  return {
    agencyCode: a.code,
    agencyName: a.name,
    deskName: blank(a.desk?.name),
    address: blank(a.desk?.address),
    phone: blank(a.desk?.phone),
    officeHours: periods.map((p) => `${p.start}–${p.end}`).join(', '),
  };
}

/** The province's public service centre, and for a province-level procedure the agencies that decide it. */
async function desksFor(ctx: AppContext, procedureCode: string | undefined) {
  const province = ctx.config.PROVINCE_CODE;
  const today = vietnamToday(ctx.now());
  const centre = await findAgency(ctx.db, province, PROCEDURE_FEEDBACK_AGENCY, today);
  const desks = centre ? [deskOf(centre)] : [];
  let atCommuneDesk = false;
  const version = procedureCode ? await currentProcedureVersion(ctx, procedureCode) : undefined;
  const era = version?.definition.authority.find((a) => !a.until || a.until >= today);
  if (era?.level === 'commune') atCommuneDesk = true;
  else if (era) {
    const agencies = await searchAgencies(ctx.db, province, { kind: era.agencyKind, includeClosed: false, today, limit: 5 });
    for (const a of agencies) if (a.code !== PROCEDURE_FEEDBACK_AGENCY) desks.push(deskOf(a));
  }
  return { desks, atCommuneDesk };
}

/** Help for anyone: the hotline and its hours, general questions, and where the desks are. */
export const helpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/public/help',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Hỗ trợ: tổng đài, giờ làm việc, câu hỏi thường gặp, địa chỉ bộ phận một cửa',
        querystring: z.object({ procedure: z.string().trim().max(40).optional() }),
        response: { 200: HelpSchema },
      },
    },
    async (request) => {
      const { desks, atCommuneDesk } = await desksFor(app.ctx, request.query.procedure);
      return { hotline: HOTLINE, faq: GENERAL_FAQ, faqSource: 'general' as const, desks, atCommuneDesk };
    },
  );
};
