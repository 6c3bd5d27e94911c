import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  renderApologyExtension,
  renderDossierRegister,
  renderFeeReceipt,
  renderHouseholdBusinessCertificate,
  renderProcessControlSlip,
  renderPromotionAcknowledgement,
  renderReceiptSlip,
  renderRefusalSlip,
  renderStopNotice,
  renderSupplementRequest,
} from './index';
import * as s from './samples';
import { formatDateLine } from './vn-format';

/** The text a reader (or a search, or a screen reader) gets out of the PDF, page by page. */
async function extract(pdf: Buffer): Promise<{ pages: string[]; text: string; fonts: string[] }> {
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  const fonts = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      fonts.add(item.fontName);
    }
    // Lines broken by wrapping come back as separate items: compare on collapsed whitespace.
    pages.push(text.replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return { pages, text: pages.join(' '), fonts: [...fonts] };
}

function assertHas(text: string, ...needles: string[]): void {
  for (const n of needles) assert.ok(text.includes(n), `missing "${n}" in:\n${text.slice(0, 1500)}`);
}

const NATIONAL = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

test('Mẫu 01: receipt and appointment shows the title, code, applicant, times in Vietnam time', async () => {
  const pdf = await renderReceiptSlip(s.receiptSlip);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const { text, pages } = await extract(pdf);
  assert.equal(pages.length, 1);
  assertHas(
    text,
    ...NATIONAL,
    'Mẫu số 01',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    s.CODE,
    'Nguyễn Thị Hồng Nhung',
    'Đăng ký thành lập hộ kinh doanh',
    '15 giờ 30 phút, ngày 02 tháng 12 năm 2026',
    '15 giờ 30 phút, ngày 07 tháng 12 năm 2026',
    'Bình Sơn, ngày 02 tháng 12 năm 2026',
    'Giấy đề nghị đăng ký hộ kinh doanh',
    'Bản điện tử',
    '03 ngày làm việc',
    'Qua dịch vụ bưu chính công ích',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Trần Văn Bình',
  );
});

test('text written decomposed (NFD) comes out with the same letters', async () => {
  const pdf = await renderReceiptSlip({
    ...s.receiptSlip,
    applicant: { ...s.APPLICANT, fullName: 'Nguyễn Thị Hồng Nhung'.normalize('NFD') },
  });
  assertHas((await extract(pdf)).text, 'Nguyễn Thị Hồng Nhung');
});

test('Mẫu 02: supplement request lists what to add and whom to call', async () => {
  const { text } = await extract(await renderSupplementRequest(s.supplementRequest));
  assertHas(
    text,
    ...NATIONAL,
    'Mẫu số 02',
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    s.CODE,
    'Nguyễn Thị Hồng Nhung',
    '1. Giấy đề nghị đăng ký hộ kinh doanh: ghi đầy đủ địa chỉ trụ sở',
    '2. Biên bản họp thành viên hộ gia đình',
    '0255 3822 111',
    'NGƯỜI HƯỚNG DẪN',
  );
});

test('Mẫu 03: refusal gives the reason', async () => {
  const { text } = await extract(await renderRefusalSlip(s.refusalSlip));
  assertHas(
    text,
    'Mẫu số 03',
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    s.CODE,
    'Nguyễn Thị Hồng Nhung',
    'chứa cụm từ "công ty"',
  );
});

test('Mẫu 04: apology and extension gives the reason and the new date, signed by the leader', async () => {
  const { text } = await extract(await renderApologyExtension(s.apologyExtension));
  assertHas(
    text,
    'Mẫu số 04',
    'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    s.CODE,
    'Nguyễn Thị Hồng Nhung',
    'xin lỗi Ông/Bà',
    'cần xác minh địa chỉ trụ sở',
    '15 giờ 30 phút, ngày 09 tháng 12 năm 2026',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Lê Văn Hùng',
  );
});

test('Mẫu 05: notice of stopping gives the time and reason', async () => {
  const { text } = await extract(await renderStopNotice(s.stopNotice));
  assertHas(
    text,
    'Mẫu số 05',
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    s.CODE,
    'Nguyễn Thị Hồng Nhung',
    '09 giờ 15 phút, ngày 04 tháng 12 năm 2026',
    'Người nộp hồ sơ đề nghị rút hồ sơ.',
  );
});

test('Mẫu 06: process-control slip lists each handover with its result', async () => {
  const { text } = await extract(await renderProcessControlSlip(s.processControlSlip));
  assertHas(
    text,
    'Mẫu số 06',
    'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    s.CODE,
    'Kèm theo hồ sơ của: Nguyễn Thị Hồng Nhung',
    'Giao: Bộ phận Một cửa (Trần Văn Bình)',
    'Nhận: Phòng Kinh tế (Phạm Thị Thu)',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Chờ ký số',
  );
});

