import { Password } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import {
  type ChangePasswordResult,
  changePassword,
  countLiveSessions,
  endAllSessions,
  type ProfileUpdateResult,
  readProfile,
  updateProfile,
} from './account.service';
import { getActor, requireCitizen } from './actor';
import { waitText } from './identity.problems';
import { clearSessionCookie } from './session.plugin';

const tags = ['Tài khoản'];

const ProfileView = z.object({
  fullName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  identityVerified: z.boolean(),
  liveSessions: z.number(),
});

const ProfileBody = z.strictObject({
  fullName: z.string().trim().min(2, { message: 'Vui lòng nhập họ và tên' }).max(200),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Địa chỉ e-mail không hợp lệ' })
    .nullish()
    .transform((v) => (v ? v : null)),
});

const notFound = () => problem(404, 'not-found', 'Không tìm thấy tài khoản');

const PROFILE_REFUSALS = refusals<Extract<ProfileUpdateResult, { ok: false }>>({
  'not-found': { status: 404, title: 'Không tìm thấy tài khoản' },
  'name-from-vneid': {
    status: 409,
    title: 'Họ tên đã được xác thực qua VNeID',
    detail: 'Họ tên lấy từ Cơ sở dữ liệu quốc gia về dân cư; muốn sửa, vui lòng cập nhật tại cơ quan công an.',
    errors: () => [{ field: 'body.fullName', message: 'Không sửa được họ tên đã xác thực' }],
  },
});

const PASSWORD_CHANGE_REFUSALS = refusals<Extract<ChangePasswordResult, { ok: false }>>({
  throttled: {
    status: 429,
    code: 'too-many-requests',
    title: (f, now) => `Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau ${waitText(f.retryAt, now)}`,
    retryAt: (f) => f.retryAt,
  },
  'wrong-password': {
    status: 400,
    title: 'Mật khẩu hiện tại không đúng',
    errors: () => [{ field: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng' }],
  },
});

/** A signed-in person's own account: profile, password, sessions. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/account/profile',
    { schema: { tags, summary: 'Thông tin tài khoản của công dân đang đăng nhập', response: { 200: ProfileView } } },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const profile = await readProfile(app.ctx, actor);
      if (!profile) throw notFound();
      reply.header('cache-control', 'no-store');
      return { ...profile, liveSessions: await countLiveSessions(app.ctx, actor) };
    },
  );

  app.put(
    '/api/v1/account/profile',
    {
      schema: {
        tags,
        summary: 'Sửa họ tên và e-mail (họ tên đã xác thực qua VNeID không sửa được)',
        body: ProfileBody,
        response: { 200: ProfileView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const result = await updateProfile(app.ctx, actor, request.body);
      if (!result.ok) throw refuse(result, PROFILE_REFUSALS);
      request.auditRecord = { type: 'user_account', id: actor.userId };
      return { ...result.profile, liveSessions: await countLiveSessions(app.ctx, actor) };
    },
  );

  app.put(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Đổi mật khẩu (cần mật khẩu hiện tại); các thiết bị khác bị đăng xuất',
        body: z.strictObject({
          currentPassword: z.string().min(1, { message: 'Vui lòng nhập mật khẩu hiện tại' }).max(128),
          newPassword: Password,
        }),
        response: { 200: z.object({ endedSessions: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const result = await changePassword(app.ctx, actor, request.body);
      request.auditRecord = { type: 'user_account', id: actor.userId };
      if (!result.ok) throw refuse(result, PASSWORD_CHANGE_REFUSALS);
      return { endedSessions: result.endedSessions };
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'Đăng xuất khỏi mọi thiết bị (thiết bị này nữa nếu includeThisDevice)',
        body: z.strictObject({ includeThisDevice: z.boolean() }),
        response: { 200: z.object({ endedSessions: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const ended = await endAllSessions(app.ctx, actor, request.body);
      request.auditRecord = { type: 'user_account', id: actor.userId };
      if (request.body.includeThisDevice) clearSessionCookie(app, reply);
      return { endedSessions: ended };
    },
  );
};
