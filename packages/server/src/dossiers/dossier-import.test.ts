import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { rangePeriod } from '@dvc/domain/indicators';
import { sql } from 'kysely';
import { importCsvFile } from '../cli/import-dossiers';
import { buildIndicatorReport } from '../reports/reports.service';
import { createTestApp, type TestApp } from '../test/harness';
import { IMPORT_COLUMNS, type ImportColumn, importHistoricalDossiers } from './dossier-import';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: false, now: new Date('2024-01-10T03:00:00Z') });
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

function csvFile(rows: Values[], name = 'dossiers.csv'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dvc-import-')), name);
  writeFileSync(file, csvOf(rows));
  return file;
}

const records = (rows: Values[]) => rows.map((values, i) => ({ line: i + 2, values }));

async function receivedIn(from: string, toInclusive: string) {
  const r = await buildIndicatorReport(t.ctx, {
    period: rangePeriod(from, toInclusive),
    periodLabel: 'test',
    groupBy: 'unit',
  });
  assert.ok(r.ok);
  return r.value.total;
}

test('a counter dossier without a submission time is imported and counts on its reception day', async () => {
  const counter = { channel: 'direct', submitted_at: '', received_at: '2023-06-30T16:30:00+07:00' };
  const r = await importHistoricalDossiers(
    t.ctx,
    records([
      row('CTR-0001', { ...counter, resolved_at: '2023-07-03T10:00:00+07:00', returned_at: '2023-07-03T15:00:00+07:00' }),
      row('CTR-0002', { channel: 'direct', submitted_at: '', received_at: '' }),
      row('CTR-0003', { channel: 'web', submitted_at: '' }),
    ]),
  );
  assert.equal(r.inserted, 1, JSON.stringify(r.errors));
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column]),
    [
      [3, 'received_at'],
      [4, 'submitted_at'],
    ],
  );
  const june30 = await receivedIn('2023-06-30', '2023-06-30');
  assert.equal(june30.received, 1);
  assert.equal(june30.direct, 1);
  assert.equal((await receivedIn('2023-07-01', '2023-07-31')).received, 0);
  // Its history: one event per known instant, from the counter's reception to the result handed over.
  const events = await t.ctx.db
    .selectFrom('dossierEvent')
    .innerJoin('dossier', 'dossier.id', 'dossierEvent.dossierId')
    .select(['seq', 'type', 'fromStatus', 'toStatus', 'at', 'actorRole'])
    .where('dossier.code', '=', 'CTR-0001')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    events.map((e) => [e.seq, e.type, e.fromStatus, e.toStatus, new Date(e.at).toISOString(), e.actorRole]),
    [
      [1, 'record_at_counter', null, 'received', '2023-06-30T09:30:00.000Z', 'system'],
      [2, 'resolve', 'received', 'resolved', '2023-07-03T03:00:00.000Z', 'system'],
      [3, 'return_result', 'resolved', 'returned', '2023-07-03T08:00:00.000Z', 'system'],
    ],
  );
});

test('impossible dates are refused by line, naming the column, instead of being shifted', async () => {
  const r = await importHistoricalDossiers(
    t.ctx,
    records([
      row('DATE-0001', {
        submitted_at: '2023-02-30T08:00:00+07:00',
        received_at: '',
        due_at: '',
        resolved_at: '',
        returned_at: '',
        status: 'new',
      }),
      row('DATE-0002', { resolved_at: '2023-04-31T10:00:00+07:00' }),
      row('DATE-0003', { due_at: '2023-06-08T24:30:00+07:00' }),
      row('DATE-0004', { received_at: '2023-06-05T09:61:00+07:00' }),
      row('DATE-0005', {
        submitted_at: '2020-02-29T08:00:00+07:00',
        received_at: '',
        due_at: '',
        resolved_at: '',
        returned_at: '',
        status: 'new',
      }),
    ]),
  );
  assert.equal(r.inserted, 1);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column]),
    [
      [2, 'submitted_at'],
      [3, 'resolved_at'],
      [4, 'due_at'],
      [5, 'received_at'],
    ],
  );
  assert.match(r.errors[0]?.reason ?? '', /submitted_at: .*không tồn tại/);
  const stored = await t.ctx.db.selectFrom('dossier').select('code').where('code', 'like', 'DATE-%').execute();
  assert.deepEqual(
    stored.map((s) => s.code),
    ['DATE-0005'],
  );
});

test('a code already imported with different data is a conflict by line; the same data is skipped', async () => {
  const file = csvFile([
    row('CONF-0001'),
    row('CONF-0002'),
    row('CONF-0001'),
    row('CONF-0002', { status: 'resolved', returned_at: '' }),
  ]);
  const first = await importCsvFile(t.ctx, file);
  assert.equal(first.inserted, 2);
  assert.equal(first.duplicates, 1);
  assert.deepEqual(
    first.errors.map((e) => [e.line, e.column]),
    [[5, 'code']],
  );
  assert.match(first.errors[0]?.reason ?? '', /dòng 3.*status/);

  const second = await importCsvFile(
    t.ctx,
    csvFile([row('CONF-0001'), row('CONF-0002', { fee_amount: '0', paid_online: 'false' }), row('CONF-0003')]),
  );
  assert.equal(second.inserted, 1);
  assert.equal(second.duplicates, 1);
  assert.deepEqual(
    second.errors.map((e) => [e.line, e.column]),
    [[3, 'code']],
  );
  assert.match(second.errors[0]?.reason ?? '', /đã có.*fee_amount.*paid_online/);
  const fee = await t.ctx.db.selectFrom('dossier').select('feeAmount').where('code', '=', 'CONF-0002').executeTakeFirstOrThrow();
  assert.equal(Number(fee.feeAmount), 50000);
});

