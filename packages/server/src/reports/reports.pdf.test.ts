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

/** The PDF's text as lines: items of one page on one baseline, left to right, top to bottom. */
async function pdfLines(pdf: Buffer | Uint8Array): Promise<string[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 })
    .promise;
  const lines: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const byY = new Map<number, Array<{ x: number; s: string }>>();
    for (const item of (await (await doc.getPage(p)).getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const y = Math.round(item.transform[5]);
      byY.set(y, [...(byY.get(y) ?? []), { x: item.transform[4], s: item.str.trim() }]);
    }
    for (const y of [...byY.keys()].sort((a, b) => b - a))
      lines.push(
        byY
          .get(y)!
          .sort((a, b) => a.x - b.x)
          .map((i) => i.s),
      );
  }
  await doc.destroy();
  return lines;
}

test('the table headers sit above the data: no header word is printed over a row of figures', async () => {
  const res = await getJson(t.api, admin, '/api/v1/reports/indicators.pdf?period=phase:thi-diem-gd3&procedureGroup=HKD-THI-DIEM');
  assert.equal(res.statusCode, 200);
  const lines = await pdfLines(res.rawPayload);
  const figure = /^-?[\d.]+(,\d+)?( ?%| đ)?$|^—$|^chưa có dữ liệu$/;
  // Both tables start their rows with the first unit; its line must hold its name and figures only.
  const rowLines = lines.filter((l) => l.join(' ').startsWith('Thành phố Quảng Ngãi'));
  assert.equal(rowLines.length, 2, JSON.stringify(lines.slice(0, 40)));
  for (const l of rowLines) {
    assert.equal(l[0], 'Thành phố Quảng Ngãi');
    for (const c of l.slice(1)) assert.match(c, figure, `a header word on the data row: ${l.join(' | ')}`);
  }
  // And every header word of the first table ("Kỳ trước chuyển qua", …) is on a line above that row.
  const first = lines.indexOf(rowLines[0]!);
  const head = lines.findIndex((l) => l.join(' ').startsWith('I. Tiếp nhận'));
  const above = lines.slice(head, first).flat().join(' ');
  for (const word of ['Kỳ', 'trước', 'chuyển', 'qua', 'Trong', 'quá', 'hạn'])
    assert.match(above, new RegExp(`(^| )${word}( |$)`));
});
