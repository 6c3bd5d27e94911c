import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MAX_COMPONENT_BYTES } from '@dvc/domain/procedure-definition/definition';
import { FileStore } from '@tus/file-store';
import { ERRORS, Metadata, Server, type Upload } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context';
import { type Problem, problem } from '../http/problem';
import type { Actor } from '../identity/actor';
import {
  deleteExpiredUploadSessions,
  recordUploadOutcome,
  releaseUploadSession,
  reserveUploadSession,
  type UploadQuota,
} from './files.repository';
import { componentLimits, megabytes, storeFileAt, tooLargeMessage, wrongTypeMessage } from './files.service';

/**
 * Resumable uploads (tus 1.0.0) through @tus/server: the bytes go to `<DATA_DIR>/uploads-tmp` as
 * they arrive, so a phone that loses its connection asks (HEAD) how far it got and sends the rest.
 * When the last byte is in, the real type is sniffed, the file moves into the blob store and the
 * temporary upload is removed.
 *
 * Fastify routes hand each request over as a web Request (handleWeb) and send the web Response
 * back through the reply, so that session, CSRF, audit and problem+json work as on every route.
 */
export const UPLOADS_PATH = '/api/v1/uploads';
export const FILE_ID_HEADER = 'Upload-File-Id';
export const FILE_TYPE_HEADER = 'Upload-File-Type';
/** The only body a tus request carries (PATCH, and POST with creation-with-upload). */
export const TUS_BODY_TYPE = 'application/offset+octet-stream';
/** The shape of procedure codes and component ids: anything else names none (and never reaches SQL). */
const CODE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Unfinished uploads are dropped after this long (the client then starts over). */
const EXPIRY_MS = 3 * 24 * 60 * 60 * 1000;

/** The largest file any procedure definition may take: a backstop behind the per-component check at creation. */
const MAX_ANY_COMPONENT = MAX_COMPONENT_BYTES;

const TYPE_BASE = 'https://dvc.quangngai.gov.vn/problems/';

export interface UploadMetadata {
  filename?: string;
  procedureCode?: string;
  componentId?: string;
  /** Set by the server at creation, whatever the client sent. */
  ownerId?: string;
}

export function parseUploadMetadata(header: string | undefined): UploadMetadata | undefined {
  if (!header) return {};
  try {
    return Metadata.parse(header) as UploadMetadata;
  } catch {
    return undefined;
  }
}

const invalid = (field: string, message: string) =>
  problem(400, 'validation', 'Dữ liệu gửi lên không hợp lệ', {
    detail: 'Vui lòng sửa các trường được nêu và gửi lại.',
    errors: [{ field, message }],
  });

