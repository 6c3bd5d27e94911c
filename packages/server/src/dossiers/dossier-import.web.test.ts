import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { IMPORT_COLUMNS, type ImportColumn } from './dossier-import';
import { importCsvFile } from './dossier-import-csv';
import { receiveUpload } from './dossier-import-web';
import { get, login } from './dossiers.test-helpers';

let t: TestApp;
let admin: SignedIn;
before(async () => {
  t = await createTestApp({ now: new Date('2024-01-10T03:00:00Z') });
  admin = await login(t.app, 'provinceAdmin');
});
after(async () => {
  await t.close();
});

type Values = Partial<Record<ImportColumn, string>>;
const row = (code: string, over: Values = {}): Values => ({
  code,
  procedure_code: '1.001612',
  unit_code: '524',
  channel: 'mobile',
  submitted_at: '2023-06-05T08:00:00+07:00',
  received_at: '2023-06-05T09:00:00+07:00',
  due_at: '2023-06-08T17:00:00+07:00',
  resolved_at: '2023-06-06T10:00:00+07:00',
  returned_at: '2023-06-06T15:00:00+07:00',
  status: 'returned',
  withdrawn: 'false',
  components_total: '3',
  components_digitized: '3',
  result_digitized: 'true',
  result_electronic: 'true',
  fee_amount: '50000',
  paid_online: 'true',
  ...over,
});
const csvOf = (rows: Values[]) =>
  [IMPORT_COLUMNS.join(','), ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? '').join(','))].join('\n');

interface ImportView {
  id: string;
  status: 'running' | 'done' | 'failed';
  rows: number;
  inserted: number;
  duplicates: number;
  conflicts: number;
  badRows: number;
  errorsUrl: string | null;
  failure: string | null;
}

function upload(who: SignedIn, csv: string, name = 'lich-su.csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/admin/imports?name=${encodeURIComponent(name)}`,
    payload: csv,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'text/csv' },
  });
}

