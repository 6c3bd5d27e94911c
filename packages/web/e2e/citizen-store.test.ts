import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { photoPng } from './citizen-journey';
import { DEMO_PASSWORD, scannedPdf } from './officer-desk';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * Papers given once (issue 18): the demo citizen's household business is registered and its
 * certificate issued (through the API, as the desk would); on the phone they open Kho dữ liệu, see
 * the certificate, then file a new registration giving the ID copy of the first one with "Dùng
 * giấy tờ đã có" instead of photographing it again, and the review shows it.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'dvc-screenshots');

interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  value: string;
}

async function login(phone: string): Promise<Session> {
  const res = await fetch(`${server.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const value = /dvc_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { cookie: `dvc_session=${value}`, csrf: body.csrfToken, userId: body.user.id, value };
}

async function call(who: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(path === '/api/v1/dossiers' ? { 'idempotency-key': randomUUID() } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A tus upload of a PDF, as the phone does it: create, send the bytes, read the file id. */
async function upload(who: Session, componentId: string, bytes: Buffer): Promise<string> {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const created = await fetch(`${server.baseURL}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${b64(`${componentId}.pdf`)},procedureCode ${b64('1.001612')},componentId ${b64(componentId)}`,
    },
  });
  const location = created.headers.get('location');
  assert.ok(location, `upload → ${created.status}`);
  const sent = await fetch(new URL(location, server.baseURL), {
    method: 'PATCH',
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: bytes,
  });
  const fileId = sent.headers.get('upload-file-id');
  assert.ok(fileId, `patch → ${sent.status}`);
  return fileId;
}

/** The first registration, filed and resolved through the API: the desk's steps and the leader's signing OTP. */
async function registeredBusiness(): Promise<string> {
  const citizen = await login('0905000001');
  const attachments = [
    { componentId: 'giay-de-nghi', fileId: await upload(citizen, 'giay-de-nghi', scannedPdf()) },
    {
      componentId: 'giay-to-phap-ly-ca-nhan',
      fileId: await upload(citizen, 'giay-to-phap-ly-ca-nhan', Buffer.concat([scannedPdf(), Buffer.from('% cccd\n')])),
    },
  ];
  const form = {
    businessName: `Hộ kinh doanh Bánh mì Cô Năm ${Date.now() % 100000}`,
    location: { unitCode: '21025', street: '12 Lê Lợi, tổ dân phố 3' },
    businessLines: [{ code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', isMain: true }],
    capital: 50_000_000,
    employees: 2,
    owner: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-12',
      sex: 'male',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      citizenId: '051090123456',
      residence: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
      phone: '0905000001',
    },
    members: [],
    delivery: 'electronic',
  };
  const filed = await call(citizen, 'POST', '/api/v1/dossiers', {
    procedureCode: '1.001612',
    unitCode: '21025',
    channel: 'mobile',
    form,
    attachments,
    delivery: 'electronic',
  });
  const [receiver, specialist, leader] = [await login('0905000011'), await login('0905000012'), await login('0905000013')];
  const step = (who: Session, event: Record<string, unknown>) =>
    call(who, 'POST', `/api/v1/dossiers/${filed.code}/events`, event);
  await step(receiver, { type: 'receive' });
  await step(receiver, { type: 'assign', specialistId: specialist.userId });
  await step(specialist, { type: 'propose', outcome: 'approve', draft: 'Cấp giấy chứng nhận' });
  await step(leader, { type: 'approve' });
  await call(leader, 'POST', '/api/v1/signing/otp', {});
  const sms = (await (await fetch(`${server.baseURL}/api/dev/sms-outbox?phone=0905000013`)).json()) as {
    messages: { body: string }[];
  };
  const otp = sms.messages[0]?.body.match(/\b(\d{6})\b/)?.[1];
  await call(leader, 'POST', '/api/v1/signing/authorization', { otp });
  await step(leader, { type: 'resolve' });
  return citizen.value;
}

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    const context = await phoneContext(browser, server.baseURL);
    await context.addCookies([{ name: 'dvc_session', value: await registeredBusiness(), url: server.baseURL }]);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    mkdirSync(shots, { recursive: true });
  },
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Kho dữ liệu shows the certificate; a new dossier reuses a stored paper without an upload', {
  timeout: 240_000,
}, async () => {
  await page.goto('/tai-khoan');
  await page.getByRole('link', { name: 'Kho dữ liệu' }).click();
  await page.getByRole('heading', { name: 'Kho dữ liệu' }).waitFor();
  const certificate = page.locator('.store-doc').filter({ hasText: 'Giấy chứng nhận đăng ký hộ kinh doanh' });
  await certificate.waitFor();
  await certificate.getByText('Không thời hạn').waitFor();
  await certificate.getByRole('link', { name: 'Tải về' }).waitFor();
  await page.screenshot({ path: join(shots, 'citizen-store.png'), fullPage: false });

  const next = () => page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.goto('/nop/1.001612');
  await page.getByLabel('Tên hộ kinh doanh').fill(`Hộ kinh doanh Tái Sử Dụng ${Date.now() % 100000}`);
  await next();
  await page.getByRole('searchbox').fill('tra bong');
  await page.getByRole('button', { name: 'Xã Trà Bồng' }).click();
  await page.getByLabel(/Số nhà/).fill('Thôn 2');
  await page.getByText(/Tên này hợp lệ và chưa có hộ kinh doanh nào đăng ký/).waitFor({ timeout: 15_000 });
  await next();
  await page.getByRole('searchbox').fill('ban le do uong');
  await page.locator('.options .option').first().click();
  await next();
  await page.getByLabel('Vốn kinh doanh').fill('50000000');
  await page.getByLabel('Số lao động').fill('2');
  await next();
  await page.getByLabel('Ngày sinh').fill('1985-03-12');
  await page.getByText('Nam', { exact: true }).click();
  await page.getByLabel('Dân tộc').fill('Kinh');
  await page.getByLabel('Số định danh cá nhân').fill('051085001234');
  await page.getByLabel('Nơi thường trú').fill('Thôn 2, xã Trà Bồng, tỉnh Quảng Ngãi');
  await next();
  await page.getByText('Bước 6/9').waitFor();
  await next();
  await next();
  await page.getByText('Bước 8/9').waitFor();
  // The application form is photographed; the ID copy comes from the store.
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'don.png', mimeType: 'image/png', buffer: photoPng(7) });
  await page.getByText('Đã tải lên').first().waitFor({ timeout: 60_000 });
  const offer = page.getByRole('group', { name: 'Dùng giấy tờ đã có' });
  await offer.getByRole('button', { name: /Bản sao giấy tờ pháp lý/ }).click();
  await page.getByText('Dùng giấy tờ đã có trong Kho dữ liệu').waitFor();
  await page.screenshot({ path: join(shots, 'citizen-store-reuse.png'), fullPage: false });
  await next();
  await page.getByText('Bước 9/9').waitFor();
  const reused = page.getByText(/^Dùng giấy tờ đã có: Bản sao giấy tờ pháp lý/);
  await reused.waitFor();
  await reused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'citizen-store-review.png'), fullPage: false });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(errors, []);
});