/** Refuses, before a byte is stored, an upload the procedure would not take. */
export async function checkCreation(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const header = (name: string) => {
    const v = request.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  if (header('upload-defer-length') !== undefined || header('upload-concat') !== undefined) {
    throw invalid('headers.upload-length', 'Cần cho biết kích thước tệp khi bắt đầu tải lên');
  }
  const length = header('upload-length');
  if (length === undefined || !/^\d{1,15}$/.test(length)) {
    throw invalid('headers.upload-length', 'Cần cho biết kích thước tệp khi bắt đầu tải lên');
  }
  if (Number(length) === 0) throw invalid('headers.upload-length', 'Tệp rỗng');
  const meta = parseUploadMetadata(header('upload-metadata'));
  if (!meta) throw invalid('headers.upload-metadata', 'Upload-Metadata không đúng định dạng tus');
  if (!meta.procedureCode) throw invalid('metadata.procedureCode', 'Thiếu mã thủ tục');
  if (!CODE_PATTERN.test(meta.procedureCode)) throw invalid('metadata.procedureCode', 'Mã thủ tục không hợp lệ');
  if (!meta.componentId) throw invalid('metadata.componentId', 'Thiếu thành phần hồ sơ');
  if (!CODE_PATTERN.test(meta.componentId)) throw invalid('metadata.componentId', 'Thủ tục không có thành phần hồ sơ này');
  const limits = await componentLimits(ctx, meta.procedureCode, meta.componentId);
  if (!limits) throw invalid('metadata.componentId', 'Thủ tục không có thành phần hồ sơ này');
  if (Number(length) > limits.maxBytes) {
    throw problem(413, 'file-too-large', tooLargeMessage(limits.maxBytes), {
      detail: `Thành phần "${limits.name}" nhận tệp tối đa ${limits.maxBytes} byte.`,
    });
  }
}

/**
 * Refuses, before Fastify parses it, a PATCH (or a creation) whose body is not tus bytes: a JSON
 * parser would otherwise consume the stream tus is about to read.
 */
export function checkBodyType(request: FastifyRequest): void {
  if (request.method !== 'PATCH' && request.method !== 'POST') return;
  const type = request.headers['content-type'];
  if (type === undefined && request.method === 'POST') return;
  if (type?.split(';')[0]?.trim().toLowerCase() === TUS_BODY_TYPE) return;
  throw problem(
    415,
    'upload-content-type',
    'Dữ liệu tải lên không đúng định dạng (cần Content-Type: application/offset+octet-stream)',
    {
      detail: 'Tệp được gửi theo giao thức tus: nội dung tệp ở dạng byte, không phải JSON hay biểu mẫu.',
    },
  );
}

/** The refusal the web app shows where the file was picked (its tus client reads the title). */
export function quotaProblem(reason: 'too_many_sessions' | 'too_many_bytes', quota: UploadQuota, openBytes: number): Problem {
  const wait = 'Vui lòng chờ các tệp đó tải xong (hoặc hủy bớt) rồi thử lại.';
  const title =
    reason === 'too_many_sessions'
      ? `Bạn đang có quá nhiều tệp chưa tải lên xong (tối đa ${quota.maxSessions} tệp cùng lúc). ${wait}`
      : `Tổng dung lượng các tệp đang tải dở của bạn sẽ vượt quá ${megabytes(quota.maxBytes)} MB. ${wait}`;
  return {
    type: `${TYPE_BASE}upload-quota-exceeded`,
    title,
    status: 429,
    detail: `Mỗi người được có tối đa ${quota.maxSessions} tệp đang tải dở, tổng cộng ${megabytes(quota.maxBytes)} MB; hiện đã khai báo ${megabytes(openBytes)} MB. Tệp tải xong hoặc hết hạn (sau ${EXPIRY_MS / 86_400_000} ngày) không còn được tính.`,
  };
}

export interface Uploads {
  server: Server;
  /** Answers one tus request of `actor` (null only for OPTIONS). */
  handle(request: Request, actor: Actor | null): Promise<Response>;
  /** Drops the expired uploads and their sessions. */
  cleanUp(): Promise<void>;
}

export function createUploads(ctx: AppContext): Uploads {
  const directory = join(ctx.config.DATA_DIR, 'uploads-tmp');
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: EXPIRY_MS });
  const provinceCode = ctx.config.PROVINCE_CODE;
  const quota: UploadQuota = { maxSessions: ctx.config.UPLOAD_MAX_OPEN_SESSIONS, maxBytes: ctx.config.UPLOAD_MAX_OPEN_BYTES };
  const actors = new WeakMap<Request, Actor>();
  /** The upload id each creation reserved a session for. */
  const reserved = new WeakMap<Request, string>();
  const actorOf = (req: Request): Actor => {
    const actor = actors.get(req);
    if (!actor) throw ERRORS.FILE_NOT_FOUND; // unreachable: routes require a session first
    return actor;
  };
  const release = (uploadId: string) => releaseUploadSession(ctx.db, provinceCode, uploadId);

  const server: Server = new Server({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    // Same-origin app: no CORS header at all (the default would be "*").
    allowedOrigins: [],
    exposedHeaders: [FILE_ID_HEADER, FILE_TYPE_HEADER],
    maxSize: MAX_ANY_COMPONENT,
    // Counted before the upload exists: a refused creation leaves nothing on disk.
    async onUploadCreate(req, upload) {
      const actor = actorOf(req);
      const now = ctx.now();
      const reservation = await reserveUploadSession(
        ctx.db,
        {
          uploadId: upload.id,
          provinceCode,
          ownerId: actor.userId,
          declaredBytes: upload.size ?? 0,
          createdAt: now,
          expiresAt: new Date(now.getTime() + EXPIRY_MS),
        },
        quota,
      );
      if (!reservation.ok) {
        throw { status_code: 429, body: JSON.stringify(quotaProblem(reservation.reason, quota, reservation.openBytes)) };
      }
      reserved.set(req, upload.id);
      return { metadata: { ...upload.metadata, ownerId: actor.userId } };
    },
    // An upload id is only usable by the one who created it; anyone else is told it does not exist.
    async onIncomingRequest(req, id) {
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      const upload = await datastore.getUpload(id);
      if (upload.metadata?.ownerId !== actorOf(req).userId) throw ERRORS.FILE_NOT_FOUND;
    },
    async onUploadFinish(req, upload: Upload) {
      const actor = actorOf(req);
      const meta = (upload.metadata ?? {}) as UploadMetadata;
      const limits = await componentLimits(ctx, meta.procedureCode ?? '', meta.componentId ?? '');
      const accepts = limits?.accepts ?? [];
      const path = join(directory, upload.id);
      try {
        const result = await storeFileAt(ctx, actor.userId, meta.filename, path, accepts);
        const base = { uploadId: upload.id, provinceCode, ownerId: actor.userId, finishedAt: ctx.now() };
        if (result.ok) {
          await recordUploadOutcome(ctx.db, { ...base, status: 'stored', sha256: result.file.sha256, reason: null });
          return { headers: { [FILE_ID_HEADER]: result.file.sha256, [FILE_TYPE_HEADER]: result.file.mediaType } };
        }
        const title = wrongTypeMessage(accepts.length > 0 ? accepts : ['pdf', 'jpeg', 'png']);
        await recordUploadOutcome(ctx.db, { ...base, status: 'rejected', sha256: null, reason: title });
        throw { status_code: 415, body: JSON.stringify(wrongTypeProblem(title, result.mediaType)) };
      } finally {
        // Stored or refused, the temporary copy has served its purpose and no longer counts.
        await datastore.remove(upload.id).catch(() => {});
        await release(upload.id);
      }
    },
  });

  return {
    server,
    async handle(request, actor) {
      if (actor) actors.set(request, actor);
      const response = await server.handleWeb(request);
      const reservedId = reserved.get(request);
      // A creation that failed after its session was reserved (a full disk…) must not hold it for days.
      if (reservedId && response.status >= 400 && !(await datastore.getUpload(reservedId).catch(() => undefined))) {
        await release(reservedId);
      }
      if (request.method === 'DELETE' && response.status === 204) {
        await release(new URL(request.url).pathname.split('/').pop() ?? '');
      }
      return response;
    },
    async cleanUp() {
      await deleteExpiredUploadSessions(ctx.db, provinceCode, ctx.now());
      await server.cleanUpExpiredUploads();
    },
  };
}

