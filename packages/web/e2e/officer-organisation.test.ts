import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminJourney, counterDossier, noSideScroll, TABLET_PORTRAIT } from './officer-admin-journey';
import { signInAsOfficer } from './officer-desk';

/**
 * Issue 13 points 1, 3 and 4 in the browser: the province administrator adds an agency with its
 * desk and office hours, sets a target, and adds a day off that lists the running dossier whose due
 * date it would move — at 1366×768 and on a tablet, without a horizontal scroll.
 */
const journey = adminJourney('dvc-organisation-shots');
const { errors, shots } = journey;
const page = journey.page;

/** A Vietnamese working day strictly between now and the dossier's due date. */
function dayInside(dueAt: string): string {
  const vn = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const due = vn(new Date(dueAt));
  for (let i = 1; i < 30; i++) {
    const d = new Date(Date.now() + i * 86_400_000);
    const day = vn(d);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (day <= due && weekday !== 0 && weekday !== 6) return day;
  }
  throw new Error('no working day before the due date');
}

test('the administrator adds an agency, sets a target and a day off that lists the dossier it would move', {
  timeout: 240_000,
}, async () => {
  const dossier = await counterDossier(journey.baseURL);
  const admin = await page();
  await signInAsOfficer(admin, '0905000091');

  await admin.getByRole('link', { name: 'Cơ quan' }).click();
  await admin.getByRole('heading', { name: 'Cơ quan và bộ phận một cửa' }).waitFor();
  await admin.locator('.off-table tbody tr', { hasText: 'Công an phường Cẩm Thành' }).first().waitFor();
  await admin.getByRole('button', { name: 'Thêm cơ quan' }).click();
  const form = admin.getByRole('dialog', { name: 'Thêm cơ quan' });
  await form.getByLabel('Mã cơ quan').fill('KT.21548');
  await form.getByLabel('Tên cơ quan').fill('Phòng Kinh tế đặc khu Lý Sơn');
  await form.getByLabel('Đơn vị hành chính (mã)').fill('21548');
  await form.getByLabel('Cơ quan cấp trên (mã, có thể để trống)').fill('UBND.21548');
  await form.getByLabel('Tên bộ phận một cửa').fill('Bộ phận Một cửa đặc khu Lý Sơn');
  await form.getByLabel('Giờ làm việc mỗi ngày').fill('07:00-12:00, 11:00-17:00');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await form.getByText(/không chồng lên nhau/).waitFor();
  await form.getByLabel('Giờ làm việc mỗi ngày').fill('07:00-11:00, 13:30-17:00');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await admin.getByText('Đã lưu Phòng Kinh tế đặc khu Lý Sơn').waitFor();
  await admin.getByRole('searchbox').fill('Lý Sơn');
  const row = admin.locator('.off-table tbody tr', { hasText: 'Phòng Kinh tế đặc khu Lý Sơn' });
  await row.waitFor();
  assert.match(await row.innerText(), /07:00–11:00, 13:30–17:00/);
  await noSideScroll(admin, 'agencies 1366×768');
  await admin.screenshot({ path: join(shots, 'agencies-1366x768.png') });

  await admin.getByRole('link', { name: 'Chỉ tiêu' }).click();
  await admin.getByRole('heading', { name: 'Chỉ tiêu hồ sơ trực tuyến' }).waitFor();
  await admin.getByText('Chỉ tiêu đang áp dụng').waitFor();
  await admin.getByLabel('Từ ngày').fill('2027-01-01');
  await admin.getByLabel('Chỉ tiêu (%)').fill('80');
  await admin.getByLabel('Căn cứ').fill('Kế hoạch kiểm thử năm 2027');
  await admin.getByRole('button', { name: 'Đặt chỉ tiêu' }).click();
  await admin.getByText('Đã lưu chỉ tiêu; báo cáo tính theo chỉ tiêu mới.').waitFor();
  await admin.locator('.off-table tbody tr', { hasText: 'Kế hoạch kiểm thử năm 2027' }).waitFor();
  await noSideScroll(admin, 'targets 1366×768');
  await admin.screenshot({ path: join(shots, 'targets-1366x768.png') });

  const day = dayInside(dossier.dueAt);
  await admin.getByRole('link', { name: 'Lịch làm việc' }).click();
  await admin.getByRole('heading', { name: 'Lịch làm việc' }).waitFor();
  await admin.getByLabel('Ngày', { exact: true }).fill(day);
  await admin.getByLabel('Tên ngày').fill('Nghỉ đột xuất (kiểm thử)');
  await admin.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
  await admin.getByText(/hồ sơ đang giải quyết có hạn sẽ khác theo lịch mới/).waitFor();
  await admin.getByRole('link', { name: dossier.code }).waitFor();
  await noSideScroll(admin, 'calendar 1366×768');
  await admin.screenshot({ path: join(shots, 'calendar-1366x768.png') });

  const tablet = await page(TABLET_PORTRAIT);
  await signInAsOfficer(tablet, '0905000091');
  for (const [path, heading] of [
    ['/can-bo/co-quan', 'Cơ quan và bộ phận một cửa'],
    ['/can-bo/chi-tieu', 'Chỉ tiêu hồ sơ trực tuyến'],
    ['/can-bo/lich-lam-viec', 'Lịch làm việc'],
  ] as const) {
    await tablet.goto(path);
    await tablet.getByRole('heading', { name: heading }).waitFor();
    await tablet.locator('.off-table tbody tr').first().waitFor();
    await noSideScroll(tablet, `${path} tablet`);
    await tablet.screenshot({ path: join(shots, `${path.split('/').pop()}-tablet.png`) });
  }
  assert.deepEqual(errors, []);
});
