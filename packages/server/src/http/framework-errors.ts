import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Problem, sendProblem, TYPE_BASE } from './problem';

/**
 * The answers Fastify and Node give before any route runs — a URL that does not decode, a path
 * parameter over the router's limit, a request Node's HTTP parser cannot read — as problem+json
 * with a Vietnamese title, like every other refusal.
 */

/** Fastify's `frameworkErrors` option: routing errors raised before a route is chosen. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendProblem(reply, {
        type: `${TYPE_BASE}malformed-url`,
        title: 'Địa chỉ yêu cầu không hợp lệ',
        status: 400,
        detail: 'Địa chỉ chứa mã ký tự không giải mã được.',
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendProblem(reply, {
        type: `${TYPE_BASE}uri-too-long`,
        title: 'Địa chỉ yêu cầu quá dài',
        status: 414,
        detail: 'Một phần của địa chỉ dài hơn mức cho phép.',
      });
    default:
      reply.log.error({ err: error }, 'routing failed');
      return sendProblem(reply, { type: `${TYPE_BASE}internal`, title: 'Lỗi hệ thống, vui lòng thử lại sau', status: 500 });
  }
}

function clientProblem(err: NodeJS.ErrnoException): Problem {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { type: `${TYPE_BASE}request-timeout`, title: 'Yêu cầu gửi quá chậm, vui lòng thử lại', status: 408 };
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return {
      type: `${TYPE_BASE}headers-too-large`,
      title: 'Địa chỉ hoặc phần đầu yêu cầu quá dài',
      status: 431,
    };
  }
  return { type: `${TYPE_BASE}malformed-request`, title: 'Yêu cầu không đúng giao thức HTTP', status: 400 };
}

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request (bad header, over-long URL or
 * headers, timeout), so there is no request object; the answer is written to the socket itself.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const p = clientProblem(err);
    const body = JSON.stringify(p);
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(err);
}
