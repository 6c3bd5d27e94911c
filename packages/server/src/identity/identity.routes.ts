import {
  CodeSentView,
  LoginBody,
  OfficerRolesView,
  PhoneBody,
  RegisterBody,
  SessionView,
  VerifyPhoneBody,
} from '@dvc/domain/contract/auth';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demoToolsOn } from '../config';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { type Actor, getActor, OFFICER_ROLES, requireRole } from './actor';
import { identityDevRoutes } from './identity.dev.routes';
import { formatVietnamTime, waitText } from './identity.problems';
import { listRolesWithAgency } from './identity.repository';
import { endSession, login } from './identity.service';
import { clearSessionCookie, sessionPlugin, setSessionCookie } from './session.plugin';
import { register, resendCode, SIGN_UP_TTL_MS, verifyPhone } from './sign-up.service';

const tags = ['Tài khoản'];
/** The registering browser's token (sign-up.service.ts): only its own codes set its password. */
const SIGN_UP_COOKIE = 'dvc_sign_up';
const SIGN_UP_COOKIE_PATH = '/api/v1/auth';
/** Per IP and per route: slows password guessing and SMS flooding; the lock-out covers the rest. */
const AUTH_RATE_LIMIT = { max: 10, timeWindow: 60_000 };

type RegisterFailure = Extract<Awaited<ReturnType<typeof register>>, { ok: false }>;
type VerifyFailure = Extract<Awaited<ReturnType<typeof verifyPhone>>, { ok: false }>;
type LoginFailure = Extract<Awaited<ReturnType<typeof login>>, { ok: false }>;

const REGISTER_REFUSALS = refusals<RegisterFailure>({
  'phone-taken': {
    status: 409,
    title: 'Số điện thoại này đã được đăng ký',
    detail: 'Vui lòng đăng nhập. Nếu bạn không tạo tài khoản này, hãy liên hệ bộ phận hỗ trợ.',
    errors: () => [{ field: 'body.phone', message: 'Số điện thoại đã được đăng ký' }],
  },
  'code-too-soon': {
    status: 429,
    title: 'Mã xác thực vừa được gửi tới số điện thoại này',
    detail: (f, now) => `Vui lòng dùng mã đã nhận, hoặc chờ ${waitText(f.retryAt, now)} rồi yêu cầu mã mới.`,
    extra: (f) => ({ retryAt: f.retryAt.toISOString() }),
    retryAt: (f) => f.retryAt,
  },
  'code-daily-limit': {
    status: 429,
    title: 'Số điện thoại này đã nhận đủ số mã xác thực cho phép trong ngày',
    detail: (f, now) => `Vui lòng thử lại sau ${waitText(f.retryAt, now)}.`,
    extra: (f) => ({ retryAt: f.retryAt.toISOString() }),
    retryAt: (f) => f.retryAt,
  },
});

const VERIFY_REFUSALS = refusals<VerifyFailure>({
  'code-invalid': {
    status: 400,
    title: 'Mã xác thực không đúng',
    detail: (f) => (f.attemptsLeft > 0 ? `Bạn còn ${f.attemptsLeft} lần thử.` : 'Vui lòng yêu cầu gửi lại mã mới.'),
    errors: () => [{ field: 'body.code', message: 'Mã xác thực không đúng' }],
  },
  'code-expired': {
    status: 400,
    title: 'Mã xác thực đã hết hạn',
    detail: 'Mã chỉ có hiệu lực trong 5 phút. Vui lòng yêu cầu gửi lại mã mới.',
    errors: () => [{ field: 'body.code', message: 'Mã xác thực đã hết hạn' }],
  },
  'sign-up-unknown': {
    status: 400,
    title: 'Vui lòng nhập mã trên thiết bị bạn đã dùng để đăng ký',
    detail: 'Số điện thoại này có nhiều lượt đăng ký đang chờ xác thực. Nếu không còn trang đăng ký, hãy đăng ký lại.',
    errors: () => [{ field: 'body.code', message: 'Không xác định được lượt đăng ký của mã này' }],
  },
  'too-many-attempts': {
    status: 429,
    code: 'code-attempts-exceeded',
    title: 'Bạn đã nhập sai mã xác thực quá nhiều lần',
    detail: (f, now) =>
      f.retryAt
        ? `Vui lòng thử lại sau ${waitText(f.retryAt, now)}.`
        : 'Mã này không còn dùng được. Vui lòng yêu cầu gửi lại mã mới.',
    extra: (f) => (f.retryAt ? { retryAt: f.retryAt.toISOString() } : {}),
    retryAt: (f) => f.retryAt,
  },
});

const LOGIN_REFUSALS = refusals<LoginFailure>({
  'invalid-credentials': {
    status: 401,
    title: 'Số điện thoại hoặc mật khẩu không đúng',
    detail: 'Vui lòng kiểm tra lại. Sau nhiều lần nhập sai, bạn sẽ phải chờ một lúc trước khi thử lại.',
  },
  throttled: {
    status: 429,
    code: 'login-throttled',
    title: (f, now) => `Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau ${waitText(f.retryAt, now)}`,
    detail: (f) => `Có thể đăng nhập lại từ ${formatVietnamTime(f.retryAt)}.`,
    extra: (f) => ({ retryAt: f.retryAt.toISOString() }),
    retryAt: (f) => f.retryAt,
  },
  'phone-unverified': {
    status: 403,
    title: 'Số điện thoại chưa được xác thực',
    detail: 'Vui lòng nhập mã xác thực đã gửi qua tin nhắn SMS để kích hoạt tài khoản, hoặc yêu cầu gửi lại mã.',
  },
});

