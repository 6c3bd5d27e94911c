import { CitizenIdNumber, PhoneNumber } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VneidConfig } from '../../config';
import { problem } from '../../http/problem';
import { refusals, refuse } from '../../http/refusal';
import { requireCitizen } from '../actor';
import { mayUseDemoTools } from '../demo-tools';
import { createSession, endSession } from '../identity.service';
import { newToken } from '../secrets';
import { setSessionCookie } from '../session.plugin';
import { findVerifiedIdentity, identityClaims, recordVerifiedIdentity } from './verified-identity';
import { createVneidClient, issuerUrl, redirectUri, usesLocalProvider, type VneidClient } from './vneid.client';
import { ATTEMPT_TTL_MS, type CitizenRefusal, findOrCreateCitizen, saveAttempt, takeAttempt } from './vneid.service';
import { devVneidProvider } from './vneid-stand-in';

const tags = ['Tài khoản'];
export const ATTEMPT_COOKIE = 'dvc_vneid';
const COOKIE_PATH = '/api/v1/auth/vneid';
/** Where a signed-in citizen lands, and where a cancelled login goes back to. */
const AFTER_LOGIN = '/ho-so';
const LOGIN_PAGE = '/dang-nhap';

const refused = (detail: string) =>
  problem(400, 'vneid-refused', 'Đăng nhập bằng VNeID không thành công', {
    detail: `${detail} Vui lòng thử đăng nhập lại.`,
  });

const CITIZEN_REFUSALS = refusals<CitizenRefusal>({
  'officer-phone': {
    status: 409,
    code: 'vneid-officer-phone',
    title: 'Số điện thoại trong VNeID đang dùng cho tài khoản cán bộ',
    detail: 'Cán bộ đăng nhập bằng số điện thoại và mật khẩu.',
  },
  'phone-missing': {
    status: 422,
    code: 'vneid-phone-missing',
    title: 'Tài khoản VNeID chưa có số điện thoại',
    detail: 'Vui lòng cập nhật số điện thoại trong ứng dụng VNeID rồi đăng nhập lại.',
  },
});

/**
 * "Đăng nhập bằng VNeID": OpenID Connect authorization code flow with PKCE against the national
 * identity provider (VNEID_ISSUER), or — default mode with dev tools — the local stand-in mounted
 * here under /dev-vneid. The identity number (citizen_id claim) maps to one citizen account.
 */
