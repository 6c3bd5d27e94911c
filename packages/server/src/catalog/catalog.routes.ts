import { feeFor, OnlineLevel, ProcedureAuthority, ProcedureDefinition, ProcedureTopic, topicLabel } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { currentProcedureVersion, listProcedures, listTopics, type ProcedureVersion, procedureVersion } from './catalog.service';

const TAGS = ['Danh mục thủ tục'];

/** What a citizen pays on each channel today: counter (direct) and online (web or app). */
const FeeAmounts = z.object({
  kind: z.enum(['none', 'fixed']),
  counterAmount: z.number().int(),
  onlineAmount: z.number().int(),
  onlineReductionPercent: z.number().int(),
  payableAt: z.enum(['submission', 'result']).optional(),
});

const ProcedureSummary = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  topic: ProcedureTopic,
  topicLabel: z.string(),
  onlineLevel: OnlineLevel,
  authority: ProcedureAuthority,
  legalDurationWorkingDays: z.number().int(),
  minimumNoticeWorkingDays: z.number().int().optional(),
  fee: FeeAmounts,
  componentsCount: z.number().int(),
  interlinkGroup: z.string().optional(),
});

const ProcedureDetail = z.object({
  ...ProcedureDefinition.shape,
  topicLabel: z.string(),
  feeAmounts: FeeAmounts,
  /** Version of the definition served (a dossier keeps the version it was filed under). */
  version: z.number().int().positive(),
  /** The procedure as data (issue 12): its form is what the phone renders and the server validates. */
  definition: z.record(z.string(), z.unknown()),
});

/** A phone shows a page of results at a time: 1,700 summaries are ~1 MB of JSON. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

const NOT_FOUND_TITLE = 'Không tìm thấy thủ tục';

/** The detail of one version: its catalog facts, what it costs today, and the definition itself. */
function detail(found: ProcedureVersion, at: Date): z.infer<typeof ProcedureDetail> {
  const facts = found.facts;
  return {
    ...facts,
    topicLabel: topicLabel(facts.topic, facts.topicName),
    feeAmounts: feeAmounts(facts, at),
    version: found.version,
    definition: found.definition,
  };
}

function feeAmounts(p: ProcedureDefinition, at: Date): z.infer<typeof FeeAmounts> {
  const counterAmount = feeFor(p, 'direct', at);
  const onlineAmount = feeFor(p, 'web', at);
  if (p.fee.kind === 'none') return { kind: 'none', counterAmount, onlineAmount, onlineReductionPercent: 0 };
  return {
    kind: 'fixed',
    counterAmount,
    onlineAmount,
    onlineReductionPercent: onlineAmount < counterAmount ? p.fee.onlineReductionPercent : 0,
    payableAt: p.fee.payableAt,
  };
}

function summary(p: ProcedureDefinition, at: Date): z.infer<typeof ProcedureSummary> {
  return {
    code: p.code,
    slug: p.slug,
    name: p.name,
    nameEn: p.nameEn,
    topic: p.topic,
    topicLabel: topicLabel(p.topic, p.topicName),
    onlineLevel: p.onlineLevel,
    authority: p.authority,
    legalDurationWorkingDays: p.legalDurationWorkingDays,
    minimumNoticeWorkingDays: p.minimumNoticeWorkingDays,
    fee: feeAmounts(p, at),
    componentsCount: p.components.length,
    interlinkGroup: p.interlinkGroup,
  };
}

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/procedures',
    {
      schema: {
        tags: TAGS,
        summary: 'Tra cứu thủ tục hành chính theo trang (không phân biệt dấu, hoa thường), theo lĩnh vực hoặc nhóm liên thông',
        querystring: z.object({
          q: z.string().max(200).optional(),
          topic: ProcedureTopic.optional(),
          /** The members of an interlinked group (liên thông), e.g. the group filing's. */
          group: z.string().max(60).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(ProcedureSummary),
            /** Matching procedures over all pages; the next page starts at offset + items.length. */
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const page = await listProcedures(app.ctx, request.query);
      const now = app.ctx.now();
      return { items: page.items.map((p) => summary(p, now)), total: page.total, limit, offset };
    },
  );

  app.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Chi tiết một thủ tục hành chính theo mã',
        params: z.object({ code: z.string().max(40) }),
        response: { 200: ProcedureDetail },
      },
    },
    async (request) => {
      const found = await currentProcedureVersion(app.ctx, request.params.code);
      if (!found) {
        throw problem(404, 'procedure-not-found', NOT_FOUND_TITLE, {
          detail: `Không có thủ tục mã ${request.params.code} trong danh mục của tỉnh.`,
        });
      }
      return detail(found, app.ctx.now());
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions/:version',
    {
      schema: {
        tags: TAGS,
        summary: 'Một phiên bản của thủ tục (biểu mẫu mà hồ sơ đã nộp theo phiên bản đó được hiển thị và kiểm tra)',
        params: z.object({ code: z.string().max(40), version: z.coerce.number().int().positive().max(1_000_000) }),
        response: { 200: ProcedureDetail },
      },
    },
    async (request) => {
      const { code, version } = request.params;
      const found = await procedureVersion(app.ctx, code, version);
      if (!found) {
        throw problem(404, 'procedure-version-not-found', 'Không tìm thấy phiên bản thủ tục', {
          detail: `Thủ tục mã ${code} không có phiên bản ${version}.`,
        });
      }
      return detail(found, app.ctx.now());
    },
  );

  app.get(
    '/api/v1/procedure-topics',
    {
      schema: {
        tags: TAGS,
        summary: 'Các lĩnh vực thủ tục và số thủ tục trong mỗi lĩnh vực',
        response: {
          200: z.object({ items: z.array(z.object({ id: ProcedureTopic, label: z.string(), count: z.number().int() })) }),
        },
      },
    },
    async () => ({ items: await listTopics(app.ctx) }),
  );
};
