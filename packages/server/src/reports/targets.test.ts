import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import {
  COMMUNE_RECEIVER,
  createReportsTestApp,
  getJson,
  loginAs,
  PROVINCE_ADMIN,
  type ReportsTestApp,
} from './reports.test-helpers';

let t: ReportsTestApp;
let admin: SignedIn;

before(async () => {
  t = await createReportsTestApp();
  admin = await loginAs(t.api, PROVINCE_ADMIN);
});
after(() => t.close());

const NOVEMBER = 'period=2022-11&groupBy=unit&era=old&level=district&procedureGroup=HKD-THI-DIEM';

async function indicators(query: string) {
  const res = await getJson(t.api, admin, `/api/v1/reports/indicators?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

interface Target {
  groupCode: string;
  unitLevel: string | null;
  validFrom: string;
  validTo: string | null;
  onlineRate: number;
  supersededAt: string | null;
}

test("the seeds' targets are the stored ones: 30% Nov 2022, 50% from Dec 2022, online-only from Jun 2023", async () => {
  const res = await getJson(t.api, admin, '/api/v1/admin/targets');
  assert.equal(res.statusCode, 200, res.body);
  const current = (res.json().current as Target[]).map((x) => [x.validFrom, x.validTo, x.onlineRate]);
  assert.deepEqual(current, [
    ['2022-11-01', '2022-12-01', 0.3],
    ['2022-12-01', '2023-06-01', 0.5],
    ['2023-06-01', null, 1],
  ]);
});

test('a district-level target set for November 2022 changes the report lists; the old decision stays in the history', async () => {
  const before = await indicators(NOVEMBER);
  assert.ok(before.classification.met.includes('Huyện Bình Sơn'));
  const res = await post(t.api, admin, '/api/v1/admin/targets', {
    groupCode: 'HKD-THI-DIEM',
    unitLevel: 'district',
    validFrom: '2022-11-01',
    validTo: '2022-12-01',
    onlineRate: 0.95,
    legalBasis: 'Quyết định thử nghiệm (kiểm thử) ngày 01/11/2022',
  });
  assert.equal(res.statusCode, 200, res.body);
  const after = await indicators(NOVEMBER);
  assert.equal(after.target.text, '95,00%');
  assert.ok(after.classification.below.includes('Huyện Bình Sơn'), 'Bình Sơn is below 95%');
  // A commune-level report of the same month still follows the every-level 30%.
  const commune = await indicators('period=2022-11&procedureGroup=HKD-THI-DIEM&groupBy=unit&era=old&level=commune');
  assert.equal(commune.target.text, '30,00%');

  const again = await post(t.api, admin, '/api/v1/admin/targets', {
    groupCode: 'HKD-THI-DIEM',
    unitLevel: 'district',
    validFrom: '2022-11-01',
    validTo: '2022-12-01',
    onlineRate: 0.3,
    legalBasis: 'Trở lại chỉ tiêu 30% (kiểm thử)',
  });
  assert.equal(again.statusCode, 200);
  const history = (await getJson(t.api, admin, '/api/v1/admin/targets')).json().history as Target[];
  const district = history.filter((h) => h.unitLevel === 'district');
  assert.deepEqual(
    district.map((h) => [h.onlineRate, h.supersededAt !== null]),
    [
      [0.95, true],
      [0.3, false],
    ],
  );
  assert.deepEqual((await indicators(NOVEMBER)).classification.met, before.classification.met);
});

test('a target for part of a period splits the one it overlaps, leaving no gap; the audit has before and after', async () => {
  const res = await post(t.api, admin, '/api/v1/admin/targets', {
    groupCode: 'HKD-THI-DIEM',
    validFrom: '2023-01-01',
    validTo: '2023-03-01',
    onlineRate: 0.7,
    legalBasis: 'Công văn kiểm thử: 70% trong tháng 1 và 2/2023',
  });
  assert.equal(res.statusCode, 200, res.body);
  const all = (res.json().current as Target[])
    .filter((x) => x.unitLevel === null)
    .map((x) => [x.validFrom, x.validTo, x.onlineRate]);
  assert.deepEqual(all, [
    ['2022-11-01', '2022-12-01', 0.3],
    ['2022-12-01', '2023-01-01', 0.5],
    ['2023-01-01', '2023-03-01', 0.7],
    ['2023-03-01', '2023-06-01', 0.5],
    ['2023-06-01', null, 1],
  ]);
  const row = await t.ctx.db
    .selectFrom('auditLog')
    .select('change')
    .where('recordType', '=', 'report_target')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const change = (typeof row.change === 'string' ? JSON.parse(row.change) : row.change) as {
    before: { targets: { onlineRate: number }[] };
    after: { targets: { onlineRate: number }[] };
  };
  assert.deepEqual(
    change.before.targets.map((x) => x.onlineRate),
    [0.5],
  );
  assert.deepEqual(change.after.targets.map((x) => x.onlineRate).sort(), [0.5, 0.5, 0.7]);
});

test('refuses a period that ends before it starts, a rate above 100% and an unknown group, in Vietnamese', async () => {
  const bad = await post(t.api, admin, '/api/v1/admin/targets', {
    groupCode: 'HKD-THI-DIEM',
    validFrom: '2024-02-01',
    validTo: '2024-01-01',
    onlineRate: 0.5,
    legalBasis: 'Kiểm thử ngày sai',
  });
  assert.equal(bad.statusCode, 422, bad.body);
  assert.match(bad.json().errors[0].message, /Ngày kết thúc phải sau ngày bắt đầu/);
  const over = await post(t.api, admin, '/api/v1/admin/targets', {
    groupCode: 'HKD-THI-DIEM',
    validFrom: '2024-02-01',
    onlineRate: 1.5,
    legalBasis: 'Kiểm thử quá 100%',
  });
  assert.equal(over.statusCode, 400);
  const none = await post(t.api, admin, '/api/v1/admin/targets', {
    groupCode: 'KHONG-CO',
    validFrom: '2024-02-01',
    onlineRate: 0.5,
    legalBasis: 'Kiểm thử nhóm lạ',
  });
  assert.equal(none.statusCode, 404);
});

test('a new procedure set gets its own target; ten decisions at once leave one in force per period', async () => {
  const group = await t.api.inject({
    method: 'PUT',
    url: '/api/v1/admin/target-groups/HO-TICH',
    payload: { name: 'Hộ tịch', procedureCodes: ['1.001193', '1.000656'] },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
  });
  assert.equal(group.statusCode, 200, group.body);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      post(t.api, admin, '/api/v1/admin/targets', {
        groupCode: 'HO-TICH',
        validFrom: '2026-01-01',
        onlineRate: 0.5 + i / 100,
        legalBasis: `Kiểm thử đồng thời ${i}`,
      }),
    ),
  );
  assert.ok(results.every((r) => r.statusCode === 200));
  const current = ((await getJson(t.api, admin, '/api/v1/admin/targets')).json().current as Target[]).filter(
    (x) => x.groupCode === 'HO-TICH',
  );
  assert.equal(current.length, 1);
});

test('only the province administrators set targets', async () => {
  const receiver = await loginAs(t.api, COMMUNE_RECEIVER);
  const res = await post(t.api, receiver, '/api/v1/admin/targets', {});
  assert.equal(res.statusCode, 403);
});
