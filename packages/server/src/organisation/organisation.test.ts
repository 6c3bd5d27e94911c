import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let admin: SignedIn;
let citizen: SignedIn;

before(async () => {
  t = await createTestApp();
  [admin, citizen] = await Promise.all([login(t.app, 'provinceAdmin'), login(t.app, 'citizen')]);
});
after(() => t.close());

function put(app: FastifyInstance, who: SignedIn, url: string, payload: unknown) {
  return app.inject({
    method: 'PUT',
    url,
    payload: payload as object,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
  });
}

const newAgency = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: 'Phòng Kinh tế đặc khu Lý Sơn',
  kind: 'other',
  unitCode: '21548',
  parentCode: 'UBND.21548',
  codePrefix: 'KT.LYSON',
  desk: { name: 'Bộ phận Một cửa đặc khu Lý Sơn', address: 'Thôn Đông, đặc khu Lý Sơn', phone: '02553867000' },
  officeHours: {
    periods: [
      { start: '07:00', end: '11:00' },
      { start: '13:30', end: '17:00' },
    ],
  },
  ...extra,
});

async function auditOf(code: string) {
  return t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'change'])
    .where('recordType', '=', 'agency')
    .where('recordId', '=', code)
    .orderBy('id')
    .execute();
}

const changeOf = (row: { change: unknown }) =>
  (typeof row.change === 'string' ? JSON.parse(row.change) : row.change) as {
    before: { name?: string } | null;
    after: { name?: string; validTo?: string };
  };