test('Mẫu 07: the register of 120 dossiers runs over several pages, header on each, every code present', async () => {
  const { pages, text } = await extract(await renderDossierRegister(s.dossierRegister));
  assert.ok(pages.length >= 3, `expected several pages, got ${pages.length}`);
  assertHas(pages[0] ?? '', 'Mẫu số 07', 'SỔ THEO DÕI HỒ SƠ', 'Từ ngày 01/12/2026 đến ngày 31/12/2026');
  pages.forEach((page, i) => {
    assertHas(page, 'Mã hồ sơ', 'Ngày, tháng, năm', 'Hẹn trả kết quả', `Trang ${i + 1}/${pages.length}`);
  });
  for (const row of s.dossierRegister.rows) assertHas(text, row.code);
  // Each code exactly once: no row is lost or drawn twice at a page break.
  for (const row of s.dossierRegister.rows) assert.equal(text.split(row.code).length - 1, 1, row.code);
});

test('certificate: registration number, name, business lines with the main one marked, capital in words, verification link', async () => {
  const { text } = await extract(await renderHouseholdBusinessCertificate(s.householdBusinessCertificate));
  assertHas(
    text,
    ...NATIONAL,
    'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH',
    'Mã số hộ kinh doanh: 51A8012345',
    'HỘ KINH DOANH HỒNG NHUNG',
    'Thôn Phước Thịnh, xã Bình Sơn, tỉnh Quảng Ngãi',
    '4722',
    '5610',
    'Bán lẻ thực phẩm trong các cửa hàng chuyên doanh (Ngành, nghề kinh doanh chính)',
    '150.000.000 đồng',
    'Một trăm năm mươi triệu đồng',
    'NGUYỄN THỊ HỒNG NHUNG',
    // Trailing slash of the public URL is not doubled.
    'https://dichvucong.quangngai.gov.vn/xac-minh/Xk3f9QpL2mVa',
  );
});

test('promotion acknowledgement: enterprise, programme, period, verification link', async () => {
  const { text } = await extract(await renderPromotionAcknowledgement(s.promotionAcknowledgement));
  assertHas(
    text,
    'XÁC NHẬN TIẾP NHẬN THÔNG BÁO HOẠT ĐỘNG KHUYẾN MẠI',
    'Công ty TNHH Thương mại Sông Trà',
    'Mừng xuân Đinh Mùi 2027',
    '08 giờ 00 phút, ngày 15 tháng 12 năm 2026',
    'https://dichvucong.quangngai.gov.vn/xac-minh/Pm7Rt2Wq9zEe',
  );
});

test('fee receipt: amount in figures and in words', async () => {
  const { text } = await extract(await renderFeeReceipt(s.feeReceipt));
  assertHas(
    text,
    'BIÊN LAI THU PHÍ, LỆ PHÍ',
    'Ký hiệu: BS-26E',
    'Số: 0000125',
    s.CODE,
    'Nguyễn Thị Hồng Nhung',
    '50.000',
    'Năm mươi nghìn đồng',
  );
});

test('every document embeds the Vietnamese font (no standard PDF font without ộ, ữ…)', async () => {
  const pdf = await renderStopNotice(s.stopNotice);
  const raw = pdf.toString('latin1');
  assert.match(raw, /\/FontFile2/);
  assert.match(raw, /DejaVuSans/);
  assert.doesNotMatch(raw, /\/BaseFont \/Helvetica/);
});

test('the same data renders the same bytes', async () => {
  const a = await renderReceiptSlip(s.receiptSlip);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock read would show in the bytes
  const b = await renderReceiptSlip(s.receiptSlip);
  assert.ok(a.equals(b), 'two renderings of the same data differ');
});

test('bad data is refused before drawing', async () => {
  await assert.rejects(renderReceiptSlip({ ...s.receiptSlip, components: [] }));
  await assert.rejects(renderHouseholdBusinessCertificate({ ...s.householdBusinessCertificate, verificationCode: '../etc' }));
});

test('date line follows Decree 30/2020 (leading zero for day < 10 and months 1–2 only)', () => {
  assert.equal(formatDateLine('Quảng Ngãi', new Date('2027-01-04T02:00:00Z')), 'Quảng Ngãi, ngày 04 tháng 01 năm 2027');
  assert.equal(formatDateLine('Quảng Ngãi', new Date('2027-03-05T02:00:00Z')), 'Quảng Ngãi, ngày 05 tháng 3 năm 2027');
  // 23:30 UTC on 30 Nov is 06:30 on 1 Dec in Vietnam.
  assert.equal(formatDateLine('Quảng Ngãi', new Date('2026-11-30T23:30:00Z')), 'Quảng Ngãi, ngày 01 tháng 12 năm 2026');
});
