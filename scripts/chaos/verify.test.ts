import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../packages/server/src/db/database';
import { createTestDatabase } from '../../packages/server/src/test/harness';
import { businessNamePrefix, type Filing } from './filings';
import { verify } from './verify';

// The chaos run is only as good as its checker: it must see a lost, a doubled and a failed filing,
// and a hole in a desk's numbers, and nothing when all is well.
let handle: DatabaseHandle;
const RUN = 'abcd1234';
const DESK = 'UBND.21025';

before(async () => {
  handle = await createTestDatabase();
});
after(() => handle.close());

async function store(name: string, sequence: number) {
  const code = `${DESK}-261130-${String(sequence).padStart(4, '0')}`;
  await handle.db.transaction().execute(async (trx) => {
    await sql`set local dvc.report_bulk = 'on'`.execute(trx);
    await sql`insert into dossier (id, province_code, code, procedure_code, agency_code, unit_code, applicant_name,
        channel, status, form, snapshot, submitted_at, search_text, updated_at)
      values (${randomUUID()}, '51', ${code}, '1.001612', ${DESK}, '21025', 'Nguyễn Văn Dân', 'mobile', 'new',
        ${JSON.stringify({ businessName: name })}, '{}', now(), '', now())`.execute(trx);
  });
  return code;
}

const filing = (i: number, ackedCode?: string): Filing => ({
  key: randomUUID(),
  name: `${businessNamePrefix(RUN)}${i}`,
  body: '{}',
  attempts: 1,
  ackedCode,
});

test('what the clients were told, compared with what the database holds', async () => {
  await sql`insert into dossier_code_sequence (province_code, agency_code, day, last_value)
    values ('51', ${DESK}, '2026-11-30', 3)`.execute(handle.db);
  const clean = [
    filing(1, await store(`${businessNamePrefix(RUN)}1`, 1)),
    filing(2, await store(`${businessNamePrefix(RUN)}2`, 2)),
  ];
  clean.push(filing(3, await store(`${businessNamePrefix(RUN)}3`, 3)));
  assert.deepEqual(await verify(handle.db, clean, RUN), {
    ackedMissing: 0,
    duplicated: 0,
    neverSucceeded: 0,
    writtenNotAcked: 0,
    dailyNumberGaps: 0,
    stored: 3,
    examples: [],
  });

  // 4: acknowledged, never stored. 5: stored twice. 6: never acknowledged, yet stored. Number 6 unused.
  await sql`update dossier_code_sequence set last_value = 7`.execute(handle.db);
  const five = await store(`${businessNamePrefix(RUN)}5`, 4);
  await store(`${businessNamePrefix(RUN)}5`, 5);
  await store(`${businessNamePrefix(RUN)}6`, 7);
  const broken = [...clean, filing(4, `${DESK}-261130-0009`), filing(5, five), filing(6), filing(7)];
  const found = await verify(handle.db, broken, RUN);
  assert.equal(found.ackedMissing, 1);
  assert.equal(found.duplicated, 1);
  assert.equal(found.neverSucceeded, 2);
  assert.equal(found.writtenNotAcked, 1);
  assert.equal(found.dailyNumberGaps, 1);
  assert.equal(found.stored, 6);
});
