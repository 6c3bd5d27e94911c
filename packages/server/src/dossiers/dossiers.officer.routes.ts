import {
  CounterDossierBody,
  DigitizeBody,
  DossierDetailView,
  HotlineDossierBody,
  OfficerInboxView,
  SubmittedView,
} from '@dvc/domain/contract/dossiers';
import { IdempotencyKeyHeaders, idempotentFailures } from '@dvc/domain/contract/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit, auditEntryFor, markAudited } from '../audit/index';
import { refuse } from '../http/refusal';
import { type Actor, getActor, requireRole } from '../identity/actor';
import { digitizeComponent } from './dossier-digitize.service';
import { applyDossierEvent } from './dossier-events.service';
import { DOSSIER_REFUSALS, fileIdempotently } from './dossier-http';
import { getDossierDetail, listForOfficerInbox } from './dossier-queries.service';
import { renderRegisterForPeriod } from './dossier-register.service';
import type { SubmitInput } from './dossier-submit.service';
import { CodeParams, OfficerListQuery } from './dossiers.schemas';

const tags = ['officer'];

/** The one-stop desk: inbox, paper dossiers at the counter, dossiers filed for a caller of the hotline. */
export const officerDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/officer/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ của cơ quan (theo tab, bộ lọc, tìm kiếm)',
        querystring: OfficerListQuery,
        response: { 200: OfficerInboxView },
      },
    },
    async (request) => {
      requireRole(request, 'receiver', 'specialist', 'leader', 'hotline', 'province_admin', 'system_admin');
      return listForOfficerInbox(app.ctx, request.actor!, request.query);
    },
  );

  app.get(
    '/api/v1/officer/register.pdf',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi hồ sơ (Mẫu 07) của cơ quan trong một khoảng thời gian, PDF',
        querystring: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
      },
    },
    async (request, reply) => {
      requireRole(request, 'receiver', 'specialist', 'leader', 'province_admin', 'system_admin');
      const { from, to } = request.query;
      const pdf = await renderRegisterForPeriod(app.ctx, request.actor!, from, to);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="so-theo-doi-${from}-${to}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/v1/dossiers/:code/digitize',
    {
      schema: {
        tags,
        summary: 'Số hóa một thành phần hồ sơ giấy (tải bản quét/ảnh chụp)',
        params: CodeParams,
        body: DigitizeBody,
        response: { 200: DossierDetailView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const result = await digitizeComponent(app.ctx, actor, request.params.code, request.body, async (trx, row) => {
        await appendAudit(trx, auditEntryFor(request, 200, { type: 'dossier', id: row.code }));
      });
      if (!result.ok) throw refuse(result, DOSSIER_REFUSALS);
      markAudited(request);
      return (await getDossierDetail(app.ctx, actor, request.params.code))!;
    },
  );

  app.post(
    '/api/v1/dossiers/counter',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ giấy tại Bộ phận Một cửa (kênh trực tiếp)',
        body: CounterDossierBody,
        headers: IdempotencyKeyHeaders,
        response: { 201: SubmittedView, ...idempotentFailures },
      },
    },
    async (request, reply) => {
      requireRole(request, 'receiver');
      const actor = request.actor!;
      const { applicant, specialCaseReason, receiveNow, ...input } = request.body;
      return fileIdempotently(
        request,
        reply,
        actor,
        {
          userId: actor.userId,
          domainActor: { role: 'receiver', userId: actor.userId },
          creation: 'record_at_counter',
          channel: 'direct',
          applicant: onBehalf(applicant),
          specialCaseReason,
        },
        input satisfies SubmitInput,
        async (created) => {
          if (!receiveNow) return created;
          const received = await receiveAtOnce(app.ctx, actor, created.code, request);
          return received ? { ...created, status: 'received', expectedDueAt: received } : created;
        },
      );
    },
  );

  app.post(
    '/api/v1/dossiers/hotline',
    {
      schema: {
        tags,
        summary: 'Tổng đài viên nộp hồ sơ thay người gọi (kênh điện thoại)',
        body: HotlineDossierBody,
        headers: IdempotencyKeyHeaders,
        response: { 201: SubmittedView, ...idempotentFailures },
      },
    },
    async (request, reply) => {
      requireRole(request, 'hotline');
      const actor = request.actor!;
      const { applicant, ...input } = request.body;
      return fileIdempotently(
        request,
        reply,
        actor,
        {
          userId: actor.userId,
          domainActor: { role: 'hotline', userId: actor.userId },
          creation: 'file_by_phone',
          channel: 'phone',
          applicant: onBehalf(applicant),
        },
        input,
      );
    },
  );
};

function onBehalf(a: { fullName: string; phone?: string; citizenId?: string }) {
  return { id: null, fullName: a.fullName, phone: a.phone ?? null, citizenId: a.citizenId ?? null };
}

/**
 * The counter checked completeness with the citizen present, so the desk receives at once when it
 * is the competent agency's own desk. Returns the due time, or undefined when it was filed for
 * another agency (that agency receives it from its inbox).
 */
async function receiveAtOnce(
  ctx: Parameters<typeof applyDossierEvent>[0],
  actor: Actor,
  code: string,
  request: Parameters<typeof auditEntryFor>[0],
): Promise<string | undefined> {
  const result = await applyDossierEvent(ctx, actor, code, { type: 'receive' }, async (trx, row) => {
    await appendAudit(trx, auditEntryFor(request, 200, { type: 'dossier', id: row.code }));
  });
  return result.ok ? (result.value.dueAt?.toISOString() ?? undefined) : undefined;
}
