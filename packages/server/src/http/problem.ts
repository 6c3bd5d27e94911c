import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldMessages } from './field-messages';
import { type Problem, TYPE_BASE } from './problem-shape';
import { Refused, refusalProblem } from './refusal';

export { type FieldError, type Problem, TYPE_BASE } from './problem-shape';

/**
 * Thrown to answer with a problem not tied to a service's failure (a guard, a missing row). A service's
 * expected failure is a `Failure` value, thrown by the route with `refuse` (refusal.ts).
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly extra: Omit<Problem, 'type' | 'title' | 'status'> = {},
  ) {
    super(title);
  }
}

export function problem(status: number, code: string, title: string, extra: Omit<Problem, 'type' | 'title' | 'status'> = {}) {
  return new ProblemError(status, code, title, extra);
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(p);
}

function toProblem(err: FastifyError | ProblemError | Error, request: FastifyRequest, reply: FastifyReply): Problem {
  if (err instanceof ProblemError) {
    return { type: TYPE_BASE + err.code, title: err.title, status: err.status, ...err.extra };
  }
  if (err instanceof Refused) return refusalProblem(err, request, reply);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => ({
      field: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'Không hợp lệ',
    }));
    return {
      type: `${TYPE_BASE}validation`,
      title: 'Dữ liệu gửi lên không hợp lệ',
      status: 400,
      detail: 'Vui lòng sửa các trường được nêu và gửi lại.',
      errors,
    };
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err }, 'response does not match its schema');
    return { type: `${TYPE_BASE}internal`, title: 'Lỗi hệ thống, vui lòng thử lại sau', status: 500 };
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { type: `${TYPE_BASE}unsupported-media-type`, title: 'Định dạng dữ liệu không được hỗ trợ', status: 415 };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { type: `${TYPE_BASE}payload-too-large`, title: 'Dữ liệu gửi lên quá lớn', status: 413 };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { type: `${TYPE_BASE}malformed-body`, title: 'Dữ liệu gửi lên không đúng định dạng JSON', status: 400 };
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return { type: `${TYPE_BASE}too-many-requests`, title: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', status: 429 };
  }
  if (fe instanceof SyntaxError || fe.statusCode === 400) {
    return { type: `${TYPE_BASE}malformed-body`, title: 'Yêu cầu không hợp lệ', status: 400, detail: fe.message };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { type: `${TYPE_BASE}client-error`, title: 'Yêu cầu không hợp lệ', status: fe.statusCode };
  }
  request.log.error({ err }, 'unhandled error');
  return { type: `${TYPE_BASE}internal`, title: 'Lỗi hệ thống, vui lòng thử lại sau', status: 500 };
}

export function problemErrorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const p = toProblem(err, request, reply);
  // Field messages are built in Vietnamese; a reader who asked for English gets them in English.
  return sendProblem(reply, p.errors ? { ...p, errors: fieldMessages(p.errors, request) } : p);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, {
    type: `${TYPE_BASE}not-found`,
    title: 'Không tìm thấy',
    status: 404,
    detail: `${request.method} ${request.url.split('?')[0]}`,
  });
}
