import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PORTAL_STATUSES } from '@dvc/domain';
import {
  act,
  fileOnline,
  get,
  householdRegistration,
  login,
  post,
  registrationAttachments,
} from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { queuePortalSync } from './portal-sync.outbox';
import { drainPortalSync, signBody } from './portal-sync.sender';
import {
  countQueued,
  createPortalTestApp,
  type PortalTestApp,
  queueMissingFromEventLog,
  TEST_SECRET,
} from './portal-sync.test-helpers';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
const HOUR = 3_600_000;

let t: PortalTestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let specialist: SignedIn;
let leader: SignedIn;
let admin: SignedIn;

before(async () => {
  t = await createPortalTestApp(MONDAY_9AM);
  [citizen, receiver, specialist, leader, admin] = await Promise.all([
    login(t.app, 'citizen'),
    login(t.app, 'receiver'),
    login(t.app, 'specialist'),
    login(t.app, 'leader'),
    login(t.app, 'provinceAdmin'),
  ]);
});
after(() => t.close());

async function ok(who: SignedIn, code: string, event: Record<string, unknown>) {
  const res = await act(t.app, who, code, event);
  assert.equal(res.statusCode, 200, `${event.type}: ${res.body}`);
}

/** Queues what the services did not (see queueMissingFromEventLog); strict once they do. */
async function queueAll(wiredBefore: boolean) {
  const added = await queueMissingFromEventLog(t.ctx);
  if (wiredBefore) assert.equal(added, 0, 'every change was queued in its own transaction');
}

async function received() {
  return t.ctx.db
    .selectFrom('portalReceivedMessage')
    .select(['id', 'messageId', 'dossierCode', 'seq', 'payload'])
    .orderBy('id')
    .execute();
}

async function eventsOf(code: string) {
  return t.ctx.db
    .selectFrom('dossierEvent as e')
    .innerJoin('dossier as d', 'd.id', 'e.dossierId')
    .select(['e.seq', 'e.type'])
    .where('d.code', '=', code)
    .orderBy('e.seq')
    .execute();
}

