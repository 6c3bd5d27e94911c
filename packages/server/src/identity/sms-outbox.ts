import type { Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';

/**
 * The SMS outbox: messages are written in the same transaction as what caused them; a gateway
 * adapter drains 'pending' rows. In the default mode no adapter runs and the developer reads the
 * messages on GET /api/dev/sms-outbox. Bodies may hold one-time codes: never log them.
 */
export async function queueSms(db: Kysely<Database>, ctx: AppContext, phone: string, body: string): Promise<void> {
  await db
    .insertInto('smsOutbox')
    .values({ provinceCode: ctx.config.PROVINCE_CODE, phone, body, createdAt: ctx.now(), sentAt: null })
    .execute();
}

export function listRecentSms(db: Db, provinceCode: string, options: { phone?: string; limit: number }) {
  let q = db
    .selectFrom('smsOutbox')
    .select(['id', 'phone', 'body', 'createdAt', 'status'])
    .where('provinceCode', '=', provinceCode)
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.phone) q = q.where('phone', '=', options.phone);
  return q.execute();
}
