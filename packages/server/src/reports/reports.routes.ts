import { IndicatorReportView } from '@dvc/domain/contract/indicator-report';
import { PublicAnswer, ReportSettingsView } from '@dvc/domain/contract/reports';
import { isIsoDay, type Period, parsePeriodSpec, phasePeriod, rangePeriod } from '@dvc/domain/indicators';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context';
import { problem } from '../http/problem';
import { refusals, unwrap } from '../http/refusal';
import { getActor } from '../identity/actor';
import { toCsv, toXlsx } from './reports.export';
import { renderIndicatorPdf } from './reports.pdf';
import { PublicQuerystring, type PublicResult, publicIndicators } from './reports.public';
import { findPhase, listGroups, listPhases } from './reports.repository';
import { buildIndicatorReport, type IndicatorReport, type ReportResult } from './reports.service';
import { listTargetVersions } from './targets.repository';

const TAGS = ['Báo cáo, chỉ số'];

/** An unknown group or phase is a bad query field: answered as the request validation answers. */
const REPORT_REFUSALS = refusals<Extract<ReportResult, { ok: false }>>({
  unknown_group: {
    status: 400,
    code: 'validation',
    errors: (f) => [{ field: 'querystring.procedureGroup', message: f.message }],
  },
});
const PUBLIC_REFUSALS = refusals<Extract<PublicResult, { ok: false }>>({
  unknown_phase: {
    status: 400,
    code: 'validation',
    title: 'Giai đoạn không hợp lệ',
    errors: (f) => [{ field: 'querystring.phase', message: `Không có giai đoạn "${f.phase}"` }],
  },
});
const Day = z.string().refine(isIsoDay, 'Ngày phải có dạng YYYY-MM-DD');

const IndicatorQuerystring = z.object({
  period: z.string().max(40).optional().describe('2022-11 (tháng), 2023-Q1 (quý), 2023 (năm) hoặc phase:<mã giai đoạn>'),
  from: Day.optional().describe('Từ ngày (YYYY-MM-DD), dùng cùng `to`'),
  to: Day.optional().describe('Đến ngày, tính cả ngày này'),
  groupBy: z.enum(['unit', 'procedure', 'channel', 'month', 'agency']).default('unit'),
  era: z.enum(['old', 'new']).optional().describe('old: đơn vị trước 01/07/2025; new: từ 01/07/2025'),
  level: z.enum(['province', 'district', 'commune']).optional(),
  procedureGroup: z.string().max(60).optional(),
  procedure: z.string().max(60).optional(),
  agency: z.string().max(60).optional(),
  figures: z
    .enum(['true', 'false'])
    .default('true')
    .describe('false: chỉ các dòng, không kèm tổng hợp theo cấp và dịch vụ công trực tuyến'),
});
type IndicatorQs = z.infer<typeof IndicatorQuerystring>;

/**
 * Who sees what: province and system administrators see the whole province; other officers see the
 * dossiers of the agencies they hold a role in (a commune's officers, their commune); citizens none.
 */
export function reportScope(request: FastifyRequest): string[] | undefined {
  const actor = getActor(request);
  if (actor.kind !== 'officer' || actor.roles.length === 0) {
    throw problem(403, 'forbidden', 'Chỉ cán bộ, công chức được xem báo cáo này');
  }
  if (actor.roles.some((g) => g.role === 'province_admin' || g.role === 'system_admin')) return undefined;
  return [...new Set(actor.roles.map((g) => g.agencyCode))];
}

async function resolvePeriod(ctx: AppContext, q: IndicatorQs): Promise<{ period: Period; label: string }> {
  const bad = (message: string) =>
    problem(400, 'validation', 'Kỳ báo cáo không hợp lệ', { errors: [{ field: 'querystring.period', message }] });
  if (q.period?.startsWith('phase:')) {
    const phase = await findPhase(ctx.db, ctx.config.PROVINCE_CODE, q.period.slice(6));
    if (!phase) throw bad(`Không có giai đoạn "${q.period.slice(6)}"`);
    return {
      period: phasePeriod({ code: phase.code, name: phase.name, from: phase.fromDay, toInclusive: phase.toDay }),
      label: phase.name,
    };
  }
  if (q.period) {
    const p = parsePeriodSpec(q.period);
    if (!p) throw bad('Dùng YYYY-MM, YYYY-Qn, YYYY hoặc phase:<mã>');
    return { period: p, label: q.period };
  }
  if (q.from && q.to) {
    if (q.to < q.from) throw bad('"Đến ngày" trước "từ ngày"');
    return { period: rangePeriod(q.from, q.to), label: `${q.from} – ${q.to}` };
  }
  throw bad('Cần `period`, hoặc cả `from` và `to`');
}