async function counter(applicant: string) {
  const res = await post(
    t.app,
    receiver,
    '/api/v1/dossiers/counter',
    {
      ...householdRegistration({ channel: undefined, attachments: await registrationAttachments(t.ctx, receiver) }),
      applicant: { fullName: applicant, phone: '0912345678' },
      // The procedure is online-only since 2023: paper needs a special case (an elderly applicant).
      specialCaseReason: 'Người cao tuổi không sử dụng được dịch vụ trực tuyến',
    },
    randomUUID(),
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json().code as string;
}

describe('every dossier change reaches the portal exactly once', () => {
  const codes: Record<string, string> = {};

  test('lifecycles driven over HTTP, sent twice, through a lost answer and a failure', async () => {
    const specialistId = specialist.body.user.id;
    // Full path with a supplement and a financial obligation, filed from the phone.
    codes.full = (await fileOnline(t.app, citizen)).code;
    const wired = (await countQueued(t.ctx, codes.full)) > 0;
    await ok(receiver, codes.full, { type: 'receive' });
    await ok(receiver, codes.full, { type: 'request_supplement', reason: 'Thiếu bản sao CCCD', components: ['CCCD'] });
    await ok(citizen, codes.full, { type: 'supplement_provided' });
    await ok(receiver, codes.full, { type: 'assign', specialistId });
    await ok(specialist, codes.full, { type: 'request_financial_obligation', amount: 100_000, reason: 'Lệ phí đăng ký' });
    await ok(receiver, codes.full, { type: 'financial_obligation_paid' });
    await ok(specialist, codes.full, { type: 'propose', outcome: 'approve', draft: 'Cấp giấy chứng nhận' });
    await ok(leader, codes.full, { type: 'approve' });
    await ok(leader, codes.full, { type: 'resolve' });
    await ok(receiver, codes.full, { type: 'return_result', delivery: 'electronic' });
    // Refused at reception.
    codes.refused = (await fileOnline(t.app, citizen)).code;
    await ok(receiver, codes.refused, { type: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền' });
    // Withdrawn by the citizen after reception.
    codes.withdrawn = (await fileOnline(t.app, citizen)).code;
    await ok(receiver, codes.withdrawn, { type: 'receive' });
    await ok(citizen, codes.withdrawn, { type: 'request_withdrawal', reason: 'Nộp nhầm thủ tục' });
    await ok(receiver, codes.withdrawn, { type: 'accept_withdrawal' });
    // Paper at the counter, stopped by a leader.
    codes.stopped = await counter('Trần Văn Bình');
    await ok(receiver, codes.stopped, { type: 'assign', specialistId });
    await ok(leader, codes.stopped, { type: 'stop', reason: 'Người nộp đề nghị dừng do thay đổi địa điểm kinh doanh' });
    await queueAll(wired);

    // The first post reaches the receiver but its answer is lost (500); the second fails outright.
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) {
        await fetch(input, init);
        return new Response('gateway lost the answer', { status: 500 });
      }
      if (calls === 2) return new Response('try later', { status: 503 });
      return fetch(input, init);
    };
    const first = await drainPortalSync(t.ctx, t.ctx.now(), { env: t.env, fetch: flaky });
    assert.equal(first.retried, 2);
    // The retries are due after their backoff; a drain before that sends nothing new for those dossiers.
    await drainPortalSync(t.ctx, new Date(MONDAY_9AM.getTime() + 10_000), { env: t.env, fetch: flaky });
    const later = new Date(MONDAY_9AM.getTime() + HOUR);
    await drainPortalSync(t.ctx, later, { env: t.env, fetch: flaky });
    // Sent twice more: nothing is due, nothing goes out.
    const before = calls;
    assert.deepEqual(await drainPortalSync(t.ctx, later, { env: t.env, fetch: flaky }), { sent: 0, retried: 0, failed: 0 });
    assert.equal(calls, before);

    // A sender that died after the portal accepted (lease expired, message pending again) repeats it:
    // the receiver acknowledges the repeat and keeps one copy.
    const one = await t.ctx.db
      .updateTable('portalSyncMessage')
      .set({ status: 'pending', sentAt: null, nextAttemptAt: later })
      .where('dossierCode', '=', codes.full)
      .where('seq', '=', 3)
      .returning('messageId')
      .executeTakeFirstOrThrow();
    assert.equal((await drainPortalSync(t.ctx, later, { env: t.env })).sent, 1);

    const got = await received();
    for (const code of Object.values(codes)) {
      const events = await eventsOf(code);
      const mine = got.filter((r) => r.dossierCode === code);
      assert.deepEqual(
        mine.map((r) => r.seq),
        events.map((e) => e.seq),
        `${code}: every change once, in order`,
      );
      assert.deepEqual(
        mine.map((r) => r.payload.event),
        events.map((e) => e.type),
      );
    }
    assert.equal(new Set(got.map((r) => r.messageId)).size, got.length);
    assert.equal(got.filter((r) => r.messageId === one.messageId).length, 1);
    const pending = await t.ctx.db.selectFrom('portalSyncMessage').select('id').where('status', '<>', 'sent').execute();
    assert.equal(pending.length, 0);
  });

  test("statuses and channels are the portal's", async () => {
    const got = await received();
    const statuses = (code: string) => got.filter((r) => r.dossierCode === code).map((r) => r.payload.status);
    assert.deepEqual(statuses(codes.full!), [
      'new',
      'received',
      'supplement_requested',
      'received',
      'processing',
      'financial_obligation_requested',
      'processing',
      'processing',
      'processing',
      'resolved',
      'returned',
    ]);
    assert.deepEqual(statuses(codes.refused!), ['new', 'not_received']);
    // Our "withdrawn" is the portal's "withdrawal requested": the portal has no word of its own for it.
    assert.deepEqual(statuses(codes.withdrawn!), ['new', 'received', 'withdrawal_requested', 'withdrawal_requested']);
    // Recorded at the counter, then received at once: two changes.
    assert.deepEqual(statuses(codes.stopped!), ['new', 'received', 'processing', 'stopped']);
    for (const r of got) assert.ok((PORTAL_STATUSES as readonly unknown[]).includes(r.payload.status), String(r.payload.status));
    const channel = (code: string) => new Set(got.filter((r) => r.dossierCode === code).map((r) => r.payload.channel));
    assert.deepEqual(channel(codes.full!), new Set([2]), 'filed from the phone app: online');
    assert.deepEqual(channel(codes.stopped!), new Set([1]), 'paper at the counter: in person');
    const steps = got.filter((r) => r.dossierCode === codes.full).map((r) => r.payload.step);
    assert.deepEqual(steps.slice(4, 9), ['assigned', null, 'assigned', 'proposed', 'approved']);
  });
});

test("queueing the same change again adds nothing (the sequence is the event log's)", async () => {
  const { code } = await fileOnline(t.app, citizen);
  const dossier = await t.ctx.db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const record = { event: 'submit_online', from: null, to: 'new', at: t.ctx.now() } as const;
  await queuePortalSync(t.ctx.db, { row: dossier, record });
  assert.equal(await queuePortalSync(t.ctx.db, { row: dossier, record }), undefined);
  const rows = await t.ctx.db.selectFrom('portalSyncMessage').selectAll().where('dossierCode', '=', code).execute();
  assert.deepEqual(
    rows.map((r) => [r.seq, r.payload.status, r.payload.channel, r.payload.messageId === r.messageId]),
    [[1, 'new', 2, true]],
  );
  await drainPortalSync(t.ctx, t.ctx.now(), { env: t.env });
});

describe('the local receiver', () => {
  const body = (messageId: string) =>
    JSON.stringify({ messageId, dossierCode: 'X-1', seq: 1, status: 'new', channel: 2, event: 'submit_online' });
  const send = (payload: string, signature: string | undefined, messageId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dev/portal-receiver',
      payload,
      headers: {
        'content-type': 'application/json',
        'x-message-id': messageId,
        ...(signature ? { 'x-signature': signature } : {}),
      },
    });

  test('refuses a bad or missing signature and records nothing', async () => {
    const id = randomUUID();
    const payload = body(id);
    assert.equal((await send(payload, signBody('another-secret-of-someone-else', payload), id)).statusCode, 401);
    assert.equal((await send(payload, undefined, id)).statusCode, 401);
    // Signed, then altered on the way.
    const altered = payload.replace('"status":"new"', '"status":"resolved"');
    assert.equal((await send(altered, signBody(TEST_SECRET, payload), id)).statusCode, 401);
    assert.equal((await received()).filter((r) => r.messageId === id).length, 0);
  });

  test('acknowledges a repeated message without storing it twice', async () => {
    const id = randomUUID();
    const payload = body(id);
    const a = await send(payload, signBody(TEST_SECRET, payload), id);
    const b = await send(payload, signBody(TEST_SECRET, payload), id);
    assert.equal(a.statusCode, 200, a.body);
    assert.deepEqual([a.json().duplicate, b.statusCode, b.json().duplicate], [false, 200, true]);
    assert.equal((await received()).filter((r) => r.messageId === id).length, 1);
  });

  test('refuses a status outside the portal vocabulary', async () => {
    const id = randomUUID();
    const payload = JSON.stringify({ messageId: id, dossierCode: 'X-2', seq: 1, status: 'withdrawn', channel: 2 });
    assert.equal((await send(payload, signBody(TEST_SECRET, payload), id)).statusCode, 400);
  });
});

