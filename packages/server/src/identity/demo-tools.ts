import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from '../http/problem';

/**
 * Who may use the demo tools (SMS outbox, local VNeID stand-in) of a server in demo mode: a browser
 * on the server's own machine, or a signed-in system administrator. The socket's address, never a
 * forwarded header: X-Forwarded-For is written by the client.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function mayUseDemoTools(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress;
  if (address !== undefined && LOOPBACK.has(address)) return true;
  return request.actor?.roles.some((g) => g.role === 'system_admin') ?? false;
}

/** onRequest hook of the demo tools' plugins: to anyone else they do not exist (404). */
export async function demoToolsOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!mayUseDemoTools(request)) return notFoundHandler(request, reply);
}
