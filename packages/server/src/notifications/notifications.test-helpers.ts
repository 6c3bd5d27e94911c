import type { DossierEventType } from '@dvc/domain';
import { findDossierRow } from '../dossiers/index';
import type { AppContext } from '../http/context';
import { createTestApp, type TestApp } from '../test/harness';
import type { ExternalChannels, OutgoingDelivery } from './channels';
import { notifyDossierChange } from './outbox';

export interface NotificationTestApp extends TestApp {
  dataDir: string;
}

/** createTestApp at `start`; `dataDir` is its temporary DATA_DIR (the .eml files land there). */
export async function createNotificationTestApp(start: Date): Promise<NotificationTestApp> {
  const t = await createTestApp({ now: start });
  return { ...t, dataDir: t.ctx.config.DATA_DIR };
}

export async function outboxFor(ctx: AppContext, code: string) {
  const rows = await ctx.db
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
export function recordingChannels(failing: Partial<Record<'email' | 'webPush' | 'zns', boolean>> = {}) {
  const sent: Array<{ channel: 'email' | 'webPush' | 'zns'; delivery: OutgoingDelivery }> = [];
  const make =
    (channel: 'email' | 'webPush' | 'zns') =>
    async (delivery: OutgoingDelivery): Promise<void> => {
      if (failing[channel]) throw new Error(`${channel} gateway unavailable`);
      sent.push({ channel, delivery });
    };
  const channels: ExternalChannels = { email: make('email'), webPush: make('webPush'), zns: make('zns') };
  return { channels, sent };
}
