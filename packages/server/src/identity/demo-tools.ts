import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from '../http/problem';

/**
 * Who may use the demo tools (SMS outbox, local VNeID stand-in) of a server in demo mode: a browser
 * on the server's own machine, or a signed-in system administrator. request.ip: the socket's address,
 * or — only when the socket is a proxy named in TRUST_PROXY — the client that proxy names. Behind a
 * proxy on this machine every socket is 127.0.0.1, so the socket alone would let in the whole internet.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function mayUseDemoTools(request: FastifyRequest): boolean {
  if (LOOPBACK.has(request.ip)) return true;
  return request.actor?.roles.some((g) => g.role === 'system_admin') ?? false;
}

/** onRequest hook of the demo tools' plugins: to anyone else they do not exist (404). */
export async function demoToolsOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!mayUseDemoTools(request)) return notFoundHandler(request, reply);
}