async function finished(id: string): Promise<ImportView> {
  for (let i = 0; i < 1000; i++) {
    const res = await get(t.app, admin, `/api/v1/admin/imports/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json() as ImportView;
    if (v.status !== 'running') return v;
    await sleep(20);
  }
  throw new Error('the import did not finish');
}

async function importCsv(csv: string): Promise<ImportView> {
  const res = await upload(admin, csv);
  assert.equal(res.statusCode, 202, res.body);
  return finished((res.json() as ImportView).id);
}

const countCodes = async (prefix: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('code', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).n,
  );

const FILE = csvOf([
  row('WEB-0001'),
  row('WEB-0002', { channel: 'fax' }),
  row('WEB-0003'),
  row('WEB-0004', { submitted_at: '2023-02-30T08:00:00+07:00' }),
  row('WEB-0005', { channel: 'direct', submitted_at: '' }),
]);

test('a province admin imports a CSV from the web: good rows in, bad rows listed by line in errors.csv', async () => {
  const v = await importCsv(FILE);
  assert.deepEqual([v.status, v.rows, v.inserted, v.duplicates, v.conflicts, v.badRows], ['done', 5, 3, 0, 0, 2]);
  assert.equal(await countCodes('WEB-'), 3);
  assert.ok(v.errorsUrl);
  const res = await get(t.app, admin, v.errorsUrl);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="lich-su\.errors\.csv"/);
  const lines = parse(res.body, { columns: true }) as Array<{ line: string; column: string; reason: string }>;
  assert.deepEqual(
    lines.map((l) => [l.line, l.column]),
    [
      ['3', 'channel'],
      ['5', 'submitted_at'],
    ],
  );
  const audit = await t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'statusCode'])
    .where('recordType', '=', 'dossier_import')
    .where('recordId', '=', v.id)
    .execute();
  assert.deepEqual(audit, [{ action: 'POST /api/v1/admin/imports', statusCode: 202 }]);
});

test('the same file again doubles nothing: its rows are duplicates; other data under a code is a conflict', async () => {
  const again = await importCsv(FILE);
  assert.deepEqual([again.inserted, again.duplicates, again.conflicts, again.badRows], [0, 3, 0, 2]);
  assert.equal(await countCodes('WEB-'), 3);

  const changed = await importCsv(csvOf([row('WEB-0001', { fee_amount: '0', paid_online: 'false' }), row('WEB-0006')]));
  assert.deepEqual([changed.inserted, changed.duplicates, changed.conflicts, changed.badRows], [1, 0, 1, 0]);
  assert.ok(changed.errorsUrl, 'the conflict is listed in the file');
  const body = (await get(t.app, admin, changed.errorsUrl)).body;
  assert.match(body, /^line,column,reason\n2,code,".*xung đột/);
});

test('the same file uploaded twice at once is imported once', async () => {
  const csv = csvOf(Array.from({ length: 40 }, (_, i) => row(`TWICE-${String(i).padStart(4, '0')}`)));
  const [a, b] = await Promise.all([upload(admin, csv), upload(admin, csv)]);
  assert.deepEqual([a.statusCode, b.statusCode], [202, 202]);
  const [va, vb] = await Promise.all([finished(a.json().id), finished(b.json().id)]);
  assert.equal(va.inserted + vb.inserted, 40);
  assert.equal(va.duplicates + vb.duplicates, 40);
  assert.equal(await countCodes('TWICE-'), 40);
});

test('a clean file has no bad-rows file; a file without the columns fails with the reason', async () => {
  const clean = await importCsv(csvOf([row('CLEAN-0001')]));
  assert.deepEqual([clean.inserted, clean.badRows, clean.errorsUrl], [1, 0, null]);
  assert.equal((await get(t.app, admin, `/api/v1/admin/imports/${clean.id}/errors.csv`)).statusCode, 404);

  const wrong = await importCsv('ma,ten\nA,B\n');
  assert.equal(wrong.status, 'failed');
  assert.match(wrong.failure ?? '', /^Thiếu cột: code, procedure_code/);
});

test('only CSV bodies, never empty, never past the size limit', async () => {
  const json = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/imports',
    payload: { rows: [] },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
  });
  assert.equal(json.statusCode, 415);
  assert.equal((await upload(admin, '')).statusCode, 400);
  const big = await receiveUpload(t.ctx, crypto.randomUUID(), Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000);
  assert.deepEqual(big, { ok: false, reason: 'too-large' });
});

test('citizens and desk officers are refused; another province’s import is not found', async () => {
  const citizen = await login(t.app, 'citizen');
  const desk = await login(t.app, 'receiver');
  for (const who of [citizen, desk]) assert.equal((await upload(who, FILE)).statusCode, 403);

  const v = await importCsv(csvOf([row('OTHER-0001', { channel: 'fax' })]));
  assert.equal((await get(t.app, desk, `/api/v1/admin/imports/${v.id}`)).statusCode, 403);
  await t.ctx.db.updateTable('dossierImport').set({ provinceCode: '99' }).where('id', '=', v.id).execute();
  assert.equal((await get(t.app, admin, `/api/v1/admin/imports/${v.id}`)).statusCode, 404);
  assert.equal((await get(t.app, admin, `/api/v1/admin/imports/${v.id}/errors.csv`)).statusCode, 404);
});

test('an import whose server stopped mid-way is reported as interrupted, not running for ever', async () => {
  const id = crypto.randomUUID();
  const then = new Date(t.ctx.now().getTime() - 10 * 60 * 1000);
  await t.ctx.db
    .insertInto('dossierImport')
    .values({
      id,
      provinceCode: t.ctx.config.PROVINCE_CODE,
      createdBy: crypto.randomUUID(),
      fileName: 'lon.csv',
      sizeBytes: 1000,
      status: 'running',
      createdAt: then,
      updatedAt: then,
    })
    .execute();
  const v = (await get(t.app, admin, `/api/v1/admin/imports/${id}`)).json() as ImportView;
  assert.equal(v.status, 'failed');
  assert.match(v.failure ?? '', /gián đoạn/);
});

test('a long import runs in slices: the server answers meanwhile and the progress moves', async () => {
  const total = 3000;
  const res = await upload(admin, csvOf(Array.from({ length: total }, (_, i) => row(`SLICE-${String(i).padStart(5, '0')}`))));
  assert.equal(res.statusCode, 202);
  const id = (res.json() as ImportView).id;
  const seen: Array<[string, number]> = [];
  for (;;) {
    const v = (await get(t.app, admin, `/api/v1/admin/imports/${id}`)).json() as ImportView;
    seen.push([v.status, v.rows]);
    if (v.status !== 'running') break;
    await sleep(5);
  }
  assert.deepEqual(seen.at(-1), ['done', total]);
  assert.equal(seen[0]?.[0], 'running', 'the first poll is answered while the import runs');
  assert.ok(
    seen.some(([status, rows]) => status === 'running' && rows > 0 && rows < total),
    `progress between the start and the end: ${JSON.stringify(seen.slice(0, 20))}`,
  );
  assert.equal(await countCodes('SLICE-'), total);
});

test('a stopped import keeps the batches it committed and stops between two batches', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dvc-import-')), 'stop.csv');
  writeFileSync(file, csvOf(Array.from({ length: 30 }, (_, i) => row(`STOP-${String(i).padStart(4, '0')}`))));
  const stop = new AbortController();
  await assert.rejects(importCsvFile(t.ctx, file, { batchSize: 10, signal: stop.signal, onProgress: () => stop.abort() }), {
    name: 'AbortError',
  });
  assert.equal(await countCodes('STOP-'), 10);
});