function userView(actor: Actor) {
  return { id: actor.userId, kind: actor.kind, fullName: actor.fullName, phone: actor.phone, roles: actor.roles };
}

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rateLimit, {
    global: false,
    // The plugin's own refusal, not a service's failure: a problem like any guard's.
    errorResponseBuilder: (_req, context) =>
      problem(429, 'too-many-requests', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', {
        detail: `Vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây.`,
      }),
  });
  const config = { rateLimit: AUTH_RATE_LIMIT };

  app.post(
    '/api/v1/auth/register',
    {
      config,
      schema: {
        tags,
        summary: 'Công dân đăng ký tài khoản bằng số điện thoại; mã xác thực được gửi qua SMS',
        body: RegisterBody,
        response: { 201: CodeSentView },
      },
    },
    async (request, reply) => {
      const result = await register(app.ctx, request.body);
      if (!result.ok) throw refuse(result, REGISTER_REFUSALS);
      request.auditRecord = { type: 'user_account', id: result.userId };
      reply.setCookie(SIGN_UP_COOKIE, result.signUpToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: app.ctx.config.NODE_ENV === 'production',
        path: SIGN_UP_COOKIE_PATH,
        maxAge: SIGN_UP_TTL_MS / 1000,
      });
      return reply.code(201).send({ phone: request.body.phone, codeExpiresAt: result.codeExpiresAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/auth/verify-phone',
    {
      config,
      schema: {
        tags,
        summary: 'Xác thực số điện thoại bằng mã 6 chữ số (tối đa 5 lần thử mỗi mã, 10 lần mỗi ngày)',
        body: VerifyPhoneBody,
        response: { 200: z.object({ verified: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const result = await verifyPhone(app.ctx, { ...request.body, signUpToken: request.cookies[SIGN_UP_COOKIE] });
      if (!result.ok) throw refuse(result, VERIFY_REFUSALS);
      request.auditRecord = { type: 'user_account', id: result.userId };
      reply.clearCookie(SIGN_UP_COOKIE, { path: SIGN_UP_COOKIE_PATH });
      return { verified: true as const };
    },
  );

  app.post(
    '/api/v1/auth/resend-code',
    {
      config,
      schema: {
        tags,
        summary: 'Gửi lại mã xác thực (nếu số điện thoại đã đăng ký và chưa xác thực)',
        body: PhoneBody,
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (request, reply) => {
      await resendCode(app.ctx, request.body.phone, request.cookies[SIGN_UP_COOKIE]);
      // The same answer whether or not the phone has an account.
      return reply.code(202).send({
        message: 'Nếu số điện thoại đã đăng ký và chưa xác thực, mã mới sẽ được gửi qua tin nhắn SMS trong giây lát.',
      });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config,
      schema: {
        tags,
        summary: 'Đăng nhập (công dân và cán bộ) bằng số điện thoại và mật khẩu',
        body: LoginBody,
        response: { 200: SessionView },
      },
    },
    async (request, reply) => {
      const result = await login(app.ctx, {
        ...request.body,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!result.ok) {
        if ('userId' in result && result.userId) request.auditRecord = { type: 'user_account', id: result.userId };
        throw refuse(result, LOGIN_REFUSALS);
      }
      // The audit row of this request names the person who just signed in.
      request.actor = result.actor;
      request.auditRecord = { type: 'user_account', id: result.actor.userId };
      setSessionCookie(app, reply, result.token);
      request.log.info({ userId: result.actor.userId }, 'signed in');
      return { user: userView(result.actor), csrfToken: result.csrfToken };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, summary: 'Đăng xuất (xóa phiên làm việc)' } }, async (request, reply) => {
    if (request.actor) {
      await endSession(app.ctx, request.actor.sessionId);
      request.auditRecord = { type: 'user_account', id: request.actor.userId };
    }
    clearSessionCookie(app, reply);
    return reply.code(204).send();
  });

  app.get(
    '/api/v1/auth/me',
    { schema: { tags, summary: 'Người dùng đang đăng nhập và mã CSRF của phiên', response: { 200: SessionView } } },
    async (request) => {
      const actor = getActor(request);
      return { user: userView(actor), csrfToken: request.csrfToken ?? '' };
    },
  );

  app.get(
    '/api/v1/auth/officer-roles',
    {
      schema: {
        tags,
        summary: 'Các vai trò của cán bộ đang đăng nhập, theo cơ quan và địa bàn',
        response: { 200: OfficerRolesView },
      },
    },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES);
      const actor = getActor(request);
      return { roles: await listRolesWithAgency(app.ctx.db, actor.provinceCode, actor.userId) };
    },
  );
};

/**
 * Accounts and sessions. Wrapped with fastify-plugin so that the session hook (which sets
 * `request.actor` and checks CSRF) applies to every capability's routes registered after it.
 */
export const identityRoutes = fp(
  async (app) => {
    await app.register(sessionPlugin);
    await app.register(authRoutes);
    if (demoToolsOn(app.ctx.config)) await app.register(identityDevRoutes);
  },
  { name: 'identity' },
);
