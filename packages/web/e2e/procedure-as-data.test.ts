import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { marriageRegistrationDefinition } from '../../server/src/catalog/procedure-admin.test-fixtures';
import { launchBrowser, phoneContext } from './browser';
import { photoPng } from './citizen-journey';
import { deskContext, signInAsOfficer } from './officer-desk';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * Proof that a procedure is data (issue 12 point 6): marriage registration (đăng ký kết hôn), which
 * DVC does not ship, is added by a province administrator through the admin API only; a citizen
 * files it on a 390×844 phone — a field that shows only for one answer, a paper attached — the
 * desk of phường Cẩm Thành receives, processes and resolves it on its own screens (1366×768), the
 * leader enters the signing OTP of their SMS so the certificate is signed with their credential, the
 * citizen sees the result is ready and signed, and the month's report counts it.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const CODE = '1.000894';
const PASSWORD = 'DemoDvc@2026';
const pageErrors: string[] = [];
const DESK_SCREEN = { width: 1366, height: 768 } as const;

interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

async function signIn(phone: string): Promise<Session> {
  const res = await fetch(`${server.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string,
    csrfToken: body.csrfToken,
    userId: body.user.id,
  };
}

async function call(who: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
}

/** An officer at their desk, signed in through the ordinary sign-in screen. */
async function officerPage(phone: string): Promise<Page> {
  const context = await deskContext(browser, server.baseURL, DESK_SCREEN);
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  await signInAsOfficer(p, phone);
  return p;
}

/** Runs one action of the officer's dossier screen through its dialog and waits for the new state. */
async function act(p: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, state: string) {
  await p.getByRole('button', { name: action, exact: true }).click();
  const dialog = p.getByRole('dialog', { name: action });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await p.getByText(`Đã thực hiện: ${action}.`).waitFor();
  await p.locator('.off-dossier-head .status').first().filter({ hasText: state }).waitFor();
}

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    const context = await phoneContext(browser, server.baseURL);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const login = await page.request.post('/api/v1/auth/login', { data: { phone: '0905000001', password: PASSWORD } });
    assert.equal(login.status(), 200);
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an administrator adds marriage registration; a citizen files it on the phone; the desk resolves it; the report counts it', {
  timeout: 300_000,
}, async () => {
  // 1. The administrator, through the admin API only.
  const admin = await signIn('0905000091');
  assert.equal((await call(admin, 'GET', `/api/v1/procedures/${CODE}`)).status, 404, 'DVC does not ship it');
  const saved = await call(admin, 'PUT', `/api/v1/admin/procedures/${CODE}`, marriageRegistrationDefinition());
  assert.equal(saved.status, 201, saved.text);
  assert.equal((await call(admin, 'POST', `/api/v1/admin/procedures/${CODE}/publish`, {})).status, 200);

  // 2. The citizen finds it without diacritics and files it.
  await page.goto('/thu-tuc');
  await page.getByRole('searchbox').fill('dang ky ket hon');
  await page
    .getByRole('link', { name: /Đăng ký kết hôn/ })
    .first()
    .click();
  await page.goto(`/nop/${CODE}`);
  const next = () => page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.getByLabel('Họ và tên bên nữ').fill('Trần Thị Hoa');
  await page.getByLabel('Ngày sinh').fill('1995-01-01');
  await page.getByLabel('Số định danh cá nhân').fill('051195000123');
  await page.getByLabel('Nơi cư trú').fill('Tổ 3, phường Cẩm Thành');
  await next();
  await page.getByLabel('Họ và tên bên nam').fill('Nguyễn Văn Bình');
  await page.getByLabel('Ngày sinh').fill('1993-02-02');
  await page.getByLabel('Số định danh cá nhân').fill('051093000456');
  await page.getByLabel('Nơi cư trú').fill('Tổ 5, phường Cẩm Thành');
  await next();
  // The conditional field: hidden until the citizen answers yes, then required.
  const divorce = page.getByLabel('Số bản án, quyết định ly hôn');
  assert.equal(await divorce.count(), 0, 'hidden until the answer is yes');
  await page.getByText('Một bên đã từng kết hôn').waitFor();
  await page.getByText('Có', { exact: true }).click();
  await divorce.waitFor();
  await next();
  await page.getByText('Vui lòng nhập số bản án, quyết định ly hôn').first().waitFor();
  await divorce.fill('15/2020/QĐST-HNGĐ');
  await next();
  await page.getByRole('searchbox').fill('cam thanh');
  await page.getByRole('button', { name: 'Phường Cẩm Thành' }).click();
  await next();
  // The attachments: the declaration, and the divorce decision the answer made necessary.
  const inputs = page.locator('input[type=file]');
  assert.equal(await inputs.count(), 2, 'the conditional paper is asked for too');
  for (const i of [0, 1]) {
    await inputs.nth(i).setInputFiles({ name: `giay-to-${i + 1}.png`, mimeType: 'image/png', buffer: photoPng(i + 20) });
  }
  await page.getByText('Đã tải lên').nth(1).waitFor({ timeout: 60_000 });
  await next();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const codeText = await page
    .getByText(/UBND\.21025-\d{6}-\d{4}/)
    .first()
    .textContent({ timeout: 30_000 });
  const dossierCode = /UBND\.21025-\d{6}-\d{4}/.exec(codeText ?? '')?.[0];
  assert.ok(dossierCode, `a dossier code is shown (${codeText})`);

  // 3. The desk, on its own screens at 1366×768: the receiver finds it by the code the citizen was
  // shown, receives it and assigns the specialist by name; the specialist proposes approval; the
  // leader approves and resolves.
  const receiver = await officerPage('0905000011');
  await receiver.getByRole('tab', { name: /^Mới/ }).click();
  await receiver.getByRole('searchbox').fill(dossierCode);
  const inboxRow = receiver.locator('.off-table tbody tr', { hasText: dossierCode });
  await inboxRow.waitFor();
  assert.match((await inboxRow.textContent()) ?? '', /Đăng ký kết hôn/);
  await inboxRow.getByRole('link', { name: dossierCode }).click();
  await receiver.getByRole('heading', { name: dossierCode }).waitFor();
  await receiver.getByText('Trần Thị Hoa').first().waitFor();
  await act(receiver, 'Tiếp nhận hồ sơ', async () => undefined, 'Đã tiếp nhận');
  await act(
    receiver,
    'Phân công xử lý',
    async (d) => {
      const picker = d.getByLabel('Chuyên viên xử lý');
      await picker.locator('option', { hasText: 'Lê Văn Cường' }).waitFor({ state: 'attached' });
      await picker.selectOption({ label: 'Lê Văn Cường' });
    },
    'Đang xử lý',
  );

  const specialist = await officerPage('0905000012');
  await specialist.goto(`/can-bo/ho-so/${encodeURIComponent(dossierCode)}`);
  await specialist.getByRole('heading', { name: dossierCode }).waitFor();
  await act(
    specialist,
    'Đề xuất kết quả',
    async (d) => {
      await d.getByLabel('Giải quyết (cấp kết quả)').check();
      await d.getByLabel(/Dự thảo kết quả/).fill('Đủ điều kiện đăng ký kết hôn');
    },
    'Đang xử lý',
  );

  const leader = await officerPage('0905000013');
  await leader.goto(`/can-bo/ho-so/${encodeURIComponent(dossierCode)}`);
  await leader.getByRole('heading', { name: dossierCode }).waitFor();
  await act(leader, 'Phê duyệt', async () => undefined, 'Đang xử lý');
  // Resolving issues the certificate signed with the leader's own credential: the dialog asks for the
  // signing OTP, which the leader reads on their phone (the SMS stand-in's outbox page).
  await leader.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).click();
  const resolveDialog = leader.getByRole('dialog', { name: 'Hoàn thành xử lý' });
  await resolveDialog.getByRole('button', { name: 'Xác nhận' }).click();
  await resolveDialog.getByRole('heading', { name: 'Ký số kết quả' }).waitFor();
  await resolveDialog
    .getByText(/mã OTP/)
    .first()
    .waitFor();
  await resolveDialog.getByRole('button', { name: 'Gửi mã OTP' }).click();
  await resolveDialog.getByText(/Đã gửi mã OTP qua SMS tới số \*+013/).waitFor();
  const leaderPhone = await leader.context().newPage();
  await leaderPhone.goto('/api/dev/sms-outbox?phone=0905000013');
  const sms = (await leaderPhone.locator('body').textContent()) ?? '';
  const otp = /Ma OTP ky so[^:]*: (\d{6})/.exec(sms)?.[1];
  assert.ok(otp, `the SMS carries the signing OTP: ${sms.slice(0, 300)}`);
  await leaderPhone.close();
  await resolveDialog.getByLabel('Mã OTP ký số (6 chữ số)').fill(otp);
  await resolveDialog.getByRole('button', { name: 'Ký số và hoàn thành' }).click();
  await leader.getByText('Đã thực hiện: Hoàn thành xử lý.').waitFor();
  await leader.locator('.off-dossier-head .status').first().filter({ hasText: 'Đã xử lý xong' }).waitFor();
  const timeline = (await leader.locator('.off-timeline').textContent()) ?? '';
  for (const step of ['Tiếp nhận hồ sơ', 'Phân công xử lý', 'Đề xuất kết quả', 'Phê duyệt', 'Hoàn thành xử lý']) {
    assert.ok(timeline.includes(step), `the timeline shows “${step}”`);
  }

  // The citizen's phone shows the result is ready.
  await page.goto(`/ho-so/${encodeURIComponent(dossierCode)}`);
  await page.locator('.status').filter({ hasText: 'Đã xử lý xong' }).first().waitFor();
  await page.locator('.timeline .tl-event', { hasText: 'Hoàn thành xử lý' }).first().waitFor();
  assert.ok(await page.getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ }).isVisible());
  // The generic certificate issuer the definition names issued its PDF, titled with the procedure's name.
  const result = page.getByRole('link', { name: /^📄 Đăng ký kết hôn PDF$/ });
  await result.waitFor();
  const pdf = await page.request.get((await result.getAttribute('href')) ?? '');
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  // …signed by the leader who resolved it: what anyone checking the file is told.
  // (Anyone may check a file: the public verification, without a session.)
  const checked = await fetch(`${server.baseURL}/api/v1/verify`, {
    method: 'POST',
    body: new Uint8Array(await pdf.body()),
    headers: { 'content-type': 'application/pdf' },
  });
  const verification = (await checked.json()) as { verdict?: string; signer?: { name: string } };
  assert.deepEqual([verification.verdict, verification.signer?.name], ['hợp lệ', 'Phạm Thị Dung'], JSON.stringify(verification));

  // 4. The month's report counts it under its procedure.
  const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
  const report = await call(admin, 'GET', `/api/v1/reports/indicators?period=${month}&groupBy=procedure`);
  assert.equal(report.status, 200, report.text);
  const row = (report.json.rows as { key: string; name: string; received: number; resolved: number }[]).find(
    (r) => r.key === CODE,
  );
  assert.ok(row, `the report has a row for ${CODE}: ${report.text.slice(0, 300)}`);
  assert.equal(row.name, 'Đăng ký kết hôn');
  assert.deepEqual([row.received, row.resolved], [1, 1]);
  assert.deepEqual(pageErrors, []);
});
