import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { problem } from '../http/problem';
import { resumeSession, SESSION_MAX_MS } from './identity.service';
import { safeEqual } from './secrets';
import { resumeCachedSession } from './session-cache';

export const SESSION_COOKIE = 'dvc_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The CSRF token of the request's session; null without a live session. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route stands in for another site and guards its own forms: no x-csrf-token check. */
    ownCsrf?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.ctx.config.NODE_ENV === 'production',
    path: '/',
    // The database decides when the session ends; the cookie only has to outlive it.
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.ctx.config.NODE_ENV === 'production',
    path: '/',
  });
}

function isOwnOrigin(app: FastifyInstance, request: FastifyRequest, origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // includes the opaque origin "null"
  }
  if (host === request.host) return true;
  const publicUrl = app.ctx.config.PUBLIC_URL;
  return publicUrl !== undefined && new URL(publicUrl).host === host;
}

const csrfProblem = () =>
  problem(403, 'csrf', 'Yêu cầu bị từ chối vì không xác minh được nguồn gửi', {
    detail: 'Vui lòng tải lại trang và thử lại.',
  });

/**
 * App-wide (fastify-plugin): turns the session cookie into `request.actor` and guards every
 * state-changing request against cross-site forgery — a foreign Origin is refused, and a request
 * that carries a live session must echo that session's CSRF token in the x-csrf-token header.
 */
export const sessionPlugin = fp(
  async (app) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('csrfToken', null);
    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const live = await resumeCachedSession(app.ctx, token, () => resumeSession(app.ctx, token));
        if (live) {
          request.actor = live.actor;
          request.csrfToken = live.csrfToken;
        } else {
          clearSessionCookie(app, reply);
        }
      }
      if (!STATE_CHANGING.has(request.method)) return;
      // A route that stands in for another site (the local VNeID provider) guards its own forms.
      if (request.routeOptions.config?.ownCsrf) return;
      const origin = request.headers.origin;
      if (origin !== undefined && !isOwnOrigin(app, request, origin)) throw csrfProblem();
      if (request.csrfToken !== null) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) throw csrfProblem();
      }
    });
  },
  { name: 'identity-session', dependencies: ['@fastify/cookie'] },
);
