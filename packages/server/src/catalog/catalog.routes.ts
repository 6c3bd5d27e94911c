import { feeFor, type ProcedureDefinition, ProcedureTopic, topicLabel } from '@dvc/domain';
import {
  type FeeAmounts,
  type ProcedureDetail,
  ProcedureDetailView,
  ProcedurePageView,
  type ProcedureSummary,
  TopicListView,
} from '@dvc/domain/contract/catalog';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { currentProcedureVersion, listProcedures, listTopics, type ProcedureVersion, procedureVersion } from './catalog.service';

const TAGS = ['Danh mục thủ tục'];

/** A phone shows a page of results at a time: 1,700 summaries are ~1 MB of JSON. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

const NOT_FOUND_TITLE = 'Không tìm thấy thủ tục';

/** The detail of one version: its catalog facts, what it costs today, and the definition itself. */
function detail(found: ProcedureVersion, at: Date): ProcedureDetail {
  const facts = found.facts;
  return {
    ...facts,
    topicLabel: topicLabel(facts.topic, facts.topicName),
    feeAmounts: feeAmounts(facts, at),
    version: found.version,
    definition: found.definition,
  };
}

function feeAmounts(p: ProcedureDefinition, at: Date): FeeAmounts {
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

function summary(p: ProcedureDefinition, at: Date): ProcedureSummary {
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
        response: { 200: ProcedurePageView },
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
        response: { 200: ProcedureDetailView },
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
        response: { 200: ProcedureDetailView },
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
        response: { 200: TopicListView },
      },
    },
    async () => ({ items: await listTopics(app.ctx) }),
  );
};
