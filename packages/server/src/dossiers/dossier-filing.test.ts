import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { parseDossierCode, vietnamLocalDate } from '@dvc/domain';
import { sql } from 'kysely';
import type { SignedIn } from '../identity/identity.test-helpers';
import { runReportRollup } from '../reports/index';
import { createTestApp, type TestApp } from '../test/harness';
import { type Filing, fileDossier } from './dossier-filing';
import { type Filer, prepareDossier } from './dossier-submit.service';
import { get, householdRegistration, login, post, registrationAttachments } from './dossiers.test-helpers';

// Filings that arrive together are written together (group commit, decision 006): what each citizen
// sees must be exactly what they would see if they had filed alone.
let t: TestApp;
let citizen: SignedIn;
let attachments: Array<{ componentId: string; fileId: string }>;
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');

before(async () => {
  t = await createTestApp({ now: MONDAY_9AM });
  citizen = await login(t.app, 'citizen');
  attachments = await registrationAttachments(t.ctx, citizen);
});
after(() => t.close());

const count = async (table: string, where = sql`true`) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(t.ctx.db)).rows[0]!.n;

describe('many filings at the same moment', () => {
  test('each gets its own dossier, numbered one after another, with its event, notice, portal message and audit row', async () => {
    // The aggregates take the filings' change rows by the rollup (decision 014): read after one.
    await runReportRollup(t.ctx);
    const before = {
      dossiers: await count('dossier'),
      received: (await sql<{ n: number }>`select coalesce(sum(received), 0)::int as n from report_daily`.execute(t.ctx.db))
        .rows[0]!.n,
    };
    const keys = Array.from({ length: 30 }, () => randomUUID());
    const bodies = keys.map(() => householdRegistration({ attachments }));
    const answers = await Promise.all(keys.map((key, i) => post(t.app, citizen, '/api/v1/dossiers', bodies[i], key)));
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      keys.map(() => 201),
    );
    const codes = answers.map((a) => a.json().code as string);
    assert.equal(new Set(codes).size, 30, 'thirty different codes');
    const numbers = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => numbers[0]! + i),
      'the day’s numbers follow each other without gaps',
    );
    assert.equal(await count('dossier'), before.dossiers + 30);
    const ids = sql.join(codes.map((c) => sql`${c}`));
    assert.equal(await count('dossier_event', sql`dossier_id in (select id from dossier where code in (${ids}))`), 30);
    assert.equal(await count('dossier_attachment', sql`dossier_id in (select id from dossier where code in (${ids}))`), 60);
    assert.equal(await count('portal_sync_message', sql`dossier_code in (${ids})`), 30);
    assert.equal(await count('audit_log', sql`record_id in (${ids}) and status_code = 201`), 30);
    assert.equal(await count('outbox_message', sql`payload->>'code' in (${ids})`), 30);
    await runReportRollup(t.ctx);
    const received = (await sql<{ n: number }>`select sum(received)::int as n from report_daily`.execute(t.ctx.db)).rows[0]!.n;
    assert.equal(received, before.received + 30, 'the reports count every one of them');

    // Each answer belongs to its own request: a retry of any key returns that same dossier.
    for (const i of [0, 17, 29]) {
      const again = await post(t.app, citizen, '/api/v1/dossiers', bodies[i], keys[i]);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json().code, codes[i]);
    }
    const opened = await get(t.app, citizen, `/api/v1/dossiers/${codes[5]}`);
    assert.equal(opened.statusCode, 200);
  });

  test('the same key sent twice at the same moment makes one dossier, and both are told its code', async () => {
    const before = await count('dossier');
    const key = randomUUID();
    const body = householdRegistration({ attachments });
    const [a, b] = await Promise.all([
      post(t.app, citizen, '/api/v1/dossiers', body, key),
      post(t.app, citizen, '/api/v1/dossiers', body, key),
    ]);
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 201);
    assert.equal(a.json().code, b.json().code);
    assert.equal(await count('dossier'), before + 1);
  });

  test('a retry of a lone filing is answered from its first answer and takes no number of the day', async () => {
    const key = randomUUID();
    const body = householdRegistration({ attachments });
    const first = await post(t.app, citizen, '/api/v1/dossiers', body, key);
    assert.equal(first.statusCode, 201);
    for (const _ of [1, 2]) {
      const again = await post(t.app, citizen, '/api/v1/dossiers', body, key);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json().code, first.json().code);
    }
    const other = await post(t.app, citizen, '/api/v1/dossiers', { ...body, delivery: 'post' }, key);
    assert.equal(other.statusCode, 422, 'the same key with another body');
    const next = await post(t.app, citizen, '/api/v1/dossiers', householdRegistration({ attachments }), randomUUID());
    assert.equal(sequenceOf(next.json().code), sequenceOf(first.json().code) + 1, 'the retries gave their numbers back');
  });

  test('a retry arriving among new filings gets its first answer; the new ones are filed once each', async () => {
    const key = randomUUID();
    const body = householdRegistration({ attachments });
    const first = await post(t.app, citizen, '/api/v1/dossiers', body, key);
    assert.equal(first.statusCode, 201);
    const before = await count('dossier');
    const [retry, ...fresh] = await Promise.all([
      post(t.app, citizen, '/api/v1/dossiers', body, key),
      ...[1, 2, 3].map(() => post(t.app, citizen, '/api/v1/dossiers', householdRegistration({ attachments }), randomUUID())),
    ]);
    assert.equal(retry!.statusCode, 201);
    assert.equal(retry!.headers['idempotent-replayed'], 'true');
    assert.equal(retry!.json().code, first.json().code);
    assert.deepEqual(
      fresh.map((r) => r.statusCode),
      [201, 201, 201],
    );
    assert.equal(new Set(fresh.map((r) => r.json().code)).size, 3);
    assert.equal(await count('dossier'), before + 3);
    const first1 = sequenceOf(first.json().code);
    assert.deepEqual(
      fresh.map((r) => sequenceOf(r.json().code)).sort((a, b) => a - b),
      [first1 + 1, first1 + 2, first1 + 3],
      'the batch the retry made fail took no numbers',
    );
  });

  test('a filing that cannot be written fails alone: the others written with it are filed', async () => {
    const before = await count('dossier');
    const filer = (channel: string): Filer => ({
      userId: citizen.body.user.id,
      domainActor: { role: 'citizen', userId: citizen.body.user.id },
      creation: 'submit_online',
      channel: channel as Filer['channel'],
      applicant: { id: citizen.body.user.id, fullName: 'Nguyễn Văn Dân', phone: '0905000001', citizenId: null },
    });
    const filing = async (channel: string): Promise<Filing> => {
      const prepared = await prepareDossier(t.ctx, filer('web'), householdRegistration({ attachments }) as never);
      assert.ok(prepared.ok);
      const f = filer(channel);
      const key = { ref: { provinceCode: t.ctx.config.PROVINCE_CODE, userId: f.userId, key: randomUUID() }, hash: 'h' };
      return {
        filer: f,
        prepared: prepared.value,
        key,
        audit: {
          provinceCode: 'QNG',
          at: t.ctx.now(),
          actorId: f.userId,
          actorKind: 'citizen',
          action: 'POST /api/v1/dossiers',
          recordType: null,
          recordId: null,
          statusCode: 201,
          ip: null,
          userAgent: null,
          requestId: null,
        },
      };
    };
    // The database refuses the channel "fax": that filing's rows must not be half written.
    const batch = await Promise.all(['web', 'fax', 'mobile'].map(filing));
    const settled = await Promise.allSettled(batch.map((f) => fileDossier(t.ctx, f)));
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(await count('dossier'), before + 2);
    assert.equal(await count('idempotency_key', sql`key = ${batch[1]!.key.ref.key}`), 0, 'its key is free for a retry');
    const [web, , mobile] = settled.map((s) => (s.status === 'fulfilled' && s.value.kind === 'filed' ? s.value.dossier : null));
    assert.equal(sequenceOf(mobile!.code), sequenceOf(web!.code) + 1, 'the failed filing took no number');
    const next = await fileValid();
    assert.equal(sequenceOf(next), sequenceOf(mobile!.code) + 1, 'nor did the second try of it alone');
  });
  test('a retry is answered with the first answer even when its checks would now fail', async () => {
    const key = randomUUID();
    const body = householdRegistration({ attachments });
    const first = await post(t.app, citizen, '/api/v1/dossiers', body, key);
    assert.equal(first.statusCode, 201);
    // After the first answer was lost on the way, the uploaded paper is no longer on record.
    await sql`delete from stored_file where sha256 = ${attachments[0]!.fileId}`.execute(t.ctx.db);
    const retry = await post(t.app, citizen, '/api/v1/dossiers', body, key);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.json().code, first.json().code);
    const fresh = await post(t.app, citizen, '/api/v1/dossiers', householdRegistration({ attachments }), randomUUID());
    assert.equal(fresh.statusCode, 400, 'a new filing is checked as usual');
    assert.equal(fresh.json().errors[0].field, 'body.attachments.0.fileId', fresh.body);
  });
});