export function wrongTypeProblem(title: string, sniffed: string | undefined): Problem {
  return {
    type: `${TYPE_BASE}file-type-not-allowed`,
    title,
    status: 415,
    detail: sniffed
      ? `Nội dung tệp là ${sniffed}, không phải loại được phép (tên tệp không quyết định loại tệp).`
      : 'Không nhận ra loại tệp từ nội dung (tên tệp không quyết định loại tệp).',
  };
}

/** tus answers errors in English plain text; the app answers problem+json in Vietnamese. */
function tusProblem(status: number, text: string): Problem {
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as Problem;
    } catch {
      // fall through to the generic mapping
    }
  }
  const titles: Record<number, [string, string]> = {
    400: ['upload-invalid', 'Yêu cầu tải lên không hợp lệ'],
    403: ['upload-invalid', 'Yêu cầu tải lên không hợp lệ'],
    404: ['upload-not-found', 'Không tìm thấy phiên tải lên (có thể đã xong hoặc đã hết hạn)'],
    409: ['upload-offset-conflict', 'Vị trí tải tiếp không khớp với dữ liệu máy chủ đã nhận'],
    410: ['upload-expired', 'Phiên tải lên đã hết hạn, vui lòng tải lại từ đầu'],
    412: ['upload-protocol', 'Thiếu hoặc sai phiên bản giao thức tải lên (Tus-Resumable: 1.0.0)'],
    413: ['file-too-large', 'Dữ liệu gửi lên vượt quá kích thước tệp đã khai báo'],
  };
  const [code, title] = titles[status] ?? ['internal', 'Lỗi hệ thống, vui lòng thử lại sau'];
  // A 5xx text may carry an internal error message: never shown to the client.
  const detail = status < 500 && text.trim() ? text.trim() : undefined;
  return { type: TYPE_BASE + code, title, status, ...(detail ? { detail } : {}) };
}

const SKIPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'cookie']);

/** The Fastify request as a web Request whose body streams from the socket (not buffered). */
export function toWebRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || SKIPPED_REQUEST_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const withBody = request.method === 'PATCH' || (request.method === 'POST' && headers.get('content-type') !== null);
  return new Request(`http://${request.host}${request.url}`, {
    method: request.method,
    headers,
    body: withBody ? (Readable.toWeb(request.raw) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM types lack it.
    duplex: 'half',
  });
}

/** Sends tus's web Response through Fastify, error bodies turned into problem+json. */
export async function sendWebResponse(reply: FastifyReply, res: Response) {
  const text = res.status === 204 ? '' : await res.text();
  res.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-type') reply.header(name, value);
  });
  if (res.status >= 400) {
    const p = tusProblem(res.status, text);
    return reply.code(p.status).type('application/problem+json; charset=utf-8').send(p);
  }
  reply.code(res.status);
  return res.status === 204 || text === '' ? reply.send() : reply.type('text/plain; charset=utf-8').send(text);
}
