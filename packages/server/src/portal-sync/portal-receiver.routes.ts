import { PORTAL_STATUSES } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PortalSyncConfig } from '../config';
import { problem } from '../http/problem';
import { requireRole } from '../identity/actor';
import { safeEqual } from '../identity/secrets';
import { LOCAL_RECEIVER_PATH, MESSAGE_ID_HEADER, SIGNATURE_HEADER, signBody } from './portal-sync.sender';

/** What the portal accepts: its status vocabulary and channel codes, nothing of ours. */
const ReceivedMessage = z.object({
  messageId: z.string().uuid(),
  dossierCode: z.string().min(1),
  seq: z.number().int().min(1),
  status: z.enum(PORTAL_STATUSES),
  channel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as it arrived: the signature is over these bytes, not over a re-serialisation. */
    rawBody?: string;
  }
}

const tags = ['Công cụ phát triển'];

/**
 * The local stand-in for the national portal (default mode, or DEV_TOOLS): checks the signature,
 * records each message id once (a repeat is acknowledged 200 but not stored again), and lists
 * what it got. Encapsulated: its raw-body JSON parser applies to its own routes only.
 */
export const portalReceiverRoutes: FastifyPluginAsyncZod<{ env: PortalSyncConfig }> = async (app, opts) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(problem(400, 'invalid-json', 'Nội dung không phải JSON hợp lệ'), undefined);
    }
  });

  app.post(
    LOCAL_RECEIVER_PATH,
    {
      schema: {
        tags,
        summary: 'Nơi nhận giả lập Cổng DVC quốc gia: kiểm tra chữ ký, ghi nhận mỗi thông điệp một lần',
        body: z.looseObject(ReceivedMessage.shape),
        response: { 200: z.object({ messageId: z.string(), duplicate: z.boolean() }) },
      },
    },
    async (request) => {
      const sent = request.headers[SIGNATURE_HEADER];
      const raw = request.rawBody ?? '';
      if (typeof sent !== 'string' || !safeEqual(sent, signBody(opts.env.secret, raw)))
        throw problem(401, 'bad-signature', 'Chữ ký của thông điệp không hợp lệ');
      const m = request.body;
      if (request.headers[MESSAGE_ID_HEADER] !== m.messageId)
        throw problem(400, 'message-id-mismatch', 'Mã thông điệp trong tiêu đề và nội dung không khớp');
      const inserted = await app.ctx.db
        .insertInto('portalReceivedMessage')
        .values({
          provinceCode: app.ctx.config.PROVINCE_CODE,
          messageId: m.messageId,
          dossierCode: m.dossierCode,
          seq: m.seq,
          payload: raw,
          receivedAt: app.ctx.now(),
        })
        .onConflict((oc) => oc.column('messageId').doNothing())
        .returning('id')
        .executeTakeFirst();
      return { messageId: m.messageId, duplicate: inserted === undefined };
    },
  );

  app.get(
    LOCAL_RECEIVER_PATH,
    {
      schema: {
        tags,
        summary: 'Các thông điệp nơi nhận giả lập đã ghi nhận (mới nhất trước; quản trị viên)',
        querystring: z.strictObject({
          dossierCode: z.string().max(60).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            messages: z.array(
              z.object({ messageId: z.string(), receivedAt: z.string(), payload: z.record(z.string(), z.unknown()) }),
            ),
          }),
        },
      },
    },
    async (request) => {
      // The payloads name applicants, and this receiver may run in production (no portal URL yet).
      requireRole(request, 'province_admin', 'system_admin');
      let q = app.ctx.db
        .selectFrom('portalReceivedMessage')
        .select(['messageId', 'receivedAt', 'payload'])
        .where('provinceCode', '=', app.ctx.config.PROVINCE_CODE);
      if (request.query.dossierCode) q = q.where('dossierCode', '=', request.query.dossierCode);
      const rows = await q.orderBy('id', 'desc').limit(request.query.limit).execute();
      return { messages: rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt).toISOString() })) };
    },
  );
};