async function report(request: FastifyRequest, q: IndicatorQs): Promise<IndicatorReport> {
  const scopeAgencies = reportScope(request);
  const ctx = request.server.ctx;
  const { period, label } = await resolvePeriod(ctx, q);
  const r = await buildIndicatorReport(ctx, {
    period,
    periodLabel: label,
    groupBy: q.groupBy,
    era: q.era,
    level: q.level,
    procedureGroup: q.procedureGroup,
    procedure: q.procedure,
    agency: q.agency,
    scopeAgencies,
    figures: q.figures === 'true',
  });
  return unwrap(r, REPORT_REFUSALS);
}

function fileName(r: IndicatorReport, ext: string): string {
  return `chi-so_${r.groupBy}_${r.period.from}_${r.period.to}.${ext}`;
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/reports/indicators',
    {
      schema: {
        tags: TAGS,
        summary: 'Chỉ số giải quyết hồ sơ theo đơn vị, thủ tục, kênh hoặc tháng (JSON; CSV khi Accept: text/csv)',
        querystring: IndicatorQuerystring,
        response: {
          200: z.union([IndicatorReportView, z.string().describe('Tệp CSV (UTF-8), khi Accept: text/csv')]),
        },
      },
    },
    async (request, reply) => {
      const r = await report(request, request.query);
      if ((request.headers.accept ?? '').includes('text/csv')) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName(r, 'csv')}"`)
          .send(toCsv(r));
      }
      return r;
    },
  );

  app.get(
    '/api/v1/reports/indicators.xlsx',
    { schema: { tags: TAGS, summary: 'Chỉ số giải quyết hồ sơ, tệp Excel', querystring: IndicatorQuerystring } },
    async (request, reply) => {
      const r = await report(request, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName(r, 'xlsx')}"`)
        .send(await toXlsx(r));
    },
  );

  app.get(
    '/api/v1/reports/indicators.pdf',
    { schema: { tags: TAGS, summary: 'Chỉ số giải quyết hồ sơ, tệp PDF (A4 ngang)', querystring: IndicatorQuerystring } },
    async (request, reply) => {
      const r = await report(request, request.query);
      const pdf = await renderIndicatorPdf(r, { generatedAt: app.ctx.now() });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(r, 'pdf')}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/reports/settings',
    {
      schema: {
        tags: TAGS,
        summary: 'Nhóm thủ tục, chỉ tiêu và giai đoạn báo cáo',
        response: { 200: ReportSettingsView },
      },
    },
    async (request) => {
      reportScope(request);
      const p = app.ctx.config.PROVINCE_CODE;
      const [groups, targets, phases] = await Promise.all([
        listGroups(app.ctx.db, p),
        listTargetVersions(app.ctx.db, p, 'current'),
        listPhases(app.ctx.db, p),
      ]);
      return {
        groups,
        targets: targets.map((t) => ({
          groupCode: t.groupCode,
          unitLevel: t.unitLevel,
          validFrom: t.validFrom,
          validTo: t.validTo,
          onlineRate: Number(t.onlineRate),
          legalBasis: t.legalBasis,
        })),
        phases: phases.map((ph) => ({ code: ph.code, name: ph.name, from: ph.fromDay, to: ph.toDay, source: ph.source })),
      };
    },
  );

  app.get(
    '/api/v1/public/indicators',
    {
      schema: {
        tags: ['Công khai'],
        summary: 'Công khai chỉ số toàn tỉnh theo tháng, theo địa bàn và theo giai đoạn (không cần đăng nhập)',
        querystring: PublicQuerystring,
        response: { 200: PublicAnswer },
      },
    },
    async (request) => {
      const { year, phase } = request.query;
      return unwrap(await publicIndicators(app.ctx, year, phase), PUBLIC_REFUSALS);
    },
  );
};
