import { z } from 'zod';

/** Answers of the notification routes (in the app, Web Push, preferences, failed deliveries), for the server and the app. */

export const NotificationView = z.object({
  id: z.number(),
  dossierCode: z.string().nullable(),
  /** The page the notification opens (a complaint's code opens the complaint, not a dossier). */
  url: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** GET /api/v1/notifications: the citizen's notifications and how many are unread. */
export const NotificationListView = z.object({ items: z.array(NotificationView), unreadCount: z.number() });

export const NotificationReadView = z.object({ id: z.number(), readAt: z.string() });

export const VapidKeyView = z.object({ publicKey: z.string() });

export const PushSubscribedView = z.object({ endpoint: z.string() });

export const NotificationPreferenceView = z.object({
  /** Dossier notices by Zalo (ZNS) instead of SMS; SMS again when a Zalo message fails. */
  zalo: z.boolean(),
  /** The language of the notices (SMS, Zalo, e-mail, in the app): the app's language when the citizen chose it. */
  language: z.enum(['vi', 'en']),
  updatedAt: z.string().nullable(),
});

/** GET /api/v1/admin/notification-failures: deliveries given up on, the recipient masked. */
export const DeliveryFailureListView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      outboxId: z.number(),
      channel: z.enum(['in_app', 'web_push', 'email', 'sms', 'zns']),
      recipient: z.string(),
      dossierCode: z.string().nullable(),
      title: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      failedAt: z.string(),
    }),
  ),
});

export type NotificationItem = z.infer<typeof NotificationView>;
export type NotificationList = z.infer<typeof NotificationListView>;
export type DeliveryFailure = z.infer<typeof DeliveryFailureListView>['items'][number];
