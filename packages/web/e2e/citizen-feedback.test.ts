import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { type Citizen, fillHouseholdBusiness, newCitizen, signUpAndSignIn } from './citizen-journey';
import { DEMO_PASSWORD, deskContext } from './officer-desk';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen on a 390×844 phone files a dossier; the desk takes it to "returned" (through the API,
 * the desk's own journeys are elsewhere); the citizen rates the service from the dossier page, then
 * sends a complaint about it; an officer answers it on /can-bo/phan-anh; the citizen reads the answer.
 */
let server: RunningServer;
let browser: Browser;
let phone: BrowserContext;
let desk: BrowserContext;
let page: Page;
let citizen: Citizen;
let dossierCode = '';
let deskPhones: Record<'receiver' | 'specialist' | 'leader', string> | undefined;
const errors: string[] = [];
const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'dvc-screenshots');

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    phone = await phoneContext(browser, server.baseURL);
    desk = await deskContext(browser, server.baseURL);
    page = await phone.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    citizen = newCitizen('Đặng Thị Góp Ý');
    mkdirSync(shots, { recursive: true });
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

const OFFICER_PASSWORD = 'CanBo2026moi';
/** The demo has no desk at the journey's commune: the province administrator staffs it (issue 13's flow). */
async function staffAgency(agencyCode: string): Promise<Record<'receiver' | 'specialist' | 'leader', string>> {
  const admin = await officerApi('0905000091');
  const phones = { receiver: '', specialist: '', leader: '' };
  for (const [i, role] of (['receiver', 'specialist', 'leader'] as const).entries()) {
    const phoneNumber = `0908${String(Date.now() + i).slice(-6)}`;
    const made = await admin.request.post('/api/v1/admin/staff', {
      data: { fullName: `Cán bộ ${role} Thử`, phone: phoneNumber, roles: [{ role, agencyCode }] },
      headers: { 'x-csrf-token': admin.csrf },
    });
    assert.equal(made.status(), 201, await made.text());
    const outbox = await (await fetch(`${server.baseURL}/api/dev/sms-outbox?phone=${phoneNumber}`)).json();
    const code = String(outbox.messages[0]?.body ?? '').match(/\b(\d{6})\b/)?.[1];
    const set = await admin.request.post('/api/v1/auth/staff-password', {
      data: { phone: phoneNumber, code, password: OFFICER_PASSWORD },
      headers: { 'x-csrf-token': admin.csrf },
    });
    assert.equal(set.status(), 204, await set.text());
    phones[role] = phoneNumber;
  }
  return phones;
}

async function officerApi(
  phoneNumber: string,
  password = DEMO_PASSWORD,
): Promise<{ request: APIRequestContext; csrf: string; id: string }> {
  const ctx = await browser.newContext({ baseURL: server.baseURL });
  const res = await ctx.request.post('/api/v1/auth/login', { data: { phone: phoneNumber, password } });
  assert.equal(res.status(), 200);
  const body = await res.json();
  return { request: ctx.request, csrf: body.csrfToken, id: body.user.id };
}

test('the citizen rates the service once the result is returned', { timeout: 300_000 }, async () => {
  await signUpAndSignIn(page, server.baseURL, citizen);
  await fillHouseholdBusiness(page, `Hộ kinh doanh Góp Ý ${Date.now() % 100000}`);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 30_000 });
  await page.getByRole('main').getByRole('link', { name: 'Hồ sơ' }).click();
  const codeLine = page.getByText(/^Mã hồ sơ: /);
  await codeLine.waitFor();
  dossierCode = ((await codeLine.textContent()) ?? '').replace(/^Mã hồ sơ:\s*/, '').trim();
  const dossierUrl = page.url();
  assert.equal(await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).count(), 0, 'no rating before the result');

  const seen = await page.request.get(`/api/v1/dossiers/${encodeURIComponent(dossierCode)}`);
  const agencyCode = (await seen.json()).agencyCode as string;
  assert.ok(agencyCode);
  deskPhones = await staffAgency(agencyCode);
  const receiver = await officerApi(deskPhones.receiver, OFFICER_PASSWORD);
  const specialist = await officerApi(deskPhones.specialist, OFFICER_PASSWORD);
  const leader = await officerApi(deskPhones.leader, OFFICER_PASSWORD);
  // The result is signed with the leader's credential: the leader enters the OTP of their SMS first.
  assert.equal(
    (await leader.request.post('/api/v1/signing/otp', { data: {}, headers: { 'x-csrf-token': leader.csrf } })).status(),
    200,
  );
  const sms = await (await leader.request.get(`/api/dev/sms-outbox?phone=${deskPhones.leader}`)).text();
  const otp = /Ma OTP ky so[^:]*: (\d{6})/.exec(sms)?.[1];
  const authorized = await leader.request.post('/api/v1/signing/authorization', {
    data: { otp },
    headers: { 'x-csrf-token': leader.csrf },
  });
  assert.equal(authorized.status(), 200, await authorized.text());
  const steps: [typeof receiver, Record<string, unknown>][] = [
    [receiver, { type: 'receive' }],
    [receiver, { type: 'assign', specialistId: specialist.id }],
    [specialist, { type: 'propose', outcome: 'approve', draft: 'Cấp giấy chứng nhận' }],
    [leader, { type: 'approve' }],
    [leader, { type: 'resolve' }],
    [receiver, { type: 'return_result', delivery: 'electronic' }],
  ];
  for (const [who, event] of steps) {
    const res = await who.request.post(`/api/v1/dossiers/${dossierCode}/events`, {
      data: event,
      headers: { 'x-csrf-token': who.csrf },
    });
    assert.equal(res.status(), 200, `${event.type}: ${await res.text()}`);
  }

  await page.goto(dossierUrl);
  await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).click();
  await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  assert.equal(await page.getByText('Vui lòng chọn một mức đánh giá').count(), 6, 'every unanswered question says so');
  const groups = page.locator('fieldset');
  for (let i = 0; i < 6; i++) await groups.nth(i).getByText('Hài lòng', { exact: true }).click();
  await page.getByRole('group', { name: 'Thời gian giải quyết so với thời hạn đã hẹn' }).getByText('Rất hài lòng').click();
  await page.getByLabel('Góp ý thêm (không bắt buộc)').fill('Nhanh, gọn');
  await page.screenshot({ path: join(shots, 'danh-gia-390x844.png') });
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByText(/^Cảm ơn ông\/bà đã đánh giá\. Có thể sửa đến hết ngày/).waitFor();
  await page.getByRole('button', { name: 'Cập nhật đánh giá' }).waitFor();
  await page.reload();
  const kept = page.getByRole('group', { name: 'Thời gian giải quyết so với thời hạn đã hẹn' }).getByLabel('Rất hài lòng');
  assert.equal(await kept.isChecked(), true, 'the rating is kept');
  assert.deepEqual(errors, []);
});

