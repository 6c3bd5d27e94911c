import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { seedCatalog } from './catalog.seed';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: false });
});
after(() => t.close());

interface Summary {
  code: string;
  name: string;
  componentsCount: number;
  legalDurationWorkingDays: number;
  minimumNoticeWorkingDays?: number;
  fee: { counterAmount: number; onlineAmount: number };
}

async function search(query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Summary[]; total: number };
}

test('the catalog holds the 10 procedures, each with components and a legal duration', async () => {
  const body = await search('');
  assert.equal(body.total, 10);
  assert.equal(body.items.length, 10);
  for (const p of body.items) {
    assert.ok(p.componentsCount > 0, `${p.code} has components`);
    assert.equal(typeof p.legalDurationWorkingDays, 'number', `${p.code} has a duration`);
    assert.ok(p.legalDurationWorkingDays > 0 || (p.minimumNoticeWorkingDays ?? 0) > 0, `${p.code} has a time rule`);
  }
});

test('"ho kinh doanh" without diacritics finds the three household-business procedures', async () => {
  const body = await search(`q=${encodeURIComponent('ho kinh doanh')}`);
  assert.deepEqual(body.items.map((p) => p.code).sort(), ['1.001266', '1.001612', '2.000720']);
});

test('"khuyen mai" finds the promotion notice; "KHAI SINH" finds birth registration', async () => {
  const promo = await search(`q=${encodeURIComponent('khuyen mai')}`);
  assert.deepEqual(
    promo.items.map((p) => p.name),
    ['Thông báo hoạt động khuyến mại'],
  );
  const birth = await search(`q=${encodeURIComponent('KHAI SINH')}`);
  assert.deepEqual(
    birth.items.map((p) => p.name),
    ['Đăng ký khai sinh'],
  );
});

test('every query word must match; the code and the topic label are searchable too', async () => {
  assert.equal((await search(`q=${encodeURIComponent('hộ kinh doanh chấm dứt')}`)).total, 1);
  assert.equal((await search('q=1.001612')).items[0]!.name, 'Đăng ký thành lập hộ kinh doanh');
  assert.deepEqual((await search(`q=${encodeURIComponent('cu tru')}`)).items.map((p) => p.code).sort(), ['1.003197', '1.004222']);
  assert.equal((await search(`q=${encodeURIComponent('100%')}`)).total, 0, 'a % is matched literally');
});

test('filter by topic', async () => {
  const body = await search('topic=ho-tich');
  assert.deepEqual(body.items.map((p) => p.code).sort(), ['1.000656', '1.001193']);
});

test('household registration online costs half the counter fee', async () => {
  const p = (await search('q=1.001612')).items[0]!;
  assert.equal(p.fee.counterAmount, 100_000);
  assert.equal(p.fee.onlineAmount, 50_000);
  const termination = (await search('q=1.001266')).items[0]!;
  assert.equal(termination.fee.counterAmount, 0);
  assert.equal(termination.fee.onlineAmount, 0);
});

test('the detail gives the full definition with its components', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.name, 'Đăng ký khai sinh');
  assert.equal(body.interlinkGroup, 'birth');
  assert.ok(body.components.some((c: { mandatory: boolean }) => c.mandatory));
  assert.deepEqual(body.feeAmounts, { kind: 'none', counterAmount: 0, onlineAmount: 0, onlineReductionPercent: 0 });
});

test('an unknown code is a Vietnamese problem+json 404', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/9.999999' });
  assert.equal(res.statusCode, 404);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(res.json().title, 'Không tìm thấy thủ tục');
});

test('topics come with Vietnamese labels and counts', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedure-topics' });
  assert.equal(res.statusCode, 200);
  const items = res.json().items as Array<{ id: string; label: string; count: number }>;
  assert.deepEqual(
    items.find((i) => i.id === 'ho-kinh-doanh'),
    { id: 'ho-kinh-doanh', label: 'Hộ kinh doanh', count: 3 },
  );
  assert.equal(
    items.reduce((sum, i) => sum + i.count, 0),
    10,
  );
});

test('seeding again changes nothing and keeps a withdrawn procedure withdrawn', async () => {
  await t.ctx.db.updateTable('procedure').set({ active: false }).where('code', '=', '2.000720').execute();
  const lines = await seedCatalog(t.ctx, false);
  assert.deepEqual(lines, ['Danh mục thủ tục: 10 thủ tục']);
  assert.equal((await search(`q=${encodeURIComponent('ho kinh doanh')}`)).total, 2);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/2.000720' });
  assert.equal(res.statusCode, 404);
  await t.ctx.db.updateTable('procedure').set({ active: true }).where('code', '=', '2.000720').execute();
});

test('a procedure names every paper in English too, for a citizen reading the app in English', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' });
  assert.equal(res.statusCode, 200, res.body);
  const components = (res.json() as { components: Array<{ id: string; name: string; nameEn?: string; notesEn?: string }> })
    .components;
  assert.deepEqual(
    components.map((c) => [c.name, c.nameEn]),
    [
      ['Tờ khai đăng ký khai tử', 'Death registration form'],
      ['Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Death notice, or a paper that replaces it'],
      ['Văn bản ủy quyền', 'Letter of authorisation'],
    ],
  );
  assert.equal(components[2]!.notesEn, 'Only when the person registering acts under an authorisation.');
});