describe('agencies administered by the province administrator', () => {
  test('the demo seed has every agency a seeded procedure routes to, with its kind', async () => {
    const res = await get(t.app, admin, '/api/v1/admin/agencies?q=');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { code: string; kind: string; open: boolean; staffCount: number }[];
    const byCode = new Map(items.map((a) => [a.code, a]));
    assert.equal(byCode.get('CA.21025')?.kind, 'commune_police');
    assert.equal(byCode.get('BHXH')?.kind, 'social_insurance_agency');
    assert.equal(byCode.get('UBND.21548')?.kind, 'commune_people_committee');
    // The groups' police and insurance, and Lý Sơn, have someone to process their dossiers.
    for (const code of ['CA.21025', 'BHXH', 'UBND.21548']) assert.ok((byCode.get(code)?.staffCount ?? 0) >= 3, code);
    const picker = await get(t.app, admin, '/api/v1/officer/agencies/CA.21025/staff?role=specialist');
    assert.equal(picker.json().items.length, 1);
  });

  test('creates an agency with its desk, office hours and code prefix; the audit keeps the record', async () => {
    const res = await post(t.app, admin, '/api/v1/admin/agencies', newAgency('KT.21548'));
    assert.equal(res.statusCode, 201, res.body);
    const a = res.json();
    assert.equal(a.parentName, 'Ủy ban nhân dân đặc khu Lý Sơn');
    assert.equal(a.unitName, 'Đặc khu Lý Sơn');
    assert.equal(a.codePrefix, 'KT.LYSON');
    assert.equal(a.desk.name, 'Bộ phận Một cửa đặc khu Lý Sơn');
    assert.equal(a.officeHours.periods[0].start, '07:00');
    assert.equal(a.open, true);
    const rows = await auditOf('KT.21548');
    assert.equal(rows.length, 1);
    assert.equal(changeOf(rows[0]!).before, null);
    assert.equal(changeOf(rows[0]!).after.name, 'Phòng Kinh tế đặc khu Lý Sơn');

    const again = await post(t.app, admin, '/api/v1/admin/agencies', newAgency('KT.21548'));
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /Mã cơ quan này đã có/);
  });

  test('refuses office hours that overlap and a unit that does not exist, naming the fields in Vietnamese', async () => {
    const res = await post(
      t.app,
      admin,
      '/api/v1/admin/agencies',
      newAgency('KT.X', {
        unitCode: '99999',
        officeHours: {
          periods: [
            { start: '07:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      }),
    );
    assert.equal(res.statusCode, 422, res.body);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    assert.deepEqual(fields, ['body.officeHours.periods', 'body.unitCode']);
  });

  test('renaming keeps the code and writes before/after', async () => {
    const body = { ...newAgency('KT.21548'), name: 'Phòng Kinh tế – Hạ tầng đặc khu Lý Sơn' } as Record<string, unknown>;
    delete body.code;
    const res = await put(t.app, admin, '/api/v1/admin/agencies/KT.21548', body);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().name, 'Phòng Kinh tế – Hạ tầng đặc khu Lý Sơn');
    const rows = await auditOf('KT.21548');
    const last = changeOf(rows[rows.length - 1]!);
    assert.equal(last.before?.name, 'Phòng Kinh tế đặc khu Lý Sơn');
    assert.equal(last.after.name, 'Phòng Kinh tế – Hạ tầng đặc khu Lý Sơn');
  });

  test('an agency cannot be put under itself or under its own sub-agency', async () => {
    const sub = await post(
      t.app,
      admin,
      '/api/v1/admin/agencies',
      newAgency('KT.21548.1', { parentCode: 'KT.21548', codePrefix: null }),
    );
    assert.equal(sub.statusCode, 201, sub.body);
    const body = { ...newAgency('KT.21548'), parentCode: 'KT.21548.1' } as Record<string, unknown>;
    delete body.code;
    const res = await put(t.app, admin, '/api/v1/admin/agencies/KT.21548', body);
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.body, /trực thuộc/);
  });

  test('closing an agency with dossiers still open is refused; closed, it keeps its name for its history', async () => {
    const dossier = await fileOnline(t.app, citizen);
    const refused = await post(t.app, admin, '/api/v1/admin/agencies/UBND.21025/close', { validTo: '2026-12-01' });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().title, /hồ sơ chưa kết thúc/);

    const closed = await post(t.app, admin, '/api/v1/admin/agencies/UBND.21061/close', { validTo: '2026-01-01' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().open, false);
    const open = (await get(t.app, admin, '/api/v1/admin/agencies?q=Vạn Tường')).json().items as { code: string }[];
    assert.ok(!open.some((a) => a.code === 'UBND.21061'), 'a closed agency is not listed by default');
    const all = (await get(t.app, admin, '/api/v1/admin/agencies?q=Vạn Tường&includeClosed=true')).json().items as {
      code: string;
      name: string;
      validTo: string;
    }[];
    const vanTuong = all.find((a) => a.code === 'UBND.21061');
    assert.equal(vanTuong?.name, 'Ủy ban nhân dân xã Vạn Tường');
    assert.equal(vanTuong?.validTo, '2026-01-01');
    // Its former dossiers' agency row is there; new filings for that commune find no agency.
    const filing = await post(t.app, citizen, '/api/v1/dossiers', { procedureCode: '1.001612', unitCode: '21061' }, 'k-closed');
    assert.notEqual(filing.statusCode, 201);
    const again = await post(t.app, admin, '/api/v1/admin/agencies/UBND.21061/close', { validTo: '2026-02-01' });
    assert.equal(again.statusCode, 409);
    const edit = await put(t.app, admin, '/api/v1/admin/agencies/UBND.21061', {
      name: 'X mới',
      kind: 'commune_people_committee',
      unitCode: '21061',
    });
    assert.equal(edit.statusCode, 409);
    assert.ok(dossier.code);
  });

  test('a role cannot be granted in a closed agency', async () => {
    const res = await post(t.app, admin, '/api/v1/admin/staff', {
      fullName: 'Trần Văn Đóng',
      phone: '0912399001',
      roles: [{ role: 'specialist', agencyCode: 'UBND.21061' }],
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.body, /ngừng hoạt động/);
  });

  test('forty creations of the same code at once: one is created, the others are told why', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () => post(t.app, admin, '/api/v1/admin/agencies', newAgency('KT.RACE', { codePrefix: null }))),
    );
    assert.equal(results.filter((r) => r.statusCode === 201).length, 1);
    assert.equal(results.filter((r) => r.statusCode === 422).length, 39);
  });
});
