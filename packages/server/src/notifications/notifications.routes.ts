import {
  DeliveryFailureListView,
  NotificationListView,
  NotificationPreferenceView,
  NotificationReadView,
  PushSubscribedView,
  VapidKeyView,
} from '@dvc/domain/contract/notifications';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationPath } from '../feedback/complaint-link';
import { problem } from '../http/problem';
import { getActor, requireCitizen } from '../identity/actor';
import { requireProvinceAdmin } from '../organisation/admin-scope';
import { getVapidKeys } from './channels';
import {
  deletePushSubscription,
  getNotificationPreference,
  listFailedDeliveries,
  listMyNotifications,
  markNotificationRead,
  saveNotificationPreference,
  savePushSubscription,
} from './notifications.repository';

const tags = ['notifications'];

const PushSubscriptionBody = z.strictObject({
  endpoint: z.string().url().max(2000).startsWith('https://', 'Địa chỉ đăng ký phải dùng https'),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Keeps enough of a phone number, e-mail or push endpoint to recognise it, not to use it. */
function maskRecipient(channel: string, r: string): string {
  if (channel === 'sms' || channel === 'zns') return r.length > 6 ? `${r.slice(0, 3)}****${r.slice(-3)}` : '****';
  if (channel === 'email') return r.replace(/^(.)[^@]*(@.*)$/, '$1***$2');
  if (channel === 'web_push') return `${r.slice(0, 40)}…`;
  return r;
}

/** In-app notifications, Web Push subscriptions, and the administrators' view of failed deliveries. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi (mới nhất trước) và số thông báo chưa đọc',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: NotificationListView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const r = await listMyNotifications(app.ctx.db, app.ctx.config.PROVINCE_CODE, actor.userId, request.query.limit);
      return {
        unreadCount: r.unreadCount,
        items: r.items.map((n) => ({
          ...n,
          url: notificationPath(n.dossierCode, actor.kind === 'officer' ? 'officer' : 'citizen'),
          createdAt: n.createdAt.toISOString(),
          readAt: iso(n.readAt),
        })),
      };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu thông báo đã đọc',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: NotificationReadView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const { PROVINCE_CODE } = app.ctx.config;
      const row = await markNotificationRead(app.ctx.db, PROVINCE_CODE, actor.userId, request.params.id, app.ctx.now());
      if (!row?.readAt) throw problem(404, 'not_found', 'Không tìm thấy thông báo');
      return { id: row.id, readAt: row.readAt.toISOString() };
    },
  );

  app.get(
    '/api/v1/notifications/vapid-public-key',
    {
      schema: {
        tags,
        summary: 'Khóa công khai VAPID để đăng ký nhận thông báo đẩy',
        response: { 200: VapidKeyView },
      },
    },
    async () => ({ publicKey: (await getVapidKeys(app.ctx)).publicKey }),
  );

  app.post(
    '/api/v1/notifications/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Đăng ký nhận thông báo đẩy trên thiết bị này',
        body: PushSubscriptionBody,
        response: { 201: PushSubscribedView },
        description: 'Một địa chỉ đăng ký chỉ thuộc về một tài khoản: tài khoản khác đăng ký cùng địa chỉ nhận 409.',
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      const { endpoint, keys } = request.body;
      const saved = await savePushSubscription(app.ctx.db, {
        provinceCode: app.ctx.config.PROVINCE_CODE,
        userId: actor.userId,
        endpoint,
        keys,
        createdAt: app.ctx.now(),
      });
      if (!saved.ok) {
        throw problem(409, 'push_endpoint_taken', 'Thiết bị này đang nhận thông báo của một tài khoản khác', {
          detail: 'Hãy hủy đăng ký thông báo trên trình duyệt này rồi đăng ký lại.',
        });
      }
      return reply.status(201).send({ endpoint });
    },
  );

  app.delete(
    '/api/v1/notifications/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Hủy đăng ký nhận thông báo đẩy trên thiết bị này',
        body: z.strictObject({ endpoint: z.string().max(2000) }),
      },
    },
    async (request, reply) => {
      const actor = getActor(request);
      await deletePushSubscription(app.ctx.db, app.ctx.config.PROVINCE_CODE, actor.userId, request.body.endpoint);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Kênh nhận thông báo hồ sơ của tôi (Zalo hoặc SMS)',
        response: { 200: NotificationPreferenceView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const p = await getNotificationPreference(app.ctx.db, app.ctx.config.PROVINCE_CODE, actor.userId);
      return { zalo: p.zalo, language: p.language, updatedAt: iso(p.updatedAt) };
    },
  );
  app.put(
    '/api/v1/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Chọn nhận thông báo hồ sơ qua Zalo thay cho SMS, và ngôn ngữ của thông báo',
        body: z.strictObject({ zalo: z.boolean().optional(), language: z.enum(['vi', 'en']).optional() }),
        response: { 200: NotificationPreferenceView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const updatedAt = app.ctx.now();
      const saved = await saveNotificationPreference(app.ctx.db, {
        provinceCode: app.ctx.config.PROVINCE_CODE,
        userId: actor.userId,
        ...request.body,
        updatedAt,
      });
      return { zalo: saved.zalo, language: saved.language, updatedAt: iso(saved.updatedAt) };
    },
  );

  app.get(
    '/api/v1/admin/notification-failures',
    {
      schema: {
        tags,
        summary: 'Các thông báo gửi không thành công',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: DeliveryFailureListView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const rows = await listFailedDeliveries(app.ctx.db, app.ctx.config.PROVINCE_CODE, request.query.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          outboxId: r.outboxId,
          channel: r.channel,
          recipient: maskRecipient(r.channel, r.recipient),
          dossierCode: r.dossierCode,
          title: r.title,
          attempts: r.attempts,
          lastError: r.lastError,
          createdAt: r.createdAt.toISOString(),
          failedAt: r.nextAttemptAt.toISOString(),
        })),
      };
    },
  );
};
