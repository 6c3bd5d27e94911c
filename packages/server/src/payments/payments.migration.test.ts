import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database';
import { listMigrations, migrate } from '../db/migrate';
import { createEmptyTestDatabase, type EmptyTestDatabase } from '../test/harness';

/** Migration 017 on a database that already holds fees collected twice (before the fix). */

const serverUrl = process.env.TEST_DATABASE_URL;
const ONE_FEE = '017_enforce-single-fee-payment';
let handle: DatabaseHandle;
let database: EmptyTestDatabase | undefined;

before(async () => {
  if (!serverUrl) {
    handle = await openPglite();
    return;
  }
  // Migrations run as the owner role where CI gives one (docs/decisions/008).
  database = await createEmptyTestDatabase(serverUrl, 'dvc_pay017');
  handle = await openPostgres(database.migrationUrl ?? database.databaseUrl);
});
after(async () => {
  await handle.close();
  await database?.drop();
});

test('fees collected twice before 017: the first paid order keeps the fee, the others are flagged or closed', async () => {
  const all = listMigrations();
  await migrate(
    handle.db,
    all.filter((m) => m.id < ONE_FEE),
  );
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 2, minute)).toISOString();
  const rows: Array<[dossier: string, ref: string, status: string, createdMinute: number, paidMinute: number | null]> = [
    ['D1', 'QN-D1-A', 'paid', 0, 5],
    ['D1', 'QN-D1-B', 'paid', 1, 3],
    ['D1', 'QN-D1-C', 'pending', 2, null],
    ['D2', 'QN-D2-A', 'pending', 0, null],
    ['D2', 'QN-D2-B', 'pending', 4, null],
    ['D2', 'QN-D2-C', 'failed', 6, null],
  ];
  // The dossiers themselves do not matter here: their foreign key is dropped for this setup (as the
  // table's owner: switching constraint checks off would need a superuser).
  const fk = await sql<{ name: string }>`select conname as name from pg_constraint
    where conrelid = 'payment'::regclass and contype = 'f'`.execute(handle.db);
  for (const { name } of fk.rows) await sql`alter table payment drop constraint ${sql.id(name)}`.execute(handle.db);
  await handle.db.transaction().execute(async (trx) => {
    for (const [dossier, ref, status, created, paid] of rows) {
      await sql`insert into payment (id, province_code, dossier_code, order_ref, amount, status, gateway, payer_id,
          order_info, created_at, expires_at, paid_at, receipt_number)
        values (${randomUUID()}, '51', ${dossier}, ${ref}, 50000, ${status}, 'vnpay', ${randomUUID()}, 'x',
          ${at(created)}::timestamptz, ${at(created + 15)}::timestamptz,
          ${paid === null ? null : at(paid)}::timestamptz, ${paid === null ? null : `R-${ref}`})`.execute(trx);
    }
  });

  assert.equal((await migrate(handle.db))[0], ONE_FEE);
  const after = await sql<{
    orderRef: string;
    status: string;
    paidOrderRef: string | null;
    paid: boolean;
    receipt: string | null;
  }>`
    select order_ref as "orderRef", status, paid_order_ref as "paidOrderRef", paid_at is not null as paid,
      receipt_number as receipt
    from payment order by order_ref`.execute(handle.db);
  assert.deepEqual(after.rows, [
    // Paid first (minute 3) keeps the fee; the later one is to refund, its receipt number kept for cancelling.
    { orderRef: 'QN-D1-A', status: 'refund_due', paidOrderRef: 'QN-D1-B', paid: false, receipt: 'R-QN-D1-A' },
    { orderRef: 'QN-D1-B', status: 'paid', paidOrderRef: null, paid: true, receipt: 'R-QN-D1-B' },
    { orderRef: 'QN-D1-C', status: 'superseded', paidOrderRef: null, paid: false, receipt: null },
    { orderRef: 'QN-D2-A', status: 'superseded', paidOrderRef: null, paid: false, receipt: null },
    { orderRef: 'QN-D2-B', status: 'pending', paidOrderRef: null, paid: false, receipt: null },
    { orderRef: 'QN-D2-C', status: 'failed', paidOrderRef: null, paid: false, receipt: null },
  ]);
});
