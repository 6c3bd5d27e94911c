import { ComplaintListView, ComplaintView } from '@dvc/domain/contract/complaints';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../files/files.routes';
import { blobStoreFor } from '../files/files.service';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { getActor, requireCitizen } from '../identity/actor';
import { userNames } from '../identity/index';
import {
  ANSWER_WORKING_DAYS,
  type AnswerResult,
  answerComplaint,
  type ComplaintRow,
  type FileComplaintResult,
  fileComplaint,
  findComplaint,
  listForOfficer,
  listOwnComplaints,
  MAX_ATTACHMENTS,
  officerAnswers,
  officerSeesComplaint,
} from './complaint.service';

const tags = ['Đánh giá, phản ánh'];

const NewComplaintBody = z
  .strictObject({
    kind: z.enum(['complaint', 'recommendation']),
    dossierCode: z.string().trim().max(60).nullish(),
    procedureCode: z.string().trim().max(60).nullish(),
    subject: z.string().trim().min(5, { message: 'Vui lòng nêu tiêu đề phản ánh (ít nhất 5 ký tự)' }).max(200),
    content: z.string().trim().min(20, { message: 'Vui lòng mô tả nội dung phản ánh (ít nhất 20 ký tự)' }).max(5000),
    attachments: z
      .array(z.string().regex(/^[0-9a-f]{64}$/))
      .max(MAX_ATTACHMENTS, { message: `Tối đa ${MAX_ATTACHMENTS} tệp đính kèm` })
      .default([]),
  })
  .refine((b) => b.dossierCode || b.procedureCode, {
    message: 'Vui lòng chọn hồ sơ hoặc thủ tục được phản ánh',
    path: ['procedureCode'],
  });

const CodeParams = z.object({ code: z.string().trim().min(5).max(60) });

const notFound = () => problem(404, 'not-found', 'Không tìm thấy phản ánh, kiến nghị');

/** A filing refused names the field to correct. */
const unfiled = (field: string, message: string) => ({
  status: 422,
  title: 'Chưa gửi được phản ánh, kiến nghị',
  errors: () => [{ field, message }],
});

const FILING_REFUSALS = refusals<Extract<FileComplaintResult, { ok: false }>>({
  'dossier-not-found': unfiled('body.dossierCode', 'Không tìm thấy hồ sơ này trong các hồ sơ của bạn'),
  'attachment-not-found': unfiled(
    'body.attachments',
    'Tệp đính kèm không tìm thấy hoặc không phải PDF, JPEG, PNG; vui lòng tải lên lại',
  ),
  'procedure-not-found': unfiled('body.procedureCode', 'Không tìm thấy thủ tục này'),
  'no-subject-target': unfiled('body.procedureCode', 'Không tìm thấy thủ tục này'),
});

const ANSWER_REFUSALS = refusals<Extract<AnswerResult, { ok: false }>>({
  'not-found': { status: 404, title: 'Không tìm thấy phản ánh, kiến nghị' },
  forbidden: { status: 403, title: 'Bạn không có quyền thực hiện thao tác này' },
  'already-answered': {
    status: 409,
    title: 'Phản ánh này đã được trả lời',
    detail: 'Vui lòng tải lại để xem câu trả lời.',
  },
});