const DESK = 'UBND.21025';
const sequenceOf = (code: string) => parseDossierCode(code)!.sequence;

async function fileValid(name = `Hộ kinh doanh số ${randomUUID().slice(0, 8)}`): Promise<string> {
  const body = householdRegistration({ attachments });
  const res = await post(
    t.app,
    citizen,
    '/api/v1/dossiers',
    { ...body, form: { ...body.form, businessName: name } },
    randomUUID(),
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json().code as string;
}

describe('a filing that is not written takes no number of the desk', () => {
  // The test before removed the uploaded papers from the record.
  before(async () => {
    attachments = await registrationAttachments(t.ctx, citizen);
  });

  test('a NUL byte or half a surrogate pair in a text field is refused with a 4xx, and the next filing gets the next number', async () => {
    const first = await fileValid();
    const body = householdRegistration({ attachments });
    const refused = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          t.app,
          citizen,
          '/api/v1/dossiers',
          {
            ...body,
            form: { ...body.form, location: { unitCode: '21025', street: `12 Lê${i % 2 ? '\u0000' : '\ud800'} Lợi ${i}` } },
          },
          randomUUID(),
        ),
      ),
    );
    for (const r of refused) {
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
      assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(r.json().errors[0].field, 'body.form.location.street');
    }
    assert.equal(sequenceOf(await fileValid()), sequenceOf(first) + 1);
  });

  test('a write the database refuses after every check passed leaves no gap in the day’s numbers', async () => {
    // A value that passes every check of the app but that the database refuses when it is written
    // (as a full disk, a lost connection or a constraint would): the edge cannot see it coming.
    await t.asOwner(async (db) => {
      await sql`create function refuse_marked_filing() returns trigger language plpgsql as $$
        begin raise exception 'refused for the test'; end $$`.execute(db);
      await sql`create trigger refuse_marked_filing before insert on dossier for each row
        when (new.form->>'businessName' like 'Hộ kinh doanh Từ chối ghi%') execute function refuse_marked_filing()`.execute(db);
    });
    try {
      const first = await fileValid();
      const body = householdRegistration({ attachments });
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          const name = i % 2 === 0 ? `Hộ kinh doanh Từ chối ghi ${i}` : `Hộ kinh doanh ghi được ${i} ${randomUUID().slice(0, 6)}`;
          return post(t.app, citizen, '/api/v1/dossiers', { ...body, form: { ...body.form, businessName: name } }, randomUUID());
        }),
      );
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        answers.map((_, i) => (i % 2 === 0 ? 500 : 201)),
      );
      const numbers = answers
        .filter((a) => a.statusCode === 201)
        .map((a) => sequenceOf(a.json().code))
        .sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        numbers.map((_, i) => sequenceOf(first) + 1 + i),
        'the twelve filings written have the twelve numbers after the last one',
      );
      assert.equal(sequenceOf(await fileValid()), sequenceOf(first) + 13);
    } finally {
      await t.asOwner(async (db) => {
        await sql`drop trigger refuse_marked_filing on dossier`.execute(db);
        await sql`drop function refuse_marked_filing()`.execute(db);
      });
    }
  });
});

