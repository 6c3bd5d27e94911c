import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type Db, openPostgres } from '../db/database';
import { act, get, householdRegistration, login, post, registrationAttachments } from '../dossiers/dossiers.test-helpers';
import type { AppContext } from '../http/context';
import { DEMO_PASSWORD } from '../identity/identity.seed';
import { latestCode, type SignedIn, signIn } from '../identity/identity.test-helpers';
import { seed } from '../seed';
import { createTestDatabase } from '../test/harness';
import { appLoggerOptions, protectDatabase, rotateProtectionKey } from './index';
import { protectStoredValues } from './protection-backfill';
import { loadKeyRing } from './protection-keys';

// A citizen like the demo's: a Quảng Ngãi mobile number and a CCCD issued there (051…).
const PHONE = '0935246813';
const CITIZEN_ID = '051190004321';
const PASSWORD = 'Mat-Khau-Rieng-4817';

/** The same number written the usual ways: 0935 246 813, 0935.246.813, +84 935 246 813, 84935246813… */
function mentions(text: string, number: string): boolean {
  const significant = number.replace(/^0/, '');
  return text.replace(/[\s.\-()]/g, '').includes(significant);
}

const lines: string[] = [];
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: FastifyInstance;
let ctx: AppContext;
let dataDir: string;
let keyFile: string;
let citizen: SignedIn;
let receiver: SignedIn;
let code: string;

/** The stored rows as the database's owner sees them, without the app's opening of sealed values. */
async function asOwner<T>(work: (db: Db) => Promise<T>): Promise<T> {
  if (!handle.ownerUrl) return work(handle.db);
  const owner = await openPostgres(handle.ownerUrl);
  try {
    return await work(owner.db);
  } finally {
    await owner.close();
  }
}

/** Every row of every table of the app, as text. */
async function everyStoredRow(db: Db): Promise<string[]> {
  const raw = db.withoutPlugins();
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(raw);
  const rows: string[] = [];
  for (const { name } of tables.rows) {
    const r = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(raw);
    rows.push(...r.rows.map((x) => `${name}: ${x.row}`));
  }
  return rows;
}

before(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'dvc-protection-'));
  const config = loadConfig({ NODE_ENV: 'test', DVC_DEMO: '1', DATA_DIR: dataDir });
  keyFile = config.privacy.keyFile;
  const { db } = await protectDatabase(handle.db, config, new Date());
  ctx = { db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: true });
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ ctx, logger: appLoggerOptions('trace', stream) });
  await app.ready();
});

after(async () => {
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('identity and phone numbers at rest and in the log', () => {
  test('the key file is created on first start, readable by its owner only', () => {
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  });

  test('a filing journey leaves no identity or phone number in clear in the log or the tables', async () => {
    const register = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { phone: PHONE, password: PASSWORD, fullName: 'Trần Văn Bình' },
    });
    assert.equal(register.statusCode, 201);
    const verify = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-phone',
      payload: { phone: PHONE, code: await latestCode(app, PHONE) },
    });
    assert.equal(verify.statusCode, 200);
    citizen = await signIn(app, PHONE, PASSWORD);
    const form = householdRegistration().form as Record<string, Record<string, unknown>>;
    form.owner = { ...form.owner, fullName: 'Trần Thị Bình', citizenId: CITIZEN_ID, phone: PHONE };
    const filed = await post(
      app,
      citizen,
      '/api/v1/dossiers',
      householdRegistration({ form, attachments: await registrationAttachments(ctx, citizen) }),
      randomUUID(),
    );
    assert.equal(filed.statusCode, 201, filed.body);
    code = filed.json().code;
    receiver = await login(app, 'receiver');
    assert.equal((await act(app, receiver, code, { type: 'receive' })).statusCode, 200);
    const seen = await get(app, receiver, `/api/v1/dossiers/${code}`);
    assert.equal(seen.statusCode, 200);
    assert.ok(seen.body.includes(CITIZEN_ID), 'the desk reads the owner’s identity number');
    const lookup = await app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?phoneLast4=${PHONE.slice(-4)}` });
    assert.equal(lookup.statusCode, 200, 'the public lookup still checks the phone’s last digits');
    assert.equal(lookup.json().status, 'received');

    const log = lines.join('');
    assert.match(log, /\/api\/v1\/dossiers/, 'the requests were logged');
    assert.equal(mentions(log, PHONE), false, 'the log names the citizen’s phone');
    assert.equal(mentions(log, CITIZEN_ID), false, 'the log names the citizen’s identity number');

    const stored = await asOwner(everyStoredRow);
    assert.ok(
      stored.some((r) => r.startsWith('dossier:') && r.includes(code)),
      'the dossier was read back',
    );
    const clear = stored.filter((r) => mentions(r, PHONE) || mentions(r, CITIZEN_ID));
    assert.deepEqual(clear, [], 'rows holding the citizen’s numbers in clear');
  });

  test('after a key rotation the old rows still read and the lookups by phone still find them', async () => {
    const before = await asOwner((db) =>
      sql<{ form: string }>`select form::text as form from dossier where code = ${code}`.execute(db.withoutPlugins()),
    );
    assert.match(before.rows[0]!.form, /"citizenId": "pd1\.k1\./, 'the form’s identity number is sealed with the first key');

    const r = await rotateProtectionKey(handle.db, keyFile, new Date(), { dropRetired: true });
    assert.equal(r.keyId, 'k2');
    assert.ok((r.pass.sealed['user_account.phone'] ?? 0) >= 1, 'the accounts were sealed again');
    assert.deepEqual(r.dropped, ['k1']);
    const stored = await asOwner(everyStoredRow);
    assert.deepEqual(
      stored.filter((row) => row.includes('pd1.k1.')),
      [],
      'values still sealed with the dropped key',
    );

    // The running app learns the new key from the file: the same sign-in, desk and lookup work.
    const again = await signIn(app, PHONE, PASSWORD);
    assert.equal(again.body.user.id, citizen.body.user.id);
    const seen = await get(app, receiver, `/api/v1/dossiers/${code}`);
    assert.ok(seen.body.includes(CITIZEN_ID));
    const lookup = await app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?phoneLast4=${PHONE.slice(-4)}` });
    assert.equal(lookup.statusCode, 200);
  });

  test('rows stored in clear before the upgrade are sealed by the start, idempotently, and still found', async () => {
    const demoCitizen = '0905000001';
    // What migration 050 finds: the demo citizen's phone in clear, without its blind index.
    await asOwner((db) =>
      sql`update user_account set phone = ${demoCitizen}, phone_bidx = null where phone_bidx is not null
        and id = (select id from user_account where kind = 'citizen' order by created_at limit 1)`.execute(db.withoutPlugins()),
    );
    const ring = loadKeyRing(keyFile);
    const first = await protectStoredValues(handle.db, ring, new Date(), { force: true });
    assert.equal(first.sealed['user_account.phone'], 1);
    const second = await protectStoredValues(handle.db, ring, new Date(), { force: true });
    assert.deepEqual(second.sealed, {}, 'a second pass has nothing left to do');
    assert.equal(
      (await protectStoredValues(handle.db, ring, new Date())).skipped,
      true,
      'a start with the same key skips the pass',
    );
    const signedIn = await signIn(app, demoCitizen, DEMO_PASSWORD);
    assert.equal(signedIn.body.user.kind, 'citizen');
    const stored = await asOwner(everyStoredRow);
    assert.deepEqual(
      stored.filter((row) => row.startsWith('user_account:') && mentions(row, demoCitizen)),
      [],
    );
  });
});