describe('the administrators see what is pending and what failed', () => {
  test('a message that keeps failing is marked failed and holds back its dossier; retry sends both in order', async () => {
    const { code } = await fileOnline(t.app, citizen);
    const wired = (await countQueued(t.ctx, code)) > 0;
    await ok(receiver, code, { type: 'receive' });
    await queueAll(wired);
    const down: typeof fetch = async () => new Response('portal down', { status: 502 });
    let at = new Date(MONDAY_9AM.getTime() + 2 * HOUR);
    for (let i = 0; i < 3; i++) {
      await drainPortalSync(t.ctx, at, { env: t.env, fetch: down });
      at = new Date(at.getTime() + HOUR);
    }
    const page = await get(t.app, admin, '/api/v1/admin/portal-sync');
    assert.equal(page.statusCode, 200, page.body);
    const view = page.json();
    assert.equal(view.counts.failed, 1);
    assert.equal(view.counts.pending, 1, 'the reception waits behind the failed filing');
    assert.equal(view.failures[0].dossierCode, code);
    assert.equal(view.failures[0].seq, 1);
    assert.equal(view.failures[0].attempts, 3);
    assert.match(view.failures[0].lastError, /HTTP 502/);
    assert.equal(view.pending[0].seq, 2);
    assert.equal(view.pending[0].attempts, 0, 'never tried: its dossier is held back');

    assert.equal((await get(t.app, citizen, '/api/v1/admin/portal-sync')).statusCode, 403);
    assert.equal((await get(t.app, receiver, '/api/v1/admin/portal-sync')).statusCode, 403);
    assert.equal((await post(t.app, receiver, '/api/v1/admin/portal-sync/retry-failed', {})).statusCode, 403);

    const retry = await post(t.app, admin, '/api/v1/admin/portal-sync/retry-failed', {});
    assert.equal(retry.statusCode, 200, retry.body);
    t.setNow(at);
    assert.equal((await drainPortalSync(t.ctx, at, { env: t.env })).sent, 2);
    assert.deepEqual(
      (await received()).filter((r) => r.dossierCode === code).map((r) => r.payload.status),
      ['new', 'received'],
    );
    const after = (await get(t.app, admin, '/api/v1/admin/portal-sync')).json();
    assert.deepEqual(after.counts.failed + after.counts.pending, 0);
  });
});