describe('a code of the day that the counter did not hand out', () => {
  test('an imported dossier holding the desk’s next number does not block the desk: filings go on after it', async () => {
    const before = await fileValid();
    const taken = `${DESK}-261130-${String(sequenceOf(before) + 1).padStart(4, '0')}`;
    // As an import writes it: a whole row with its own code, the counter left as it was.
    await t.ctx.db.transaction().execute(async (trx) => {
      await sql`create temporary table imported on commit drop as select * from dossier where code = ${before}`.execute(trx);
      await sql`update imported set id = ${randomUUID()}, code = ${taken}`.execute(trx);
      await sql`insert into dossier select * from imported`.execute(trx);
    });
    const answers = await Promise.all([fileValid(), fileValid(), fileValid()]);
    assert.deepEqual(
      answers.map(sequenceOf).sort((a, b) => a - b),
      [2, 3, 4].map((n) => sequenceOf(before) + n),
    );
    assert.equal(sequenceOf(await fileValid()), sequenceOf(before) + 5, 'a lone filing too');
  });
});

describe('a desk past 9999 filings in a day', () => {
  test('still accepts filings; the number goes on with a fifth digit and the code is found as any other', async () => {
    const day = vietnamLocalDate(MONDAY_9AM);
    await fileValid();
    await sql`update dossier_code_sequence set last_value = 9998
      where agency_code = ${DESK} and day = ${day}`.execute(t.ctx.db);
    const last4 = await fileValid();
    const fifth = await fileValid();
    const sixth = await fileValid();
    assert.equal(last4, `${DESK}-261130-9999`);
    assert.equal(fifth, `${DESK}-261130-10000`);
    assert.equal(sixth, `${DESK}-261130-10001`);
    assert.deepEqual(parseDossierCode(fifth), { agencyCode: DESK, receiptDate: day, sequence: 10000 });
    const opened = await get(t.app, citizen, `/api/v1/dossiers/${fifth}`);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().code, fifth);
    const typed = await get(t.app, citizen, `/api/v1/dossiers/${encodeURIComponent(` ubnd.21025-261130-10001 `)}`);
    assert.equal(typed.statusCode, 200, 'typed on a phone, lower case and spaces, it is still found');
    const receiver = await login(t.app, 'receiver');
    const found = await get(t.app, receiver, `/api/v1/officer/dossiers?q=${fifth}`);
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(
      found.json().items.map((d: { code: string }) => d.code),
      [fifth],
      'the desk finds it by its code',
    );
  });
});
