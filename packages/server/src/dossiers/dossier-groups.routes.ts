import { GroupBody, GroupDetailView, GroupView } from '@dvc/domain/contract/dossiers';
import { IdempotencyKeyHeaders, idempotentFailures } from '@dvc/domain/contract/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refuse } from '../http/refusal';
import { getActor, requireCitizen } from '../identity/actor';
import { getGroup, submitGroup } from './dossier-group.service';
import { createIdempotently, DOSSIER_REFUSALS } from './dossier-http';

const tags = ['dossiers'];

/** Interlinked groups (liên thông): one filing, one dossier per agency, one view for the citizen. */
export const dossierGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/dossier-groups',
    {
      schema: {
        tags,
        summary: 'Nộp nhóm thủ tục liên thông (khai sinh hoặc khai tử) — cần Idempotency-Key',
        body: GroupBody,
        headers: IdempotencyKeyHeaders,
        response: { 201: GroupView, ...idempotentFailures },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      return createIdempotently(request, reply, actor, (inTransaction) =>
        submitGroup(app.ctx, actor, request.body, inTransaction),
      );
    },
  );

  app.get(
    '/api/v1/dossier-groups/:code',
    {
      schema: {
        tags,
        summary: 'Theo dõi nhóm thủ tục liên thông',
        params: z.strictObject({ code: z.string().max(80) }),
        response: { 200: GroupDetailView },
      },
    },
    async (request) => {
      const group = await getGroup(app.ctx, getActor(request), request.params.code);
      if (!group) throw refuse({ ok: false, reason: 'not_found', message: 'Không tìm thấy nhóm hồ sơ' }, DOSSIER_REFUSALS);
      return group as z.infer<typeof GroupDetailView>;
    },
  );
};
