import { Password, PhoneNumber } from '@dvc/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refusals, refuse } from '../http/refusal';
import { waitText } from './identity.problems';
import {
  confirmPasswordReset,
  type ResetConfirmResult,
  type ResetRequestResult,
  requestPasswordReset,
} from './password-reset.service';

const tags = ['Tài khoản'];

/** The same words for every phone, with or without an account. */
export const RESET_SENT_MESSAGE =
  'Nếu số điện thoại đã đăng ký tài khoản, mã đặt lại mật khẩu sẽ được gửi qua tin nhắn SMS trong giây lát. Mỗi số nhận tối đa 5 mã mỗi ngày, cách nhau ít nhất 1 phút.';

const throttled = {
  status: 429,
  code: 'too-many-requests',
  title: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  detail: (f: { retryAt: Date }, now: Date) => `Vui lòng thử lại sau ${waitText(f.retryAt, now)}.`,
  extra: (f: { retryAt: Date }) => ({ retryAt: f.retryAt.toISOString() }),
  retryAt: (f: { retryAt: Date }) => f.retryAt,
};

const REQUEST_REFUSALS = refusals<Extract<ResetRequestResult, { ok: false }>>({ throttled });

// Wrong, expired, used, or a phone without an account: one answer for all.
const CONFIRM_REFUSALS = refusals<Extract<ResetConfirmResult, { ok: false }>>({
  throttled,
  'code-invalid': {
    status: 400,
    title: 'Mã không đúng hoặc đã hết hạn',
    detail: 'Vui lòng kiểm tra mã trong tin nhắn mới nhất, hoặc yêu cầu gửi mã mới.',
    errors: () => [{ field: 'body.code', message: 'Mã không đúng hoặc đã hết hạn' }],
  },
});

/** Forgotten password (/quen-mat-khau): a code by SMS to the account's phone, then a new password. */
export const passwordResetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Quên mật khẩu: gửi mã đặt lại mật khẩu qua SMS tới số điện thoại của tài khoản',
        body: z.strictObject({ phone: PhoneNumber }),
        response: { 202: z.object({ message: z.string(), codeTtlMinutes: z.number() }) },
      },
    },
    async (request, reply) => {
      const result = await requestPasswordReset(app.ctx, { phone: request.body.phone, ip: request.ip ?? null });
      if (!result.ok) throw refuse(result, REQUEST_REFUSALS);
      reply.header('cache-control', 'no-store');
      return reply.code(202).send({ message: RESET_SENT_MESSAGE, codeTtlMinutes: 10 });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Đặt mật khẩu mới bằng mã nhận qua SMS; mọi phiên đăng nhập của tài khoản kết thúc',
        body: z.strictObject({
          phone: PhoneNumber,
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, { message: 'Mã gồm 6 chữ số' }),
          password: Password,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const result = await confirmPasswordReset(app.ctx, { ...request.body, ip: request.ip ?? null });
      if (!result.ok) throw refuse(result, CONFIRM_REFUSALS);
      request.auditRecord = { type: 'user_account', id: result.userId };
      return reply.code(204).send(null);
    },
  );
};
