import { deliverySchema } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refuse } from '../http/refusal';
import { getActor, requireCitizen } from '../identity/actor';
import { getGroup, submitGroup } from './dossier-group.service';
import { createIdempotently, DOSSIER_REFUSALS } from './dossier-http';
import { DossierSummaryView, SubmittedView } from './dossiers.schemas';

const tags = ['dossiers'];

const GroupBody = z.strictObject({
  group: z.enum(['birth', 'death']),
  unitCode: z
    .string()
    .trim()
    .regex(/^\d{2,5}$/, { message: 'Chọn xã, phường' }),
  channel: z.enum(['web', 'mobile']).default('web'),
  form: z.record(z.string(), z.unknown()),
  attachments: z
    .array(
      z.strictObject({
        procedureCode: z.string().max(50),
        componentId: z.string().max(100),
        fileId: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(50)
    .default([]),
  delivery: deliverySchema,
  /** Procedure code → the version its part of the form was filled for (absent: the current one). */
  procedureVersions: z.record(z.string().max(50), z.number().int().positive().max(1_000_000)).optional(),
});

const GroupView = z.object({ code: z.string(), title: z.string(), members: z.array(SubmittedView) });
const GroupDetailView = z.object({
  code: z.string(),
  title: z.string(),
  status: z.enum(['complete', 'in_progress', 'incomplete']),
  statusLabel: z.string(),
  members: z.array(DossierSummaryView),
});

/** Interlinked groups (liên thông): one filing, one dossier per agency, one view for the citizen. */
export const dossierGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/dossier-groups',
    {
      schema: {
        tags,
        summary: 'Nộp nhóm thủ tục liên thông (khai sinh hoặc khai tử) — cần Idempotency-Key',
        body: GroupBody,
        response: { 201: GroupView },
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
