import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { getActor } from '../identity/actor';
import { findOwnedFile, findUploadOutcome } from './files.repository';
import { openFileFor, type ReadableFile } from './files.service';
import {
  checkBodyType,
  checkCreation,
  createUploads,
  sendWebResponse,
  toWebRequest,
  UPLOADS_PATH,
  type Uploads,
} from './uploads.tus';

const Sha256Params = z.object({ sha256: z.string().max(64).describe('Mã tệp (SHA-256 của nội dung)') });
const UploadIdParams = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .describe('Mã phiên tải lên (phần cuối của Location)'),
});

const UploadResult = z.object({
  fileId: z.string().describe('Mã tệp (SHA-256) để đính kèm vào hồ sơ'),
  mediaType: z.string().describe('Loại tệp nhận ra từ nội dung'),
  size: z.number().int(),
  originalName: z.string(),
});

/** `inline` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const fileNotFound = () => problem(404, 'file-not-found', 'Không tìm thấy tệp');

const READ_REFUSALS = refusals<Extract<ReadableFile, { ok: false }>>({
  not_found: { status: 404, code: 'file-not-found', title: 'Không tìm thấy tệp' },
});

/**
 * Attachments: resumable uploads (tus) under /api/v1/uploads, the outcome of an upload, and the
 * stored files under /api/v1/files/{sha256} for their owner and whoever may see a dossier holding them.
 */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  // Made on first use: its file store creates <DATA_DIR>/uploads-tmp, which an app that never
  // receives an upload (most test apps) should not leave behind.
  let uploads: Uploads | undefined;
  const tus = () => {
    uploads ??= createUploads(app.ctx);
    return uploads;
  };

  // tus bodies are raw bytes streamed to disk by tus itself: Fastify must not read them.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const cleanUp = () =>
    tus()
      .cleanUp()
      .catch((err) => app.log.warn({ err }, 'expired uploads not cleaned'));
  const timer = setInterval(cleanUp, 6 * 60 * 60 * 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  const handleTus = async (request: FastifyRequest, reply: FastifyReply) => {
    // OPTIONS is the protocol's capability discovery: no session needed.
    const actor = request.method === 'OPTIONS' ? null : getActor(request);
    if (request.method === 'POST') await checkCreation(app.ctx, request);
    const response = await tus().handle(toWebRequest(request), actor);
    const id = response.headers.get('location')?.split('/').pop() ?? (request.params as { id?: string }).id;
    if (id) request.auditRecord = { type: 'upload', id };
    return sendWebResponse(reply, response);
  };

  const tusHooks = {
    // Before the body is parsed; the session is checked first, so a stranger learns nothing more.
    onRequest: async (request: FastifyRequest) => {
      if (request.method === 'OPTIONS') return;
      getActor(request);
      checkBodyType(request);
    },
    // Every answer, refusals included, names the protocol: tus clients then read its problem.
    onSend: async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'OPTIONS') reply.header('tus-resumable', '1.0.0');
    },
  };
  const tusSchema = {
    tags: ['files'],
    summary: 'Tải tệp lên theo giao thức tus 1.0.0 (tải tiếp được khi mất kết nối)',
    description:
      'POST tạo phiên (Upload-Length, Upload-Metadata: filename, procedureCode, componentId) → Location; ' +
      'PATCH gửi dữ liệu từ Upload-Offset; HEAD hỏi đã nhận đến đâu. Lần PATCH cuối trả mã tệp trong ' +
      'header Upload-File-Id. Cần đăng nhập và header x-csrf-token cho POST/PATCH/DELETE. Nội dung PATCH phải là ' +
      'application/offset+octet-stream (415 nếu khác). Mỗi người có giới hạn số phiên và tổng dung lượng đang tải dở ' +
      '(UPLOAD_MAX_OPEN_SESSIONS, UPLOAD_MAX_OPEN_BYTES): vượt quá thì 429.',
  };
  app.route({ method: ['POST', 'OPTIONS'], url: UPLOADS_PATH, schema: tusSchema, ...tusHooks, handler: handleTus });
  app.route({
    method: ['POST', 'OPTIONS'],
    url: `${UPLOADS_PATH}/`,
    schema: { ...tusSchema, hide: true },
    ...tusHooks,
    handler: handleTus,
  });
  app.route({
    method: ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'],
    url: `${UPLOADS_PATH}/:id`,
    schema: { ...tusSchema, params: UploadIdParams },
    ...tusHooks,
    handler: handleTus,
  });

  app.get(
    `${UPLOADS_PATH}/:id/result`,
    {
      schema: {
        tags: ['files'],
        summary: 'Kết quả của một phiên tải lên (mã tệp khi đã lưu)',
        params: UploadIdParams,
        response: { 200: UploadResult },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const { id } = request.params;
      const outcome = await findUploadOutcome(app.ctx.db, app.ctx.config.PROVINCE_CODE, id);
      if (!outcome) {
        const pending = await tus()
          .server.datastore.getUpload(id)
          .catch(() => undefined);
        if (pending && pending.metadata?.ownerId === actor.userId) {
          throw problem(409, 'upload-incomplete', 'Tệp chưa tải lên xong', {
            detail: `Đã nhận ${pending.offset}/${pending.size ?? '?'} byte; hãy tải tiếp.`,
          });
        }
        throw problem(404, 'upload-not-found', 'Không tìm thấy phiên tải lên');
      }
      if (outcome.ownerId !== actor.userId) throw problem(404, 'upload-not-found', 'Không tìm thấy phiên tải lên');
      if (outcome.status === 'rejected' || !outcome.sha256) {
        throw problem(415, 'file-type-not-allowed', outcome.reason ?? 'Tệp không được chấp nhận');
      }
      const file = await findOwnedFile(app.ctx.db, app.ctx.config.PROVINCE_CODE, actor.userId, outcome.sha256);
      if (!file) throw fileNotFound();
      return { fileId: file.sha256, mediaType: file.mediaType, size: file.size, originalName: file.originalName };
    },
  );

  app.get(
    '/api/v1/files/:sha256',
    {
      schema: {
        tags: ['files'],
        summary: 'Tải về một tệp đã lưu (người tải lên, hoặc người xem được một hồ sơ có tệp này)',
        params: Sha256Params,
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const found = await openFileFor(app.ctx, actor, request.params.sha256);
      if (!found.ok) throw refuse(found, READ_REFUSALS);
      return (
        reply
          .type(found.file.mediaType)
          .header('content-length', String(found.file.size))
          .header('content-disposition', contentDisposition(found.file.originalName))
          .header('x-content-type-options', 'nosniff')
          // Content-addressed bytes never change, but only this user may see them.
          .header('cache-control', 'private, max-age=86400, immutable')
          .send(found.body)
      );
    },
  );
};
