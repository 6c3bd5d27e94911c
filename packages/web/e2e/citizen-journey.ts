import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** Steps of a citizen's journey shared by the end-to-end tests (each ends on a visible result). */

export interface Citizen {
  phone: string;
  fullName: string;
  password: string;
}

/** A fresh phone number each run (the dev SMS outbox keys codes by phone). */
export function newCitizen(fullName: string): Citizen {
  return { phone: `0907${String(Date.now()).slice(-6)}`, fullName, password: 'Dvc2026abc' };
}

/** Sign up, read the code from GET /api/dev/sms-outbox, verify, sign in; ends on the signed-in home. */
export async function signUpAndSignIn(page: Page, baseURL: string, c: Citizen): Promise<void> {
  await page.goto('/dang-ky');
  await page.getByLabel('Số điện thoại').fill(c.phone);
  await page.getByLabel('Họ và tên').fill(c.fullName);
  await page.getByLabel('Mật khẩu').fill(c.password);
  // The sign-up notice: no account without consent (issue 20).
  await page.getByLabel('Tôi đã đọc và đồng ý cho xử lý dữ liệu tài khoản như trên').check();
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await page.getByRole('heading', { name: 'Nhập mã xác thực' }).waitFor();
  const outbox = (await (await fetch(`${baseURL}/api/dev/sms-outbox?phone=${c.phone}`)).json()) as {
    messages: { body: string }[];
  };
  const code = outbox.messages[0]?.body.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, 'the SMS outbox holds a 6-digit code');
  await page.getByLabel('Mã 6 chữ số').fill(code);
  await page.getByRole('button', { name: 'Xác thực' }).click();
  await page.getByText('Đã xác thực số điện thoại').waitFor();
  await page.getByLabel('Mật khẩu').fill(c.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: `Xin chào, ${c.fullName}!` }).waitFor();
}

/** Resolves once the service worker controls the page (so the shell and chunks are cached for offline). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * A 320×240 RGB PNG with a gradient and some noise: stands in for a phone photo of a paper (big
 * enough for the app's image shrinking to treat it as a picture, small enough to upload fast).
 */
export function photoPng(seed = 1): Buffer {
  const w = 320;
  const h = 240;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  let x = seed;
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // filter: none
    for (let i = 0; i < w; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const noise = x % 24;
      raw[row + 1 + i * 3] = 200 + (noise % 40);
      raw[row + 2 + i * 3] = 190 - ((y / 2) | 0) + noise;
      raw[row + 3 + i * 3] = 150 + ((i / 4) | 0) - noise;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The household business registration (1.001612) up to its review step (9/9), the mandatory papers
 * attached as photos. Leaves the page on the review step with "Nộp hồ sơ" visible.
 * `beforePhotos` runs on the papers step before the photos are taken (e.g. to lose the network):
 * then the photos are only expected to wait for the network, not to be uploaded.
 */
export async function fillHouseholdBusiness(
  page: Page,
  businessName: string,
  { beforePhotos }: { beforePhotos?: () => Promise<void> } = {},
): Promise<void> {
  const next = () => page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.goto('/nop/1.001612');
  await page.getByLabel('Tên hộ kinh doanh').fill(businessName);
  await next();
  await page.getByRole('searchbox').fill('tra bong');
  await page.getByRole('button', { name: 'Xã Trà Bồng' }).click();
  await page.getByLabel(/Số nhà/).fill('Thôn 2');
  // The live name check answers once the name and the commune are both known.
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
  await beforePhotos?.();
  const inputs = page.locator('input[type=file]');
  for (const i of [0, 1]) {
    await inputs.nth(i).setInputFiles({ name: `anh-giay-to-${i + 1}.png`, mimeType: 'image/png', buffer: photoPng(i + 1) });
  }
  const settled = beforePhotos ? 'Chờ có mạng để tải tiếp' : 'Đã tải lên';
  await page.getByText(settled).nth(1).waitFor({ timeout: 60_000 });
  await next();
  await page.getByText('Bước 9/9').waitFor();
}
