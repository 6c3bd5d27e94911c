import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileOnline, login } from '../dossiers/dossiers.test-helpers';
import { recordingChannels } from '../notifications/notifications.test-helpers';
import { startWorkers, stopWorkers } from '../workers';
import { countQueued, createPortalTestApp, type PortalTestApp, queueMissingFromEventLog } from './portal-sync.test-helpers';

let t: PortalTestApp;
before(async () => {
  t = await createPortalTestApp(new Date('2026-11-30T02:00:00Z'));
});
after(async () => {
  await stopWorkers();
  await t.close();
});

test('the pg-boss job posts a new dossier to the portal by itself', async () => {
  const citizen = await login(t.app, 'citizen');
  await startWorkers(t.ctx, { channels: recordingChannels().channels, pollMs: 200, portalSync: t.env });
  const { code } = await fileOnline(t.app, citizen);
  if ((await countQueued(t.ctx, code)) === 0) await queueMissingFromEventLog(t.ctx);

  let got: Array<{ payload: Record<string, unknown> }> = [];
  for (let i = 0; i < 100 && got.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    got = await t.ctx.db.selectFrom('portalReceivedMessage').select('payload').where('dossierCode', '=', code).execute();
  }
  assert.deepEqual(
    got.map((r) => [r.payload.status, r.payload.channel]),
    [['new', 2]],
  );
});
