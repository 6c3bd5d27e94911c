import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { seedAdminUnits } from './admin-units.seed';
import { findUnit, successorsOf } from './admin-units.service';

interface Unit {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  level: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successors?: Unit[];
  predecessors?: Unit[];
}

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: false, now: new Date('2026-01-01T03:00:00Z') });
});
after(() => t.close());

async function list(query: string): Promise<Unit[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/admin-units?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
}

async function one(code: string, query = ''): Promise<Unit> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/admin-units/${code}${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('on 1 Jun 2023 Quảng Ngãi has its 13 district-level units and 173 communes, wards and townships', async () => {
  const districts = await list('at=2023-06-01&level=district&parent=51');
  assert.deepEqual(
    districts.map((d) => d.fullName).sort((a, b) => a.localeCompare(b, 'vi')),
    [
      'Huyện Ba Tơ',
      'Huyện Bình Sơn',
      'Huyện Lý Sơn',
      'Huyện Minh Long',
      'Huyện Mộ Đức',
      'Huyện Nghĩa Hành',
      'Huyện Sơn Hà',
      'Huyện Sơn Tây',
      'Huyện Sơn Tịnh',
      'Huyện Trà Bồng',
      'Huyện Tư Nghĩa',
      'Thành phố Quảng Ngãi',
      'Thị xã Đức Phổ',
    ],
  );
  assert.equal(districts.find((d) => d.name === 'Quảng Ngãi')?.kind, 'city');
  assert.equal(districts.find((d) => d.name === 'Đức Phổ')?.kind, 'town');
  const communes = await list('at=2023-06-01&level=commune&parent=51');
  assert.equal(communes.length, 173);
  assert.deepEqual(
    communes.map((c) => c.code),
    [...communes.map((c) => c.code)].sort(),
    'sorted by code',
  );
  const province = await list('at=2023-06-01&level=province');
  assert.deepEqual(
    province.map((p) => p.fullName),
    ['Tỉnh Quảng Ngãi', 'Tỉnh Kon Tum'],
  );
});

test('on 1 Jan 2026 the merged province has no district level and 96 commune-level units', async () => {
  assert.deepEqual(await list('at=2026-01-01&level=district'), []);
  const units = await list('at=2026-01-01&level=commune&parent=51');
  assert.equal(units.length, 96);
  const count = (kind: string) => units.filter((u) => u.kind === kind).length;
  assert.deepEqual([count('commune'), count('ward'), count('special_zone')], [86, 9, 1]);
  const lySon = units.find((u) => u.kind === 'special_zone');
  assert.equal(lySon?.fullName, 'Đặc khu Lý Sơn');
  assert.ok(units.every((u) => u.parentCode === '51' && u.validFrom === '2025-07-01' && u.validTo === null));
  // Without `at` the app's today (1 Jan 2026) is used; Kon Tum province no longer exists.
  assert.deepEqual(
    (await list('level=province')).map((p) => [p.code, p.fullName]),
    [['51', 'Tỉnh Quảng Ngãi']],
  );
});

test('names keep their diacritics and the early-2025 changes have their dates', async () => {
  const old = await one('21262', '?at=2024-06-01');
  assert.equal(old.fullName, 'Xã Nghĩa An');
  assert.equal(old.validTo, '2025-01-01');
  const renamed = await one('21262', '?at=2025-03-01');
  assert.equal(renamed.fullName, 'Xã An Phú');
  assert.deepEqual([renamed.validFrom, renamed.validTo], ['2025-01-01', '2025-07-01']);
  const tuNghia = await one('528', '?at=2023-06-01');
  assert.equal(tuNghia.fullName, 'Huyện Tư Nghĩa');
  assert.equal((await list('at=2025-03-01&level=commune&parent=51')).length, 170);
});

test('an old ward points to its new ward and the new ward to its old ones', async () => {
  const nghiaChanh = await one('21019', '?at=2023-06-01');
  assert.equal(nghiaChanh.fullName, 'Phường Nghĩa Chánh');
  assert.deepEqual(
    nghiaChanh.successors?.map((s) => s.fullName),
    ['Phường Cẩm Thành'],
  );
  // The same code 21025 was Phường Nguyễn Nghiêm before 1 Jul 2025 and is Phường Cẩm Thành after.
  assert.equal((await one('21025', '?at=2024-01-01')).fullName, 'Phường Nguyễn Nghiêm');
  const camThanh = await one('21025', '?at=2026-01-01');
  assert.equal(camThanh.fullName, 'Phường Cẩm Thành');
  assert.deepEqual(camThanh.predecessors?.map((p) => p.fullName).sort(), [
    'Phường Chánh Lộ',
    'Phường Nghĩa Chánh',
    'Phường Nguyễn Nghiêm',
    'Phường Trần Hưng Đạo',
  ]);
  assert.deepEqual(
    (await one('51', '?at=2026-01-01')).predecessors?.map((p) => p.fullName),
    ['Tỉnh Quảng Ngãi', 'Tỉnh Kon Tum'],
  );
  assert.deepEqual(
    (await one('21548')).predecessors?.map((p) => p.fullName),
    ['Huyện Lý Sơn'],
  );
  // Without a date an old code still resolves to its last version.
  assert.equal((await one('21019')).fullName, 'Phường Nghĩa Chánh');
  // Same name in two districts: the Kon Tum one went elsewhere.
  assert.deepEqual(
    (await one('23308', '?at=2024-01-01')).successors?.map((s) => s.fullName),
    ['Phường Đăk Bla'],
  );
  assert.deepEqual(
    (await one('536', '?at=2024-01-01')).successors?.map((s) => s.fullName),
    ['Đặc khu Lý Sơn'],
  );
});

test('every old commune-level unit of either province has at least one successor', async () => {
  for (const at of ['2023-06-01', '2025-03-01']) {
    for (const province of ['51', '62']) {
      const units = await list(`at=${at}&level=commune&parent=${province}`);
      assert.ok(units.length > 100);
      for (const u of units) {
        const successors = await successorsOf(t.ctx.db, u.code);
        assert.ok(successors.length > 0, `${u.code} ${u.fullName} (${at}) maps nowhere`);
        assert.ok(successors.every((s) => s.validFrom === '2025-07-01'));
      }
    }
  }
  assert.equal(await findUnit(t.ctx.db, '21019', '2026-01-01'), undefined);
});

test('search ignores diacritics', async () => {
  const found = await list('at=2026-01-01&q=cam%20thanh');
  assert.deepEqual(
    found.map((u) => u.fullName),
    ['Phường Cẩm Thành'],
  );
  const withMarks = await list(`at=2026-01-01&q=${encodeURIComponent('CẨM THÀNH')}`);
  assert.deepEqual(
    withMarks.map((u) => u.code),
    ['21025'],
  );
  assert.deepEqual(await list('at=2026-01-01&q=100%25'), []);
});

test('a bad date is a 400 naming the field; an unknown code is a 404', async () => {
  for (const bad of ['2023-13-01', '2023-02-30', 'hom-nay']) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/admin-units?at=${bad}` });
    assert.equal(res.statusCode, 400);
    assert.ok(
      res.json().errors.some((e: { field: string }) => e.field === 'querystring.at'),
      res.body,
    );
  }
  const missing = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/99999' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().title, 'Không tìm thấy đơn vị hành chính');
  const gone = await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/62?at=2026-01-01' });
  assert.equal(gone.statusCode, 404);
});

test('loading the units again changes nothing', async () => {
  const before = await t.ctx.db.selectFrom('adminUnit').select(['id']).orderBy('id').execute();
  assert.deepEqual(await seedAdminUnits(t.ctx, false), []);
  const afterIds = await t.ctx.db.selectFrom('adminUnit').select(['id']).orderBy('id').execute();
  assert.deepEqual(afterIds, before);
  assert.equal(before.length, 400);
});
