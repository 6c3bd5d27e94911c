import {
  DossierDetailView,
  DossierListView,
  EventBody,
  SubmitDossierBody,
  SubmittedView,
  SupplementBody,
  WithdrawBody,
} from '@dvc/domain/contract/dossiers';
import { IdempotencyKeyHeaders, idempotentFailures } from '@dvc/domain/contract/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, auditEntryFor, markAudited } from '../audit/index';
import type { Database } from '../db/schema';
import { refuse } from '../http/refusal';
import { getActor, requireCitizen } from '../identity/actor';
import { getResultFile, prepareResolution, RESOLUTION_REFUSALS, resolutionRefusal } from '../results/index';
import { renderSlip, SLIP_KINDS } from './dossier-documents';
import { applyDossierEvent, type EventFacts } from './dossier-events.service';
import { DOSSIER_REFUSALS, fileIdempotently } from './dossier-http';
import { findVisibleDossier, getDossierDetail, listMine } from './dossier-queries.service';
import { provideSupplement } from './dossier-supplement.service';
import { CodeParams, MineQuery } from './dossiers.schemas';

const tags = ['dossiers'];

/** Citizen filing and following, and the lifecycle events of every role. */
export const dossierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary: 'Nộp hồ sơ trực tuyến (cần Idempotency-Key)',
        body: SubmitDossierBody,
        headers: IdempotencyKeyHeaders,
        response: { 201: SubmittedView, ...idempotentFailures },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const body = request.body;
      return fileIdempotently(
        request,
        reply,
        actor,
        {
          userId: actor.userId,
          domainActor: { role: 'citizen', userId: actor.userId },
          creation: 'submit_online',
          channel: body.channel,
          applicant: { id: actor.userId, fullName: actor.fullName, phone: actor.phone, citizenId: null },
        },
        body,
      );
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của tôi',
        querystring: MineQuery,
        response: { 200: DossierListView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      return { items: await listMine(app.ctx, actor) };
    },
  );

  app.get(
    '/api/v1/dossiers/:code',
    { schema: { tags, summary: 'Chi tiết hồ sơ', params: CodeParams, response: { 200: DossierDetailView } } },
    async (request) => {
      const found = await getDossierDetail(app.ctx, getActor(request), request.params.code);
      if (!found) throw refuse({ ok: false, reason: 'not_found', message: 'Không tìm thấy hồ sơ' }, DOSSIER_REFUSALS);
      return found;
    },
  );

  app.get(
    '/api/v1/dossiers/:code/documents/:kind',
    {
      schema: {
        tags,
        summary: 'Tải phiếu của hồ sơ (PDF): tiếp nhận, yêu cầu bổ sung, từ chối, xin lỗi, dừng, kiểm soát quá trình',
        params: CodeParams.extend({ kind: z.enum(SLIP_KINDS) }),
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const row = await findVisibleDossier(app.ctx, actor, request.params.code);
      // The desk's print of the receipt carries a new lookup PIN for the filer; the applicant's own copy does not.
      const issueLookupPin = actor.kind === 'officer' && row?.applicantId !== actor.userId;
      const pdf = row ? await renderSlip(app.ctx, row, request.params.kind, { issueLookupPin }) : undefined;
      if (!pdf) throw refuse({ ok: false, reason: 'not_found', message: 'Hồ sơ chưa có phiếu này' }, DOSSIER_REFUSALS);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${row!.code}-${request.params.kind}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/v1/dossiers/:code/events',
    {
      schema: {
        tags,
        summary: 'Thực hiện một bước xử lý hồ sơ (tiếp nhận, chuyển xử lý, phê duyệt, trả kết quả…)',
        params: CodeParams,
        body: EventBody,
        response: { 200: DossierDetailView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const { code } = request.params;
      let issueResult: EventFacts | undefined;
      if (request.body.type === 'resolve') {
        // The result is issued with the resolution (decision 010): refuse early what cannot be issued (a taken name).
        const prepared = await prepareResolution(app.ctx, code, actor);
        if (!prepared.ok) throw refuse(prepared, RESOLUTION_REFUSALS);
        issueResult = prepared.issue;
      }
      const audit = async (trx: Kysely<Database>, row: { code: string }) => {
        await appendAudit(trx, auditEntryFor(request, 200, { type: 'dossier', id: row.code }));
      };
      let result: Awaited<ReturnType<typeof applyDossierEvent>>;
      try {
        result = await applyDossierEvent(app.ctx, actor, code, request.body, audit, issueResult);
      } catch (err) {
        // A race lost inside the resolving transaction: nothing was written, the leader is told why.
        throw resolutionRefusal(err) ?? err;
      }
      if (!result.ok) throw refuse(result, DOSSIER_REFUSALS);
      markAudited(request);
      return (await getDossierDetail(app.ctx, actor, code))!;
    },
  );

  app.get(
    '/api/v1/dossiers/:code/result',
    { schema: { tags, summary: 'Tải kết quả giải quyết (bản điện tử, PDF)', params: CodeParams } },
    async (request, reply) => {
      const file = await getResultFile(app.ctx, getActor(request), request.params.code);
      if (!file.ok) throw refuse({ ok: false, reason: 'not_found', message: 'Hồ sơ chưa có kết quả' }, DOSSIER_REFUSALS);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.body);
    },
  );

  app.post(
    '/api/v1/dossiers/:code/supplement',
    {
      schema: {
        tags,
        summary: 'Công dân bổ sung hồ sơ theo yêu cầu (đính kèm giấy tờ mới)',
        params: CodeParams,
        body: SupplementBody,
        response: { 200: DossierDetailView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const result = await provideSupplement(app.ctx, actor, request.params.code, request.body, async (trx, row) => {
        await appendAudit(trx, auditEntryFor(request, 200, { type: 'dossier', id: row.code }));
      });
      if (!result.ok) throw refuse(result, DOSSIER_REFUSALS);
      markAudited(request);
      return (await getDossierDetail(app.ctx, actor, request.params.code))!;
    },
  );

  app.post(
    '/api/v1/dossiers/:code/withdraw',
    {
      schema: {
        tags,
        summary: 'Công dân xin rút hồ sơ',
        params: CodeParams,
        body: WithdrawBody,
        response: { 200: DossierDetailView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const event = { type: 'request_withdrawal', ...(request.body.reason ? { reason: request.body.reason } : {}) };
      const result = await applyDossierEvent(app.ctx, actor, request.params.code, event, async (trx, row) => {
        await appendAudit(trx, auditEntryFor(request, 200, { type: 'dossier', id: row.code }));
      });
      if (!result.ok) throw refuse(result, DOSSIER_REFUSALS);
      markAudited(request);
      return (await getDossierDetail(app.ctx, actor, request.params.code))!;
    },
  );
};