export const vneidRoutes: FastifyPluginAsyncZod<{ env?: VneidConfig; client?: VneidClient }> = async (app, opts) => {
  const config = app.ctx.config;
  const env = opts.env ?? config.vneid;
  const local = usesLocalProvider(env, config);
  const enabled = env.issuer !== undefined || local;
  if (local) {
    await app.register(devVneidProvider, {
      issuer: issuerUrl(env, config),
      clientId: env.clientId,
      clientSecret: env.clientSecret,
      redirectUris: [redirectUri(env, config)],
    });
  }
  const client = opts.client ?? createVneidClient(env, config);
  const secure = config.NODE_ENV === 'production';
  const disabled = () => problem(404, 'vneid-disabled', 'Đăng nhập bằng VNeID chưa được cấu hình');

  app.get(
    '/api/v1/auth/verified-identity',
    {
      schema: {
        tags,
        summary: 'Danh tính đã xác thực qua VNeID của công dân đang đăng nhập (điền sẵn biểu mẫu, miễn bản sao giấy tờ)',
        response: {
          200: z.object({
            verified: z.boolean(),
            identity: z
              .object({
                citizenId: z.string(),
                fullName: z.string(),
                birthDate: z.string().optional(),
                sex: z.enum(['male', 'female']).optional(),
                residence: z.string().optional(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => {
      const identity = await findVerifiedIdentity(app.ctx, requireCitizen(request).userId);
      return { verified: identity !== undefined, identity: identity ?? null };
    },
  );

  app.get(
    '/api/v1/auth/vneid/start',
    { schema: { tags, summary: 'Bắt đầu đăng nhập bằng tài khoản định danh điện tử VNeID (chuyển hướng)' } },
    async (request, reply) => {
      // The local stand-in signs anyone in as its test identities: only for whom it answers at all.
      if (!enabled || (local && !mayUseDemoTools(request))) throw disabled();
      // A GET anyone can link to from another site: it must change nothing but the attempt cookie.
      // The session this browser has ends only when the VNeID login completes (callback).
      let started: Awaited<ReturnType<VneidClient['start']>>;
      try {
        started = await client.start();
      } catch (err) {
        request.log.error({ err }, 'VNeID discovery failed');
        throw problem(503, 'vneid-unavailable', 'Hệ thống VNeID tạm thời không kết nối được', {
          detail: 'Vui lòng thử lại sau ít phút hoặc đăng nhập bằng số điện thoại.',
        });
      }
      const cookieValue = newToken();
      await saveAttempt(app.ctx, cookieValue, { state: started.state, nonce: started.nonce, codeVerifier: started.codeVerifier });
      reply.setCookie(ATTEMPT_COOKIE, cookieValue, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
        sameSite: 'lax',
        secure,
        path: COOKIE_PATH,
        maxAge: ATTEMPT_TTL_MS / 1000,
      });
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    '/api/v1/auth/vneid/callback',
    {
      schema: {
        tags,
        summary: 'VNeID chuyển về sau khi người dân xác thực: đối chiếu, đăng nhập và chuyển tới trang hồ sơ',
        // Providers add parameters of their own (iss, session_state…): not a strict object.
        querystring: z.looseObject({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() }),
      },
    },
    async (request, reply) => {
      if (!enabled) throw disabled();
      const cookieValue = request.cookies[ATTEMPT_COOKIE];
      reply.clearCookie(ATTEMPT_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH });
      const attempt = cookieValue ? await takeAttempt(app.ctx, cookieValue) : undefined;
      if (!attempt) throw refused('Phiên đăng nhập VNeID không hợp lệ hoặc đã quá 10 phút.');
      if (request.query.error) {
        request.log.info({ error: request.query.error }, 'VNeID login not completed');
        return reply.redirect(`${LOGIN_PAGE}?vneid=${request.query.error === 'access_denied' ? 'huy' : 'loi'}`, 302);
      }

      const callbackUrl = new URL(redirectUri(env, config));
      callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
      let claims: Record<string, unknown>;
      try {
        ({ claims } = await client.finish(callbackUrl, attempt));
      } catch (err) {
        request.log.warn({ err: (err as Error).message }, 'VNeID callback refused');
        throw refused('Thông tin xác thực trả về từ VNeID không hợp lệ.');
      }
      const citizenId = CitizenIdNumber.safeParse(claims[env.citizenIdClaim]);
      const name = typeof claims.name === 'string' ? claims.name.trim() : '';
      if (!citizenId.success || !name) throw refused('VNeID không cung cấp số định danh cá nhân hoặc họ tên.');
      const phone = PhoneNumber.safeParse(claims.phone_number);

      const found = await findOrCreateCitizen(app.ctx, {
        citizenId: citizenId.data,
        fullName: name,
        phone: phone.success ? phone.data : undefined,
      });
      if (!found.ok) throw refuse(found, CITIZEN_REFUSALS);
      // Signing in as somebody (possibly else) ends the session this browser had.
      await recordVerifiedIdentity(app.ctx, found.user.id, {
        citizenId: citizenId.data,
        fullName: name,
        ...identityClaims(claims),
      });
      if (request.actor) await endSession(app.ctx, request.actor.sessionId);
      const session = await createSession(app.ctx, found.user, request.ip ?? null, request.headers['user-agent'] ?? null);
      request.actor = session.actor;
      setSessionCookie(app, reply, session.token);
      request.log.info({ userId: session.actor.userId, created: found.created }, 'signed in with VNeID');
      return reply.redirect(AFTER_LOGIN, 302);
    },
  );
};
