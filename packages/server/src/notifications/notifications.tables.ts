import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Tables owned by the notification capability (011_create-notifications.sql). */
export type NotificationTables = {
  outboxMessage: OutboxMessageTable;
  notificationDelivery: NotificationDeliveryTable;
  notification: NotificationTable;
  pushSubscription: PushSubscriptionTable;
  vapidKey: VapidKeyTable;
  deadlineReminder: DeadlineReminderTable;
  smsPart: SmsPartTable;
  notificationPreference: NotificationPreferenceTable;
};

export type DeliveryChannel = 'in_app' | 'web_push' | 'email' | 'sms' | 'zns';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface OutboxMessageTable {
  id: Generated<number>;
  provinceCode: string;
  topic: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  createdAt: Date;
  dispatchedAt: Date | null;
  attempts: Generated<number>;
  lastError: string | null;
}

export interface NotificationDeliveryTable {
  id: Generated<number>;
  provinceCode: string;
  outboxId: number;
  channel: DeliveryChannel;
  recipient: string;
  userId: string | null;
  dossierCode: string | null;
  title: string;
  body: string;
  /** The language the title and body are in (055); the e-mail's own lines follow it. */
  language: Generated<NotificationLanguage>;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface NotificationTable {
  id: Generated<number>;
  provinceCode: string;
  userId: string;
  dossierCode: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  deliveryId: number | null;
}

export interface PushSubscriptionTable {
  id: Generated<number>;
  provinceCode: string;
  userId: string;
  endpoint: string;
  keys: JSONColumnType<{ p256dh: string; auth: string }, string, string>;
  createdAt: Date;
}

export interface VapidKeyTable {
  provinceCode: string;
  publicKey: string;
  privateKey: string;
  createdAt: ColumnType<Date, Date, never>;
}

export interface DeadlineReminderTable {
  provinceCode: string;
  dossierId: string;
  dueAt: Date;
  kind: 'due_soon' | 'overdue';
  createdAt: Date;
}

/** A part of an SMS the SMSC accepted (046_track-sms-delivery.sql). */
export interface SmsPartTable {
  provinceCode: string;
  smsId: number;
  seq: number;
  parts: number;
  messageId: string;
  state: Generated<'accepted' | 'delivered' | 'failed'>;
  submittedAt: Date;
  doneAt: Date | null;
}

/** A citizen's channels for dossier notices (046): zalo = ZNS instead of SMS; their language (055). */
export interface NotificationPreferenceTable {
  provinceCode: string;
  userId: string;
  zalo: boolean;
  language: Generated<NotificationLanguage>;
  updatedAt: Date;
}

export type NotificationLanguage = 'vi' | 'en';
