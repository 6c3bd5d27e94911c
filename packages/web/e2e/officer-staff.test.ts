import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { adminJourney, counterDossier, noSideScroll, TABLET_PORTRAIT } from './officer-admin-journey';
import { signInAsOfficer } from './officer-desk';

/**
 * Issue 13 point 2, end to end: the province administrator adds a specialist of phường Cẩm Thành on
 * the staff screen (1366×768); the officer reads the one-time code from the SMS (the dev outbox
 * stands for their phone), sets a password, signs in; the desk assigns a dossier to them by name in
 * the picker, and they propose its result.
 */
const NEW_OFFICER = { name: 'Huỳnh Thị Mai Anh', phone: '0912777001', password: 'ChuyenVien@2026' };
const journey = adminJourney('dvc-staff-shots');
const { errors, shots } = journey;
const page = journey.page;

async function act(p: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await p.getByRole('button', { name: action, exact: true }).click();
  const dialog = p.getByRole('dialog', { name: action });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await p.getByText(`Đã thực hiện: ${action}.`).waitFor();
}

test('an administrator adds a specialist who sets a password, signs in, is assigned a dossier and proposes its result', {
  timeout: 240_000,
}, async () => {
  const { code } = await counterDossier(journey.baseURL);

  // The province administrator adds the officer on the staff screen.
  const admin = await page();
  await signInAsOfficer(admin, '0905000091');
  await admin.getByRole('link', { name: 'Nhân sự' }).click();
  await admin.getByRole('heading', { name: 'Nhân sự cán bộ' }).waitFor();
  await admin.locator('.off-table tbody tr').first().waitFor();
  await admin.getByRole('button', { name: 'Thêm cán bộ' }).click();
  const form = admin.getByRole('dialog', { name: 'Thêm cán bộ' });
  await form.getByLabel('Họ và tên').fill(NEW_OFFICER.name);
  await form.getByLabel('Số điện thoại di động').fill('0905000012');
  await form.getByLabel('E-mail công vụ').fill('maianh@quangngai.gov.vn');
  await form.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Chuyên viên' });
  await form.getByLabel('Cơ quan', { exact: true }).selectOption({ label: 'Ủy ban nhân dân phường Cẩm Thành' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  // A phone already in use is refused beside the field, in Vietnamese.
  await form.getByText('Số điện thoại này đã được dùng cho một tài khoản khác').waitFor();
  await form.getByLabel('Số điện thoại di động').fill(NEW_OFFICER.phone);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await admin.getByText(`Đã tạo tài khoản ${NEW_OFFICER.name}`).waitFor();
  await admin.getByRole('searchbox').fill('mai anh');
  const row = admin.locator('.off-table tbody tr', { hasText: NEW_OFFICER.name });
  await row.waitFor();
  assert.match(await row.innerText(), /Chuyên viên/);
  assert.match(await row.innerText(), /Đang làm việc/);
  await admin.getByRole('searchbox').fill('');
  await admin.locator('.off-table tbody tr', { hasText: 'Lê Văn Cường' }).waitFor();
  await noSideScroll(admin, 'staff 1366×768');
  await admin.screenshot({ path: join(shots, 'staff-1366x768.png') });
  const tablet = await page(TABLET_PORTRAIT);
  await signInAsOfficer(tablet, '0905000091');
  await tablet.goto('/can-bo/nhan-su');
  await tablet.locator('.off-table tbody tr').first().waitFor();
  await noSideScroll(tablet, 'staff tablet');
  await tablet.screenshot({ path: join(shots, 'staff-tablet.png') });

  // The officer's phone: the SMS outbox stands for it.
  const phone = await page();
  await phone.goto(`/api/dev/sms-outbox?phone=${NEW_OFFICER.phone}`);
  const sms = await phone.locator('body').innerText();
  const smsCode = sms.match(/là (\d{6})/)?.[1];
  assert.ok(smsCode, `the SMS carries a code: ${sms}`);
  assert.match(sms, /24 giờ/);

  // The officer sets a password with it and signs in.
  const officer = await page();
  await officer.goto('/can-bo/dat-mat-khau');
  await officer.getByRole('heading', { name: 'Đặt mật khẩu tài khoản cán bộ' }).waitFor();
  await officer.getByLabel('Số điện thoại di động').fill(NEW_OFFICER.phone);
  await officer.getByLabel('Mã nhận qua SMS').fill(smsCode);
  await officer.getByLabel('Mật khẩu mới').fill(NEW_OFFICER.password);
  await officer.getByLabel('Nhập lại mật khẩu').fill(NEW_OFFICER.password);
  await officer.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await officer.getByText('Đã đặt mật khẩu. Bạn có thể đăng nhập.').waitFor();
  await officer.getByRole('link', { name: 'Đăng nhập' }).click();
  await officer.getByLabel('Số điện thoại').fill(NEW_OFFICER.phone);
  await officer.getByLabel('Mật khẩu').fill(NEW_OFFICER.password);
  await officer.getByRole('button', { name: 'Đăng nhập' }).click();
  await officer.waitForURL(/\/can-bo$/);
  await officer.getByRole('heading', { name: 'Hồ sơ của cơ quan' }).waitFor();

  // The desk assigns the dossier to them, picked by name.
  const desk = await page();
  await signInAsOfficer(desk, '0905000011');
  await desk.goto(`/can-bo/ho-so/${encodeURIComponent(code)}`);
  await desk.getByRole('heading', { name: code }).waitFor();
  await act(desk, 'Phân công xử lý', async (d) => {
    const picker = d.getByLabel('Chuyên viên xử lý');
    await picker.locator('option', { hasText: NEW_OFFICER.name }).waitFor({ state: 'attached' });
    const names = await picker.locator('option').allInnerTexts();
    assert.ok(names.includes('Lê Văn Cường'), names.join(', '));
    assert.ok(!names.includes('Trần Thị Bích'), 'a receiver is not offered');
    await picker.selectOption({ label: NEW_OFFICER.name });
  });

  // The new officer processes it: proposes the result.
  await officer.goto(`/can-bo/ho-so/${encodeURIComponent(code)}`);
  await officer.getByRole('heading', { name: code }).waitFor();
  await act(officer, 'Đề xuất kết quả', (d) =>
    d.getByLabel(/Dự thảo kết quả/).fill('Cấp Giấy chứng nhận đăng ký hộ kinh doanh.'),
  );
  const timeline = await officer.locator('.off-timeline').innerText();
  assert.ok(timeline.includes('Phân công xử lý'));
  assert.ok(timeline.includes('Đề xuất kết quả'));
  assert.deepEqual(errors, []);
});