test('a file read in several batches finds repeats and conflicts across them and leaves nothing staged, nor an abandoned batch', async () => {
  const rows = Array.from({ length: 10 }, (_, i) => row(`MULTI-${String(i).padStart(4, '0')}`));
  rows.push(row('MULTI-0001'), row('MULTI-0002', { components_total: '4' }), row('MULTI-0010'));
  // A batch left two days ago by a killed import is cleared by the next one.
  await sql`insert into dossier_import_staging (province_code, batch_id, line, id, code, procedure_code, agency_code,
      unit_code, channel, status, snapshot, submitted_at, fee_amount, paid_online, components_total, components_digitized,
      result_digitized, result_electronic, search_text, events, staged_at)
    values (${t.ctx.config.PROVINCE_CODE}, gen_random_uuid(), 2, gen_random_uuid(), 'LEFT-0001', '1.001612', 'X', '524',
      'web', 'new', '{}', now(), 0, false, 0, 0, false, false, '', '[]', now() - interval '2 days')`.execute(t.ctx.db);
  const progress: number[] = [];
  const summary = await importCsvFile(t.ctx, csvFile(rows), { batchSize: 4, onProgress: (_b, s) => void progress.push(s.rows) });
  assert.equal(summary.inserted, 11);
  assert.equal(summary.duplicates, 1);
  assert.deepEqual(
    summary.errors.map((e) => [e.line, e.column, e.conflict]),
    [[13, 'code', true]],
  );
  assert.match(summary.errors[0]?.reason ?? '', /MULTI-0002.*components_total/);
  assert.deepEqual(progress, [4, 8, 12, 13]);
  const staged = await sql<{ n: number }>`select count(*)::int as n from dossier_import_staging`.execute(t.ctx.db);
  assert.equal(staged.rows[0]?.n, 0);
});

test('an out-of-range count is refused by line and the good rows of its batch are kept', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => row(`RANGE-${String(i).padStart(4, '0')}`));
  rows[7] = row('RANGE-0007', { components_total: '99999999999', components_digitized: '0' });
  rows[20] = row('RANGE-0020', { fee_amount: '99999999999999999999' });
  const summary = await importCsvFile(t.ctx, csvFile(rows));
  assert.equal(summary.inserted, 28);
  assert.deepEqual(
    summary.errors.map((e) => [e.line, e.column]),
    [
      [9, 'components_total'],
      [22, 'fee_amount'],
    ],
  );
});

test('a row the database refuses costs only that row, reported by line', async () => {
  // A rule the row check does not know about (as a column overflow was): only the database refuses it.
  await t.asOwner((db) => sql`alter table dossier add constraint test_refuse_code check (code <> 'DB-0005')`.execute(db));
  try {
    const rows = Array.from({ length: 12 }, (_, i) => row(`DB-${String(i).padStart(4, '0')}`));
    const r = await importHistoricalDossiers(t.ctx, records(rows));
    assert.equal(r.inserted, 11);
    assert.deepEqual(
      r.errors.map((e) => e.line),
      [7],
    );
    assert.match(r.errors[0]?.reason ?? '', /cơ sở dữ liệu/);
    const n = await t.ctx.db
      .selectFrom('dossierEvent')
      .select(sql<number>`count(distinct dossier_id)::int`.as('n'))
      .where('dossierId', 'in', t.ctx.db.selectFrom('dossier').select('id').where('code', 'like', 'DB-%'))
      .executeTakeFirstOrThrow();
    assert.equal(n.n, 11);
    assert.equal((await receivedIn('2023-06-05', '2023-06-05')).received >= 11, true);
  } finally {
    await t.asOwner((db) => sql`alter table dossier drop constraint test_refuse_code`.execute(db));
  }
});

test('every bad row goes to dossiers.errors.csv beside the input and the count is the true one', async () => {
  const bad = Array.from({ length: 10_050 }, (_, i) => row(`BAD-${i}`, { channel: 'fax' }));
  const file = csvFile([row('GOOD-0001'), ...bad]);
  const summary = await importCsvFile(t.ctx, file);
  assert.equal(summary.inserted, 1);
  assert.equal(summary.errorCount, 10_050);
  const errorsFile = file.replace(/\.csv$/, '.errors.csv');
  assert.equal(summary.errorsFile, errorsFile);
  const lines = readFileSync(errorsFile, 'utf8').trim().split('\n');
  assert.equal(lines[0], 'line,column,reason');
  assert.equal(lines.length, 10_051);
  assert.match(lines[1] ?? '', /^3,channel,"/);
  assert.match(lines[10_050] ?? '', /^10052,channel,/);

  // A clean run leaves no stale list of errors behind.
  writeFileSync(file, csvOf([row('GOOD-0001')]));
  const again = await importCsvFile(t.ctx, file);
  assert.equal(again.errorCount, 0);
  assert.equal(existsSync(errorsFile), false);
});

test('the CLI run while the embedded server holds the data dir prints the clear message only', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-import-locked-'));
  // This test process stands for the running server: a live pid in the lock file.
  writeFileSync(join(dataDir, 'server.lock'), String(process.pid));
  const file = csvFile([row('LOCK-0001')]);
  const cli = resolve(import.meta.dirname, '../cli/import-dossiers.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, file], { env, encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /đang được tiến trình/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.doesNotMatch(r.stderr, /Error:/);
});
