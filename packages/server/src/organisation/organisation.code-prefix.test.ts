import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

// An agency's code prefix is the leading part of the codes of the dossiers filed to it
// (Circular 01/2018 art. 19: `<agency code>-YYMMDD-NNNN`).
let t: TestApp;
let admin: SignedIn;
let citizen: SignedIn;
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');

before(async () => {
  t = await createTestApp({ now: MONDAY_9AM });
  [admin, citizen] = await Promise.all([login(t.app, 'provinceAdmin'), login(t.app, 'citizen')]);
});
after(() => t.close());

async function setPrefix(code: string, codePrefix: string | null) {
  const listed = (await get(t.app, admin, `/api/v1/admin/agencies?q=${encodeURIComponent(code)}`)).json().items as Array<
    Record<string, unknown> & { code: string }
  >;
  const a = listed.find((x) => x.code === code)!;
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/agencies/${code}`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    payload: {
      name: a.name,
      kind: a.kind,
      unitCode: a.unitCode,
      parentCode: a.parentCode,
      desk: a.desk,
      officeHours: a.officeHours,
      codePrefix,
    },
  });
}

describe('dossier codes follow the agency’s code prefix', () => {
  test('after the prefix is set, new dossiers start with it, numbered from 1 without gaps; older codes stay', async () => {
    const older = await fileOnline(t.app, citizen);
    assert.match(older.code, /^UBND\.21025-261130-0001$/, 'without a prefix the agency’s own code leads');

    const set = await setPrefix('UBND.21025', '000.00.31.H48');
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().codePrefix, '000.00.31.H48');

    const filed = await Promise.all(Array.from({ length: 5 }, () => fileOnline(t.app, citizen)));
    assert.deepEqual(
      filed.map((d) => d.code).sort(),
      [1, 2, 3, 4, 5].map((n) => `000.00.31.H48-261130-000${n}`),
    );
    const opened = await get(t.app, citizen, `/api/v1/dossiers/${older.code}`);
    assert.equal(opened.statusCode, 200, 'the dossier filed before keeps its code');
    const newest = await get(t.app, citizen, `/api/v1/dossiers/${filed[0]!.code}`);
    assert.equal(newest.statusCode, 200);

    // Back to no prefix: the agency's own sequence goes on where it was.
    assert.equal((await setPrefix('UBND.21025', null)).statusCode, 200);
    assert.equal((await fileOnline(t.app, citizen)).code, 'UBND.21025-261130-0002');
  });

  test('a prefix that cannot lead a dossier code is refused, in Vietnamese', async () => {
    const dashed = await setPrefix('UBND.21025', 'UB-21025');
    assert.equal(dashed.statusCode, 400, dashed.body);
    assert.match(dashed.body, /Tiền tố mã hồ sơ/);
    const lower = await post(t.app, admin, '/api/v1/admin/agencies', {
      code: 'kt-lyson',
      name: 'Phòng Kinh tế đặc khu Lý Sơn',
      kind: 'other',
      unitCode: '21548',
    });
    assert.equal(lower.statusCode, 422, lower.body);
    assert.deepEqual(
      (lower.json().errors as { field: string }[]).map((e) => e.field),
      ['body.codePrefix'],
    );
    const withPrefix = await post(t.app, admin, '/api/v1/admin/agencies', {
      code: 'kt-lyson',
      name: 'Phòng Kinh tế đặc khu Lý Sơn',
      kind: 'other',
      unitCode: '21548',
      codePrefix: 'kt.lyson',
    });
    assert.equal(withPrefix.statusCode, 201, withPrefix.body);
    assert.equal(withPrefix.json().codePrefix, 'KT.LYSON', 'typed in lower case, kept in upper case');
  });
});
