import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SignedIn } from '../identity/identity.test-helpers';
import { pdfText } from '../test/pdf-text';
import { CITIZEN, createReportsTestApp, getJson, loginAs, PROVINCE_ADMIN, type ReportsTestApp } from './reports.test-helpers';

let t: ReportsTestApp;
let admin: SignedIn;

before(async () => {
  t = await createReportsTestApp();
  admin = await loginAs(t.api, PROVINCE_ADMIN);
});
after(() => t.close());

test('the phase-3 PDF shows the title, period, era, generation time and the totals of seed 002', async () => {
  const res = await getJson(t.api, admin, '/api/v1/reports/indicators.pdf?period=phase:thi-diem-gd3&procedureGroup=HKD-THI-DIEM');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /chi-so_unit_2023-03-22_2023-05-10\.pdf/);
  const text = await pdfText(res.rawPayload);
  assert.match(text, /BÁO CÁO CHỈ SỐ TIẾP NHẬN, GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/);
  assert.match(text, /Kỳ báo cáo: Thử nghiệm — giai đoạn 3 \(từ ngày 22\/03\/2023 đến ngày 10\/05\/2023\)/);
  assert.match(text, /trước 01\/07\/2025/);
  // The test clock (createReportsTestApp) is 2026-11-30 02:00 UTC = 09:00 in Vietnam.
  assert.match(text, /Thời điểm lập báo cáo: 09 giờ 00 phút, ngày 30 tháng 11 năm 2026/);
  assert.match(text, /Huyện Bình Sơn/);
  // Totals row: 801 received, 17 direct, 276 web, 508 app, 784 online, 97,88% online.
  assert.match(text, /Tổng cộng 17 801 17 276 508 0 784 97,88%/);
  assert.match(text, /Chưa có hồ sơ trực tuyến/);
});

test('a citizen cannot download the PDF', async () => {
  const citizen = await loginAs(t.api, CITIZEN);
  const res = await getJson(t.api, citizen, '/api/v1/reports/indicators.pdf?period=phase:thi-diem-gd3');
  assert.equal(res.statusCode, 403);
});
