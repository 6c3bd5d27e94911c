import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { get, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

/**
 * The catalog at more than one import chunk (issue 12 point 7): paging, search without diacritics,
 * an import run twice, a refused entry. Timings are the bench's (`npm run bench -- catalog`), not here.
 */

let t: TestApp;
let admin: SignedIn;
let citizen: SignedIn;

const HEADER = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan thực hiện,Mức độ,Thời hạn giải quyết,Phí/lệ phí,Căn cứ pháp lý';
const COUNT = 230;
const codeOf = (i: number) => `QNG-QUY-MO-${String(i).padStart(3, '0')}`;
const BAD_AT = 118;

function catalogRow(i: number): string {
  const kinds = [
    ['Đăng ký hộ kinh doanh lưu động tuyến', 'Thành lập và hoạt động của hộ kinh doanh', 'Nghị định 168/2025/NĐ-CP'],
    ['Cấp giấy phép bán lẻ rượu điểm', 'Thương mại', 'Nghị định 105/2017/NĐ-CP'],
    ['Đăng ký khai sinh lưu động thôn', 'Hộ tịch', 'Luật Hộ tịch 2014'],
  ] as const;
  const [name, field, basis] = kinds[i % kinds.length] as (typeof kinds)[number];
  const level = i === BAD_AT ? 'Mức độ 2' : i % 2 === 0 ? 'Toàn trình' : 'Một phần';
  return `${codeOf(i)},${name} ${i},${field},UBND cấp xã,${level},05 ngày làm việc,Miễn phí,${basis}`;
}

/** 230 rows (two import chunks), one refused (a level DVC does not take), one code given twice. */
const CATALOG = [HEADER, ...Array.from({ length: COUNT }, (_, i) => catalogRow(i)), catalogRow(3)].join('\n');

const importCsv = async (body: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/procedures/import?publish=true',
    payload: body,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as {
    created: number;
    updated: number;
    unchanged: number;
    refused: number;
    entries: { code: string; status: string }[];
  };
};

interface Page {
  items: { code: string; name: string }[];
  total: number;
  limit: number;
  offset: number;
}
const list = async (query: string): Promise<Page> => {
  const res = await get(t.app, citizen, `/api/v1/procedures?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

const written = async () => ({
  versions: Number(
    (
      await t.ctx.db
        .selectFrom('procedureVersion')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audits: Number(
    (
      await t.ctx.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('recordType', '=', 'procedure')
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

before(async () => {
  t = await createTestApp();
  [admin, citizen] = await Promise.all([login(t.app, 'provinceAdmin'), login(t.app, 'citizen')]);
});
after(() => t.close());

test('an import of two chunks writes every valid entry, nothing of the refused one, and nothing the second time', async () => {
  const before = await written();
  const first = await importCsv(CATALOG);
  assert.deepEqual([first.created, first.updated, first.unchanged, first.refused], [COUNT - 1, 0, 0, 2]);
  assert.equal(first.entries[BAD_AT]?.status, 'refused');
  assert.equal(first.entries[COUNT]?.status, 'refused', 'a code given twice is refused the second time');
  const afterFirst = await written();
  assert.deepEqual(afterFirst, { versions: before.versions + COUNT - 1, audits: before.audits + COUNT - 1 });

  const refused = codeOf(BAD_AT);
  assert.equal((await get(t.app, admin, `/api/v1/admin/procedures/${refused}/versions`)).statusCode, 404);
  assert.equal(
    await t.ctx.db.selectFrom('auditLog').select('id').where('recordId', '=', refused).executeTakeFirst(),
    undefined,
    'no audit row for the refused entry',
  );
  assert.equal((await list(`q=${refused}`)).total, 0);

  const again = await importCsv(CATALOG);
  assert.deepEqual([again.created, again.updated, again.unchanged, again.refused], [0, 0, COUNT - 1, 2]);
  assert.deepEqual(await written(), afterFirst, 'the second run writes no version and no audit row');
});

test('without diacritics, "dang ky ho kinh doanh" finds "Đăng ký hộ kinh doanh…" right after the import', async () => {
  const found = await list(`q=${encodeURIComponent('dang ky ho kinh doanh luu dong tuyen 30')}`);
  assert.deepEqual(
    found.items.map((p) => p.name),
    ['Đăng ký hộ kinh doanh lưu động tuyến 30'],
  );
  const accented = await list(`q=${encodeURIComponent('ĐĂNG KÝ HỘ KINH DOANH lưu động')}`);
  const plain = await list(`q=${encodeURIComponent('dang ky ho kinh doanh luu dong')}`);
  assert.equal(accented.total, Math.ceil(COUNT / 3));
  assert.deepEqual(plain, accented);
});

test('pages do not overlap and together are the whole list, in the order of one long page', async () => {
  for (const query of ['', `q=${encodeURIComponent('luu dong')}`, 'topic=ho-tich']) {
    const whole = await list(`${query}&limit=200`);
    assert.ok(whole.total > 0);
    const seen: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 37) {
      const page = await list(`${query}&limit=37&offset=${offset}`);
      assert.equal(page.total, whole.total);
      assert.ok(page.items.length <= 37);
      seen.push(...page.items.map((p) => p.code));
    }
    assert.equal(new Set(seen).size, seen.length, `no procedure on two pages (${query})`);
    assert.equal(seen.length, whole.total, `every procedure on a page (${query})`);
    assert.deepEqual(seen.slice(0, 200), whole.items.map((p) => p.code).slice(0, 200));
  }
  const published = await t.ctx.db
    .selectFrom('procedure')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('provinceCode', '=', t.ctx.config.PROVINCE_CODE)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  const first = await list('');
  assert.equal(first.total, Number(published.n));
  assert.equal(first.items.length, 50, 'a page by default, not the whole catalog');
  assert.deepEqual((await list(`offset=${first.total}`)).items, []);
  assert.equal((await get(t.app, citizen, '/api/v1/procedures?limit=201')).statusCode, 400);
});

test('a withdrawn procedure leaves the search at once, for 40 searches at the same moment, and comes back when published', async () => {
  const code = codeOf(30);
  const q = `/api/v1/procedures?q=${encodeURIComponent('tuyen 30')}`;
  const codesOf = async () =>
    (await Promise.all(Array.from({ length: 40 }, () => get(t.app, citizen, q)))).map((r) =>
      (r.json() as Page).items.map((p) => p.code).join(','),
    );
  assert.equal((await post(t.app, admin, `/api/v1/admin/procedures/${code}/unpublish`, {})).statusCode, 200);
  assert.deepEqual(new Set(await codesOf()), new Set(['']));
  assert.equal((await post(t.app, admin, `/api/v1/admin/procedures/${code}/publish`, {})).statusCode, 200);
  assert.deepEqual(new Set(await codesOf()), new Set([code]));
});

test('the group filing finds its members by group, not by reading the catalog', async () => {
  const birth = await list('group=birth&limit=200');
  assert.ok(birth.items.length >= 2);
  assert.ok(birth.items.some((p) => p.code === '1.001193'));
  assert.equal(birth.total, birth.items.length);
});
