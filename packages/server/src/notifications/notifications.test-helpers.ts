import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DossierEventType } from '@dvc/domain';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { seed } from '../db/seed/index';
import { findDossierRow } from '../dossiers/dossier.repository';
import type { AppContext } from '../http/context';
import { createTestDatabase, type TestApp } from '../test/harness';
import type { ExternalChannels, OutgoingDelivery } from './channels';
import { notificationRoutes } from './notifications.routes';
import { withNotificationTables } from './notifications.tables';
import { notifyDossierChange } from './outbox';

export interface NotificationTestApp extends TestApp {
  dataDir: string;
}

/**
 * createTestApp with a temporary DATA_DIR (the .eml files land there) and the notification routes,
 * registered here until app.ts registers them itself.
 */
export async function createNotificationTestApp(start: Date): Promise<NotificationTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-notify-'));
  const handle = await createTestDatabase();
  let now = start;
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), DATA_DIR: dataDir };
  const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => now };
  await seed(ctx, { demo: true });
  const app = await buildApp({ ctx });
  if (!app.hasRoute({ method: 'GET', url: '/api/v1/notifications' })) await app.register(notificationRoutes);
  await app.ready();
  return {
    app,
    ctx,
    dataDir,
    setNow(date) {
      now = date;
    },
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function outboxFor(ctx: AppContext, code: string) {
  const rows = await withNotificationTables(ctx.db)
    .selectFrom('outboxMessage')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .orderBy('id')
    .execute();
  return rows.filter((r) => (r.payload as { code?: string }).code === code);
}

/**
 * Until the dossier services call notifyDossierChange themselves, the tests write the message for
 * the dossier's latest event (in a transaction of its own). Once they do, this finds it and adds none.
 */
export async function ensureNotified(ctx: AppContext, code: string): Promise<void> {
  const row = await findDossierRow(ctx.db, ctx.config.PROVINCE_CODE, code);
  if (!row) throw new Error(`no dossier ${code}`);
  const last = await ctx.db
    .selectFrom('dossierEvent')
    .selectAll()
    .where('dossierId', '=', row.id)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const existing = await outboxFor(ctx, code);
  const written = existing.some((m) => {
    const p = m.payload as { event?: string; at?: string };
    return p.event === last.type && p.at === last.at.toISOString();
  });
  if (written) return;
  await ctx.db.transaction().execute((trx) =>
    notifyDossierChange(trx, {
      row,
      record: { event: last.type as DossierEventType, at: last.at, payload: last.payload as never },
    }),
  );
}

/** External channels that record what they were asked to send; `failing` ones throw. */
export function recordingChannels(failing: Partial<Record<'email' | 'webPush', boolean>> = {}) {
  const sent: Array<{ channel: 'email' | 'webPush'; delivery: OutgoingDelivery }> = [];
  const make =
    (channel: 'email' | 'webPush') =>
    async (delivery: OutgoingDelivery): Promise<void> => {
      if (failing[channel]) throw new Error(`${channel} gateway unavailable`);
      sent.push({ channel, delivery });
    };
  const channels: ExternalChannels = { email: make('email'), webPush: make('webPush') };
  return { channels, sent };
}
