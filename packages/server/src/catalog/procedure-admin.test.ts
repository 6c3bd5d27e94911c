import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { get, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { marriageRegistrationDefinition } from './procedure-admin.test-fixtures';

let t: TestApp;
let admin: SignedIn;
let receiver: SignedIn;
let citizen: SignedIn;

before(async () => {
  t = await createTestApp();
  [admin, receiver, citizen] = await Promise.all([
    login(t.app, 'provinceAdmin'),
    login(t.app, 'receiver'),
    login(t.app, 'citizen'),
  ]);
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
const csv = (app: FastifyInstance, who: SignedIn, body: string, publish = false) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/admin/procedures/import?publish=${publish}`,
    payload: body,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'text/csv' },
  });
const versionsOf = async (code: string) => (await get(t.app, admin, `/api/v1/admin/procedures/${code}/versions`)).json();
const auditOf = (code: string) =>
  t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'statusCode', 'change', 'actorId'])
    .where('recordType', '=', 'procedure')
    .where('recordId', '=', code)
    .orderBy('id')
    .execute();

describe('an administrator adds a procedure that did not exist', () => {
  const code = '1.000894';
  test('saved as version 1, unpublished until published, audited with before and after', async () => {
    const saved = await put(t.app, admin, `/api/v1/admin/procedures/${code}`, marriageRegistrationDefinition());
    assert.equal(saved.statusCode, 201, saved.body);
    assert.deepEqual(saved.json(), { code, version: 1 });
    assert.equal((await get(t.app, citizen, `/api/v1/procedures/${code}`)).statusCode, 404);

    const listed = (await get(t.app, admin, '/api/v1/admin/procedures?q=ket hon&status=unpublished')).json();
    assert.deepEqual(
      listed.items.map((i: { code: string; active: boolean }) => [i.code, i.active]),
      [[code, false]],
    );

    const published = await post(t.app, admin, `/api/v1/admin/procedures/${code}/publish`, {});
    assert.equal(published.statusCode, 200, published.body);
    const detail = await get(t.app, citizen, `/api/v1/procedures/${code}`);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(detail.json().version, 1);
    assert.equal(detail.json().definition.names.vi, 'Đăng ký kết hôn');
    // Without diacritics, as a citizen types on a phone.
    const found = (await get(t.app, citizen, '/api/v1/procedures?q=dang ky ket hon')).json();
    assert.ok(found.items.some((i: { code: string }) => i.code === code));

    const rows = await auditOf(code);
    assert.deepEqual(
      rows.map((r) => [r.action, r.statusCode]),
      [
        [`PUT /api/v1/admin/procedures/${code}`, 201],
        [`POST /api/v1/admin/procedures/${code}/publish`, 200],
      ],
    );
    const change = typeof rows[0]?.change === 'string' ? JSON.parse(rows[0].change) : rows[0]?.change;
    assert.equal(change.before, null);
    assert.equal(change.after.version, 1);
    assert.equal(change.after.definition.code, code);
    assert.equal(rows[0]?.actorId, admin.body.user.id);
  });

  test('the same definition again is no new version; forty identical saves at once make exactly one', async () => {
    const again = await put(t.app, admin, `/api/v1/admin/procedures/${code}`, marriageRegistrationDefinition());
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), { code, version: 1, unchanged: true });

    const edited = marriageRegistrationDefinition();
    edited.names.vi = 'Đăng ký kết hôn trong nước';
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => put(t.app, admin, `/api/v1/admin/procedures/${code}`, edited)),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode).sort(),
      [...Array.from({ length: 39 }, () => 200), 201],
      answers.map((a) => a.body).join('\n'),
    );
    assert.deepEqual(
      (await versionsOf(code)).versions.map((v: { version: number }) => v.version),
      [1, 2],
    );
  });

  test('what changed between two versions reads by path', async () => {
    const diff = await get(t.app, admin, `/api/v1/admin/procedures/${code}/versions/1/diff/2`);
    assert.equal(diff.statusCode, 200, diff.body);
    assert.deepEqual(diff.json().changes, [
      {
        path: 'names.vi',
        kind: 'changed',
        message: 'Tên thủ tục: "Đăng ký kết hôn" → "Đăng ký kết hôn trong nước"',
        before: 'Đăng ký kết hôn',
        after: 'Đăng ký kết hôn trong nước',
      },
    ]);
    const old = await get(t.app, admin, `/api/v1/admin/procedures/${code}/versions/1`);
    assert.equal(old.json().definition.names.vi, 'Đăng ký kết hôn');
    assert.equal((await get(t.app, admin, `/api/v1/admin/procedures/${code}/versions/1/diff/9`)).statusCode, 404);
  });

  test('unpublished, citizens no longer find it; the versions stay', async () => {
    const res = await post(t.app, admin, `/api/v1/admin/procedures/${code}/unpublish`, {});
    assert.deepEqual(res.json(), { code, active: false, version: 2 });
    assert.equal((await get(t.app, citizen, `/api/v1/procedures/${code}`)).statusCode, 404);
    assert.equal((await versionsOf(code)).versions.length, 2);
  });
});

test('a definition with six problems is refused with the path of each, and nothing is written', async () => {
  const bad = marriageRegistrationDefinition();
  bad.code = '1.000999';
  bad.slug = 'thu-tuc-loi';
  bad.fee = { kind: 'fixed', amount: 20_000, payableAt: 'submission', legalBasis: '' };
  const [declaration] = bad.components;
  const [, , status] = bad.form.steps;
  if (!declaration || !status) throw new Error('fixture shape');
  declaration.accepts = [];
  bad.result.issuer = 'may-in-tien';
  status.fields.push({ key: 'photo', type: 'camera', label: { vi: 'Ảnh' } });
  const bride = bad.form.steps[0]?.fields[0]?.fields;
  bride?.push({ key: 'fullName', type: 'text', label: { vi: 'Trùng khóa' } });
  const [married] = status.fields;
  if (married) married.visibleIf = { '==': [{ var: 'divorceReference' }, 'x'] };
  const res = await put(t.app, admin, '/api/v1/admin/procedures/1.000999', bad);
  assert.equal(res.statusCode, 422, res.body);
  const paths = res.json().errors.map((e: { field: string }) => e.field);
  for (const path of [
    'fee.legalBasis',
    'components.0.accepts',
    'result.issuer',
    'form.steps.2.fields.2.type',
    'form.steps.0.fields.0.fields.4.key',
    'form.steps.2.fields.0.visibleIf',
  ]) {
    assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
  }
  assert.equal((await get(t.app, admin, '/api/v1/admin/procedures/1.000999/versions')).statusCode, 404);
  const rows = await auditOf('1.000999');
  assert.deepEqual(
    rows.map((r) => r.statusCode),
    [422],
  );
});

test('a definition whose code is not the one in the address is refused at "code"', async () => {
  const res = await put(t.app, admin, '/api/v1/admin/procedures/1.000111', marriageRegistrationDefinition());
  assert.equal(res.statusCode, 422);
  assert.deepEqual(
    res.json().errors.map((e: { field: string }) => e.field),
    ['code'],
  );
});

test('an import reports each entry, writes nothing of a refused one, and changes nothing the second time', async () => {
  const good = marriageRegistrationDefinition();
  good.code = 'QNG-KET-HON-LUU-DONG';
  good.slug = 'dang-ky-ket-hon-luu-dong';
  const bad = { ...marriageRegistrationDefinition(), code: 'QNG-LOI', slug: 'loi', components: [] };
  const bundle = { procedures: [good, bad, good] };
  const first = await post(t.app, admin, '/api/v1/admin/procedures/import', bundle);
  assert.equal(first.statusCode, 200, first.body);
  const report = first.json();
  assert.deepEqual(
    report.entries.map((e: { at: number; status: string }) => [e.at, e.status]),
    [
      [1, 'created'],
      [2, 'refused'],
      [3, 'refused'],
    ],
  );
  assert.deepEqual(report.entries[1].errors, [{ field: 'components', message: 'Thủ tục phải có ít nhất một thành phần hồ sơ' }]);
  assert.match(report.entries[2].errors[0].message, /trùng với mục 1/);
  assert.equal((await get(t.app, admin, '/api/v1/admin/procedures/QNG-LOI/versions')).statusCode, 404);

  const second = (await post(t.app, admin, '/api/v1/admin/procedures/import', { procedures: [good] })).json();
  assert.deepEqual([second.created, second.updated, second.unchanged], [0, 0, 1]);
  assert.equal((await versionsOf(good.code)).versions.length, 1);
});

test('the national catalog CSV: new rows get a minimal form, an existing procedure takes the facts and keeps its form', async () => {
  const header = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan thực hiện,Mức độ,Thời hạn giải quyết,Phí/lệ phí,Căn cứ pháp lý';
  const body = [
    header,
    'QNG-KHAI-TU-LUU-DONG,Đăng ký khai tử lưu động,Hộ tịch,UBND cấp xã,Một phần,Ngay trong ngày,Miễn phí,Luật Hộ tịch 2014',
    '1.001612,Đăng ký thành lập hộ kinh doanh,Thành lập và hoạt động của hộ kinh doanh,UBND cấp xã,Toàn trình,03 ngày làm việc,100.000 đồng,Nghị định 168/2025/NĐ-CP',
    '1.002000,Ghi chú hộ tịch,Hộ tịch,UBND cấp xã,Mức độ 2,15 ngày,Miễn phí,Luật Xây dựng',
  ].join('\n');
  const res = await csv(t.app, admin, body, true);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.deepEqual(
    report.entries.map((e: { code: string; status: string }) => [e.code, e.status]),
    [
      ['QNG-KHAI-TU-LUU-DONG', 'created'],
      ['1.001612', 'updated'],
      ['1.002000', 'refused'],
    ],
  );
  assert.deepEqual(
    report.entries[2].errors.map((e: { field: string }) => e.field),
    ['Mức độ'],
  );
  const created = (await get(t.app, citizen, '/api/v1/procedures/QNG-KHAI-TU-LUU-DONG')).json();
  assert.deepEqual(
    created.definition.form.steps[0].fields.map((f: { key: string }) => f.key),
    ['fullName', 'citizenId', 'phone', 'request'],
  );
  const hkd = (await get(t.app, citizen, '/api/v1/procedures/1.001612')).json();
  assert.ok(hkd.definition.form.steps.length > 1, 'the pilot keeps its own form');
  assert.deepEqual(hkd.definition.legalBasis, ['Nghị định 168/2025/NĐ-CP']);

  const again = (await csv(t.app, admin, body, true)).json();
  assert.deepEqual([again.created, again.updated, again.unchanged, again.refused], [0, 0, 2, 1]);
});

test('an entry whose page address another procedure uses is refused alone; the rest of its batch is written', async () => {
  const taken = marriageRegistrationDefinition();
  taken.code = 'QNG-TRUNG-DIA-CHI';
  taken.slug = 'dang-ky-thanh-lap-ho-kinh-doanh';
  const fine = marriageRegistrationDefinition();
  fine.code = 'QNG-KET-HON-CO-YEU-TO-NUOC-NGOAI';
  fine.slug = 'dang-ky-ket-hon-co-yeu-to-nuoc-ngoai';
  const res = await post(t.app, admin, '/api/v1/admin/procedures/import', { procedures: [fine, taken] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().entries.map((e: { status: string; errors?: { field: string }[] }) => [e.status, e.errors?.map((x) => x.field)]),
    [
      ['created', undefined],
      ['refused', ['slug']],
    ],
  );
  assert.equal((await get(t.app, admin, '/api/v1/admin/procedures/QNG-TRUNG-DIA-CHI/versions')).statusCode, 404);
  assert.equal((await versionsOf(fine.code)).versions.length, 1);
});

test('only administrators reach the catalog administration', async () => {
  for (const who of [receiver, citizen]) {
    const res = await put(t.app, who, '/api/v1/admin/procedures/1.000894', marriageRegistrationDefinition());
    assert.equal(res.statusCode, 403);
    assert.equal((await get(t.app, who, '/api/v1/admin/procedures')).statusCode, 403);
  }
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/admin/procedures' });
  assert.equal(anonymous.statusCode, 401);
});
