import type { Db } from '../db/database';
import type { NotificationLanguage } from './notifications.tables';

export async function listMyNotifications(db: Db, provinceCode: string, userId: string, limit: number) {
  const [items, unread] = [
    await db
      .selectFrom('notification')
      .select(['id', 'dossierCode', 'title', 'body', 'createdAt', 'readAt'])
      .where('provinceCode', '=', provinceCode)
      .where('userId', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    await db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('provinceCode', '=', provinceCode)
      .where('userId', '=', userId)
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ];
  return { items, unreadCount: Number(unread.count) };
}

/** Marks one of the user's notifications read (the first reading time is kept). */
export async function markNotificationRead(db: Db, provinceCode: string, userId: string, id: number, at: Date) {
  await db
    .updateTable('notification')
    .set({ readAt: at })
    .where('provinceCode', '=', provinceCode)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .where('readAt', 'is', null)
    .execute();
  return db
    .selectFrom('notification')
    .select(['id', 'readAt'])
    .where('provinceCode', '=', provinceCode)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * One subscription per browser endpoint, held by the user who registered it: the same user may
 * register it again (keys refreshed), another user is refused — else anyone who learnt an endpoint
 * could redirect its notices to themselves. One statement, so two users at once cannot both win.
 */
export async function savePushSubscription(
  db: Db,
  row: { provinceCode: string; userId: string; endpoint: string; keys: { p256dh: string; auth: string }; createdAt: Date },
): Promise<{ ok: true } | { ok: false; reason: 'held-by-another-user' }> {
  const saved = await db
    .insertInto('pushSubscription')
    .values({ ...row, keys: JSON.stringify(row.keys) })
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'endpoint'])
        .doUpdateSet({ keys: JSON.stringify(row.keys) })
        .where('pushSubscription.userId', '=', row.userId),
    )
    .returning('id')
    .executeTakeFirst();
  return saved ? { ok: true } : { ok: false, reason: 'held-by-another-user' };
}

export async function deletePushSubscription(db: Db, provinceCode: string, userId: string, endpoint: string) {
  await db
    .deleteFrom('pushSubscription')
    .where('provinceCode', '=', provinceCode)
    .where('userId', '=', userId)
    .where('endpoint', '=', endpoint)
    .execute();
}

export async function listFailedDeliveries(db: Db, provinceCode: string, limit: number) {
  return db
    .selectFrom('notificationDelivery')
    .select([
      'id',
      'outboxId',
      'channel',
      'recipient',
      'dossierCode',
      'title',
      'attempts',
      'lastError',
      'createdAt',
      'nextAttemptAt',
    ])
    .where('provinceCode', '=', provinceCode)
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The citizen's channels and language for dossier notices; no row means the defaults (SMS, no Zalo, Vietnamese). */
export async function getNotificationPreference(db: Db, provinceCode: string, userId: string) {
  const row = await db
    .selectFrom('notificationPreference')
    .select(['zalo', 'language', 'updatedAt'])
    .where('provinceCode', '=', provinceCode)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return { zalo: row?.zalo ?? false, language: row?.language ?? ('vi' as const), updatedAt: row?.updatedAt ?? null };
}

/** Sets what the citizen changed (Zalo, language), keeping the other choice as it was. */
export async function saveNotificationPreference(
  db: Db,
  row: { provinceCode: string; userId: string; zalo?: boolean; language?: NotificationLanguage; updatedAt: Date },
) {
  const change = {
    ...(row.zalo === undefined ? {} : { zalo: row.zalo }),
    ...(row.language === undefined ? {} : { language: row.language }),
    updatedAt: row.updatedAt,
  };
  return db
    .insertInto('notificationPreference')
    .values({ provinceCode: row.provinceCode, userId: row.userId, zalo: false, ...change })
    .onConflict((oc) => oc.columns(['provinceCode', 'userId']).doUpdateSet(change))
    .returning(['zalo', 'language', 'updatedAt'])
    .executeTakeFirstOrThrow();
}
