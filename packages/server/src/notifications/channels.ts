import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import webpush from 'web-push';
import type { NotificationConfig } from '../config';
import { isComplaintCode, notificationPath } from '../feedback/complaint-link';
import type { AppContext } from '../http/context';
import { createZnsSender } from './zns-channel';

/** A delivery as the channel adapters see it. */
export interface OutgoingDelivery {
  id: number;
  recipient: string;
  userId: string | null;
  dossierCode: string | null;
  title: string;
  body: string;
  /** The language of title and body (default Vietnamese): an e-mail's own lines follow it. */
  language?: 'vi' | 'en';
}

/** The external channels. In-app and SMS are rows in this database and need no adapter. */
export interface ExternalChannels {
  email(delivery: OutgoingDelivery): Promise<void>;
  webPush(delivery: OutgoingDelivery): Promise<void>;
  /** Zalo Notification Service (zns-channel.ts); a failure falls back to SMS. */
  zns(delivery: OutgoingDelivery): Promise<void>;
}

/** A failure that retrying cannot fix (the push subscription is gone): marked failed at once. */
export class PermanentDeliveryError extends Error {}

export function createChannels(ctx: AppContext, env: NotificationConfig = ctx.config.notifications): ExternalChannels {
  return { email: createEmailSender(ctx, env), webPush: createWebPushSender(ctx, env), zns: createZnsSender(env) };
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written to <DATA_DIR>/mail/<delivery id>.eml
 * (open it with any mail client). The Message-ID and the file name derive from the delivery id, so a
 * retry after a crash overwrites the same file and a receiving server can recognise a duplicate.
 */
export function createEmailSender(ctx: AppContext, env: NotificationConfig): ExternalChannels['email'] {
  const domain = 'dichvucong.quangngai.gov.vn';
  if (env.SMTP_URL) {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    return async (d) => {
      await transport.sendMail({ ...message(d, env.MAIL_FROM, domain, ctx) });
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = join(ctx.config.DATA_DIR, 'mail');
  return async (d) => {
    const info = await transport.sendMail(message(d, env.MAIL_FROM, domain, ctx));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${String(d.id).padStart(8, '0')}.eml`), info.message as Buffer);
  };
}

const MAIL_LINES = {
  vi: {
    complaint: 'Xem phản ánh, kiến nghị',
    dossier: 'Tra cứu hồ sơ',
    footer: 'Cổng Dịch vụ công tỉnh Quảng Ngãi. Đây là thư tự động, vui lòng không trả lời.',
  },
  en: {
    complaint: 'See your feedback',
    dossier: 'Track your dossier',
    footer: 'Quang Ngai Public Service Portal. This is an automatic message; please do not reply.',
  },
} as const;

function message(d: OutgoingDelivery, from: string, domain: string, ctx: AppContext) {
  const path = notificationPath(d.dossierCode);
  const lines = MAIL_LINES[d.language ?? 'vi'];
  const what = d.dossierCode && isComplaintCode(d.dossierCode) ? lines.complaint : lines.dossier;
  const link = ctx.config.PUBLIC_URL && path ? `\n\n${what}: ${ctx.config.PUBLIC_URL}${path}` : '';
  return {
    from,
    to: d.recipient,
    subject: d.title,
    text: `${d.body}${link}\n\n—\n${lines.footer}`,
    messageId: `<delivery-${d.id}@${domain}>`,
    date: ctx.now(),
  };
}

/** The province's VAPID key pair: from the environment, or generated once and stored. */
export async function getVapidKeys(ctx: AppContext, env: NotificationConfig = ctx.config.notifications) {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
  const provinceCode = ctx.config.PROVINCE_CODE;
  const find = () =>
    ctx.db.selectFrom('vapidKey').select(['publicKey', 'privateKey']).where('provinceCode', '=', provinceCode).executeTakeFirst();
  const found = await find();
  if (found) return found;
  const keys = webpush.generateVAPIDKeys();
  // Two servers starting together: the first insert wins and both read the same pair back.
  await ctx.db
    .insertInto('vapidKey')
    .values({ provinceCode, publicKey: keys.publicKey, privateKey: keys.privateKey, createdAt: ctx.now() })
    .onConflict((oc) => oc.column('provinceCode').doNothing())
    .execute();
  const stored = await find();
  if (!stored) throw new Error('VAPID keys could not be stored');
  return stored;
}

/**
 * Sends to one browser subscription (the delivery's recipient is its endpoint). The push `topic`
 * is the delivery id: a push service holding an undelivered message with the same topic replaces it,
 * which absorbs a resend after a crash. A 404/410 means the user revoked the permission or
 * uninstalled the app: the subscription is dropped and the delivery fails without retries.
 */
export function createWebPushSender(ctx: AppContext, env: NotificationConfig): ExternalChannels['webPush'] {
  return async (d) => {
    const sub = await ctx.db
      .selectFrom('pushSubscription')
      .select(['endpoint', 'keys'])
      .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
      .where('endpoint', '=', d.recipient)
      .executeTakeFirst();
    if (!sub) throw new PermanentDeliveryError('Thiết bị đã hủy đăng ký nhận thông báo');
    const vapid = await getVapidKeys(ctx, env);
    const payload = JSON.stringify({
      title: d.title,
      body: d.body,
      code: d.dossierCode,
      url: notificationPath(d.dossierCode) ?? '/',
    });
    try {
      await webpush.sendNotification({ endpoint: sub.endpoint, keys: sub.keys }, payload, {
        vapidDetails: { subject: env.VAPID_SUBJECT, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: 24 * 3600,
        topic: `d${d.id}`,
        timeout: 10_000,
      });
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) {
        await ctx.db.deleteFrom('pushSubscription').where('endpoint', '=', sub.endpoint).execute();
        throw new PermanentDeliveryError(`Đăng ký nhận thông báo đã hết hiệu lực (${status})`);
      }
      throw err;
    }
  };
}
