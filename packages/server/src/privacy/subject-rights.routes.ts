import { vietnamDate } from '@dvc/domain';
import {
  AdminSubjectRequestListView,
  AdminSubjectRequestView,
  SubjectRequestListView,
  SubjectRequestView,
} from '@dvc/domain/contract/privacy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refusals, refuse } from '../http/refusal';
import { requireCitizen } from '../identity/actor';
import { requireProvinceAdmin } from '../organisation/admin-scope';
import { archiveOf, collectSubjectData } from './export';
import { type AnswerResult, answerRequest, fileRequest, listRequests, type RequestRow } from './subject-requests.service';

const tags = ['Dữ liệu cá nhân'];

const view = (r: RequestRow, now: Date) => ({
  code: r.code,
  kind: r.kind,
  detail: r.detail,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  dueAt: r.dueAt.toISOString(),
  overdue: r.status === 'open' && r.dueAt < now,
  answer: r.answer,
  answeredAt: r.answeredAt?.toISOString() ?? null,
});

/** The data subject's rights (issue 20 point 3): download, and requests to correct or delete. */
const ANSWER_REFUSALS = refusals<Extract<AnswerResult, { ok: false }>>({
  not_found: { status: 404, code: 'request-not-found', title: 'Không tìm thấy yêu cầu' },
  already_answered: { status: 409, code: 'request-already-answered', title: 'Yêu cầu này đã được trả lời' },
});

export const subjectRightsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/privacy/export',
    {
      schema: {
        tags,
        summary: 'Tải về toàn bộ dữ liệu của tôi (một tệp ZIP: data.json và các tệp giấy tờ)',
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const now = app.ctx.now();
      const { data, files } = await collectSubjectData(app.ctx, actor.userId, now);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${vietnamDate(now)}.zip"`)
        .header('cache-control', 'no-store')
        .send(archiveOf(app.ctx, data, files));
    },
  );

  app.post(
    '/api/v1/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Yêu cầu chỉnh sửa hoặc xóa dữ liệu cá nhân',
        body: z.strictObject({
          kind: z.enum(['correction', 'deletion']),
          detail: z.string().trim().min(1).max(4000),
        }),
        response: { 201: SubjectRequestView },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const row = await fileRequest(app.ctx, actor.userId, request.body.kind, request.body.detail);
      request.auditRecord = { type: 'data_subject_request', id: row.code };
      return reply.code(201).send(view(row, app.ctx.now()));
    },
  );

  app.get(
    '/api/v1/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Các yêu cầu về dữ liệu cá nhân của tôi',
        response: { 200: SubjectRequestListView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const now = app.ctx.now();
      return { items: (await listRequests(app.ctx, { citizenId: actor.userId })).map((r) => view(r, now)) };
    },
  );

  app.get(
    '/api/v1/admin/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Yêu cầu của chủ thể dữ liệu cần trả lời (theo hạn)',
        querystring: z.strictObject({ status: z.enum(['open', 'done', 'refused']).optional() }),
        response: { 200: AdminSubjectRequestListView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const now = app.ctx.now();
      const rows = await listRequests(app.ctx, { status: request.query.status });
      return { items: rows.map((r) => ({ ...view(r, now), citizenId: r.citizenId, outcome: r.outcome })) };
    },
  );

  app.post(
    '/api/v1/admin/privacy/requests/:code/answer',
    {
      schema: {
        tags,
        summary: 'Trả lời yêu cầu của chủ thể dữ liệu (xóa: thực hiện việc xóa khi chấp nhận)',
        params: z.object({ code: z.string().max(40) }),
        body: z.strictObject({
          decision: z.enum(['done', 'refused']),
          answer: z.string().trim().min(1).max(4000),
        }),
        response: { 200: AdminSubjectRequestView },
      },
    },
    async (request) => {
      const admin = requireProvinceAdmin(request);
      const r = await answerRequest(app.ctx, request.params.code, admin.userId, request.body.decision, request.body.answer);
      request.auditRecord = { type: 'data_subject_request', id: request.params.code };
      if (!r.ok) throw refuse(r, ANSWER_REFUSALS);
      return { ...view(r.request, app.ctx.now()), citizenId: r.request.citizenId, outcome: r.request.outcome };
    },
  );
};