test('the citizen sends a complaint about the dossier; the desk answers; the citizen reads the answer', {
  timeout: 180_000,
}, async () => {
  assert.ok(dossierCode);
  await page.goto(`/ho-so/${encodeURIComponent(dossierCode)}`);
  await page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
  await page.getByText(`Về hồ sơ ${dossierCode}.`, { exact: false }).waitFor();
  await page.getByLabel('Tiêu đề').fill('Chờ lâu ở quầy');
  await page.getByLabel('Nội dung').fill('Ngắn');
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.getByText('Vui lòng mô tả nội dung phản ánh (ít nhất 20 ký tự)').waitFor();
  await page.getByLabel('Nội dung').fill('Tôi phải chờ hơn một giờ ở bộ phận một cửa để nhận kết quả dù đã hẹn giờ.');
  await page.screenshot({ path: join(shots, 'phan-anh-moi-390x844.png') });
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.getByText(/^Đã gửi\. Cơ quan sẽ trả lời trước ngày/).waitFor();
  await page.getByText('Chờ trả lời').first().waitFor();
  const complaintCode = ((await page.getByText(/^Mã phản ánh: /).textContent()) ?? '').replace(/^Mã phản ánh:\s*/, '').trim();
  assert.match(complaintCode, /^PAKN-\d{6}-[0-9A-F]{6}$/);

  const officer = await desk.newPage();
  officer.on('pageerror', (e) => errors.push(String(e)));
  assert.ok(deskPhones);
  await officer.goto('/dang-nhap');
  await officer.getByLabel('Số điện thoại').fill(deskPhones.receiver);
  await officer.getByLabel('Mật khẩu').fill(OFFICER_PASSWORD);
  await officer.getByRole('button', { name: 'Đăng nhập' }).click();
  await officer.waitForURL(/\/can-bo$/);
  await officer.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
  const card = officer.getByRole('article').filter({ hasText: complaintCode });
  await card.getByRole('heading', { name: 'Chờ lâu ở quầy' }).waitFor();
  await card
    .getByLabel('Nội dung trả lời công dân')
    .fill('Bộ phận một cửa xin lỗi ông/bà và đã bố trí thêm một quầy trả kết quả.');
  await card.getByRole('button', { name: 'Gửi trả lời' }).click();
  await officer.getByText('Không có phản ánh, kiến nghị nào.').waitFor();
  await officer.getByRole('button', { name: 'Đã trả lời' }).click();
  await officer.getByRole('heading', { name: 'Chờ lâu ở quầy' }).waitFor();
  await officer.screenshot({ path: join(shots, 'can-bo-phan-anh.png') });

  await page.goto('/phan-anh');
  await page.getByRole('link', { name: /Chờ lâu ở quầy/ }).click();
  await page.getByText('Bộ phận một cửa xin lỗi ông/bà và đã bố trí thêm một quầy trả kết quả.').waitFor();
  await page.getByText('Đã trả lời').first().waitFor();
  await page.screenshot({ path: join(shots, 'phan-anh-tra-loi-390x844.png') });

  // The in-app notice of the answer opens the complaint, not a dossier page.
  const notice = page.getByRole('link', { name: new RegExp(`Phản ánh, kiến nghị ${complaintCode} đã được trả lời`) });
  for (let i = 0; i < 20 && (await notice.count()) === 0; i++) {
    await page.goto('/thong-bao');
    await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await page.waitForTimeout(500);
  }
  await notice.first().click();
  await page.waitForURL(new RegExp(`/phan-anh/${complaintCode}$`));
  await page.getByText('Bộ phận một cửa xin lỗi ông/bà và đã bố trí thêm một quầy trả kết quả.').waitFor();

  // The desk's reports screen shows the citizen's rating for its agency.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  await officer.goto(`/bao-cao?from=${today}&to=${today}`);
  const ratings = officer.getByRole('region', { name: 'Đánh giá mức độ hài lòng của người dân' });
  await ratings.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  const count = await ratings.getByRole('row').nth(1).getByRole('cell').first().textContent();
  assert.equal(count?.trim(), '1', 'one rating counted');
  assert.deepEqual(errors, []);
});