export const complaintRoutes: FastifyPluginAsyncZod = async (app) => {
  async function view(rows: ComplaintRow[], desk?: { actor: ReturnType<typeof getActor> }) {
    const provinceCode = app.ctx.config.PROVINCE_CODE;
    const agencies = await app.ctx.db
      .selectFrom('agency')
      .select(['code', 'name'])
      .where('provinceCode', '=', provinceCode)
      .where('code', 'in', [...new Set(rows.map((r) => r.agencyCode)), ''])
      .execute();
    const agencyName = new Map(agencies.map((a) => [a.code, a.name]));
    const officers = await userNames(
      app.ctx.db,
      provinceCode,
      rows.flatMap((r) => (r.answeredBy ? [r.answeredBy] : [])),
    );
    const now = app.ctx.now();
    return rows.map((r) => ({
      code: r.code,
      kind: r.kind,
      dossierCode: r.dossierCode,
      procedureCode: r.procedureCode,
      agencyCode: r.agencyCode,
      agencyName: agencyName.get(r.agencyCode) ?? r.agencyCode,
      subject: r.subject,
      content: r.content,
      attachments: r.attachments.map((a) => ({
        ...a,
        url: desk ? `/api/v1/officer/complaints/${r.code}/files/${a.sha256}` : `/api/v1/files/${a.sha256}`,
      })),
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      overdue: r.status === 'open' ? r.dueAt < now : (r.answeredAt ?? now) > r.dueAt,
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      answeredBy: r.answeredBy ? (officers.get(r.answeredBy) ?? null) : null,
      ...(desk
        ? {
            citizenName: r.citizenName,
            citizenPhone: r.citizenPhone,
            canAnswer: r.status === 'open' && officerAnswers(desk.actor, r),
          }
        : {}),
    }));
  }

  app.post(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: `Công dân gửi phản ánh, kiến nghị về hồ sơ hoặc thủ tục (cơ quan trả lời trong ${ANSWER_WORKING_DAYS} ngày làm việc)`,
        body: NewComplaintBody,
        response: { 201: ComplaintView },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const result = await fileComplaint(app.ctx, actor, request.body);
      if (!result.ok) throw refuse(result, FILING_REFUSALS);
      request.auditRecord = { type: 'complaint', id: result.complaint.code };
      const [v] = await view([result.complaint]);
      return reply.code(201).send(v!);
    },
  );

  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: 'Các phản ánh, kiến nghị của công dân đang đăng nhập',
        response: { 200: ComplaintListView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      return { items: await view(await listOwnComplaints(app.ctx, actor)) };
    },
  );

  app.get(
    '/api/v1/complaints/:code',
    {
      schema: {
        tags,
        summary: 'Một phản ánh, kiến nghị và câu trả lời của cơ quan',
        params: CodeParams,
        response: { 200: ComplaintView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const found = await findComplaint(app.ctx, request.params.code);
      if (!found || found.citizenId !== actor.userId) throw notFound();
      const [v] = await view([found]);
      return v;
    },
  );

  app.get(
    '/api/v1/officer/complaints',
    {
      schema: {
        tags,
        summary: 'Phản ánh, kiến nghị gửi tới cơ quan của cán bộ (chưa trả lời trước, theo hạn)',
        querystring: z.object({ status: z.enum(['open', 'answered']).optional() }),
        response: { 200: ComplaintListView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      return { items: await view(await listForOfficer(app.ctx, actor, request.query.status), { actor }) };
    },
  );

  app.post(
    '/api/v1/officer/complaints/:code/answer',
    {
      schema: {
        tags,
        summary: 'Cán bộ của cơ quan trả lời phản ánh, kiến nghị (một lần); công dân được thông báo',
        params: CodeParams,
        body: z.strictObject({
          answer: z.string().trim().min(10, { message: 'Vui lòng nhập nội dung trả lời (ít nhất 10 ký tự)' }).max(5000),
        }),
        response: { 200: ComplaintView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const result = await answerComplaint(app.ctx, actor, request.params.code, request.body.answer);
      if (!result.ok) throw refuse(result, ANSWER_REFUSALS);
      request.auditRecord = { type: 'complaint', id: result.complaint.code };
      const [v] = await view([result.complaint], { actor });
      return v;
    },
  );

  app.get(
    '/api/v1/officer/complaints/:code/files/:sha256',
    {
      schema: {
        tags,
        summary: 'Tệp đính kèm của một phản ánh, cho cán bộ của cơ quan',
        params: z.object({ code: z.string().max(60), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const found = await findComplaint(app.ctx, request.params.code);
      const attachment = found?.attachments.find((a) => a.sha256 === request.params.sha256);
      if (!found || !officerSeesComplaint(actor, found) || !attachment) throw notFound();
      const file = await app.ctx.db
        .selectFrom('storedFile')
        .select(['mediaType', 'size'])
        .where('provinceCode', '=', app.ctx.config.PROVINCE_CODE)
        .where('sha256', '=', attachment.sha256)
        .executeTakeFirst();
      const body = file ? await blobStoreFor(app.ctx).get(attachment.sha256) : undefined;
      if (!file || !body) throw notFound();
      return reply
        .type(file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(attachment.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
