import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BIRTH_GROUP_FORM } from '@dvc/domain/procedure-definition/groups/examples';
import ExcelJS from 'exceljs';
import { fileOnline, login, post, uploaded } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { drainPortalSync } from '../portal-sync/portal-sync.sender';
import { createPortalTestApp, type PortalTestApp } from '../portal-sync/portal-sync.test-helpers';
import { seedReportSettings } from './demo-history.seed';
import type { IndicatorReport } from './reports.service';
import { getJson, loginAs, PROVINCE_ADMIN } from './reports.test-helpers';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
const UNIT = '21025';

let t: PortalTestApp;
let citizen: SignedIn;
let admin: SignedIn;

before(async () => {
  t = await createPortalTestApp(MONDAY_9AM);
  await seedReportSettings(t.ctx);
  citizen = await login(t.app, 'citizen');
  admin = await loginAs(t.app, PROVINCE_ADMIN);
  // Two dossiers at one commune: the first one's state reaches the national portal, the second's not yet.
  await fileOnline(t.app, citizen, { unitCode: UNIT });
  const drained = await drainPortalSync(t.ctx, MONDAY_9AM, { env: t.env });
  assert.ok(drained.sent >= 1, JSON.stringify(drained));
  await fileOnline(t.app, citizen, { unitCode: UNIT });
  // One birth-group filing: three dossiers, one filing.
  const file = (label: string) => uploaded(t.ctx, citizen, label);
  const group = await post(
    t.app,
    citizen,
    '/api/v1/dossier-groups',
    {
      group: 'birth',
      unitCode: UNIT,
      channel: 'mobile',
      form: structuredClone(BIRTH_GROUP_FORM),
      attachments: [
        { procedureCode: '1.001193', componentId: 'to-khai', fileId: await file('to-khai-khai-sinh') },
        { procedureCode: '1.001193', componentId: 'giay-chung-sinh', fileId: await file('giay-chung-sinh') },
        { procedureCode: '1.004222', componentId: 'to-khai-ct01', fileId: await file('ct01') },
        { procedureCode: '1.004222', componentId: 'cho-o-hop-phap', fileId: await file('cho-o') },
        { procedureCode: 'QNG-BHYT-TRE-EM-DUOI-6', componentId: 'danh-sach-to-khai', fileId: await file('bhyt') },
      ],
      delivery: 'electronic',
    },
    randomUUID(),
  );
  assert.equal(group.statusCode, 201, group.body);
});
after(() => t.close());

async function november(groupBy = 'unit'): Promise<IndicatorReport> {
  const res = await getJson(t.app, admin, `/api/v1/reports/indicators?period=2026-11&groupBy=${groupBy}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as IndicatorReport;
}

test("each unit's row carries Decision 766's five groups and 100 points, with every input shown", async () => {
  const report = await november();
  const row = report.rows.find((r) => r.key === UNIT);
  assert.ok(row, JSON.stringify(report.rows.map((r) => r.key)));
  const card = row.scorecard;
  assert.deepEqual(
    card.groups.map((g) => [g.label, g.points]),
    [
      ['Công khai, minh bạch', 18],
      ['Tiến độ giải quyết', 20],
      ['Dịch vụ công trực tuyến', 22],
      ['Mức độ hài lòng', 18],
      ['Số hóa hồ sơ', 22],
    ],
  );
  // Five dossiers filed at the commune; the first one's messages all reached the portal.
  assert.equal(row.received, 5);
  assert.equal(row.publishableOnPortal, 5);
  assert.equal(row.publishedOnPortal, 1);
  const transparency = card.groups[0]!;
  assert.equal(transparency.inputs[0]?.text, '20,00%');
  assert.equal(transparency.score, 3.6);
  // All five are online; the household registrations carry a fee nobody has paid online yet: 22 × (1 + 0) / 2.
  const online = card.groups[2]!;
  assert.deepEqual(
    online.inputs.map((i) => [i.key, i.text]),
    [
      ['online', '100,00%'],
      ['onlinePayment', '0,00%'],
    ],
  );
  assert.equal(online.score, 11);
  // The reuse rate has no data yet: it is shown so, and left out of the digitization group.
  assert.equal(card.groups[4]?.inputs.find((i) => i.key === 'reuse')?.text, 'chưa có dữ liệu');
  assert.ok(card.total !== null && card.total > 0 && card.total <= card.outOf);
  assert.equal(
    card.total,
    card.groups.reduce((s, g) => Math.round((s + (g.score ?? 0)) * 100) / 100, 0),
  );
});

test('the report lists the interlinked groups: one birth filing of three dossiers counts once, and it was online', async () => {
  const report = await november();
  const birth = report.interlinked.find((g) => g.key === 'birth');
  assert.deepEqual(birth && [birth.received, birth.online, birth.onlineText], [1, 1, '100,00%']);
  assert.match(birth?.title ?? '', /khai sinh/);
  const death = report.interlinked.find((g) => g.key === 'death');
  assert.deepEqual(death && [death.received, death.onlineText], [0, '—']);
});

test('the Excel export has the scorecard sheet, each group beside its inputs', async () => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/reports/indicators.xlsx?period=2026-11&groupBy=unit',
    headers: { cookie: admin.cookie },
  });
  assert.equal(res.statusCode, 200, res.body.slice(0, 200));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Bộ chỉ số 766');
  assert.ok(ws);
  const heads = (ws.getRow(1).values as unknown[]).slice(1);
  assert.ok(heads.includes('Công khai, minh bạch (18 điểm)'), JSON.stringify(heads));
  let unitRow: unknown[] | undefined;
  ws.eachRow((r) => {
    const v = (r.values as unknown[]).slice(1);
    if (v[0] === UNIT) unitRow = v;
  });
  assert.ok(unitRow);
  assert.equal(unitRow[heads.indexOf('Công khai, minh bạch (18 điểm)')], 3.6);
});
