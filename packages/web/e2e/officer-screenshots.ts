// Screenshots of the officer console at 1280×800 (desk) and 820×1180 (tablet), for looking at them (not a test).
// Seeds a few counter dossiers through the API first. Usage (a fresh server):
//   BASE_URL=http://127.0.0.1:3200 node --import tsx packages/web/e2e/officer-screenshots.ts [outDir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { DESKTOP, deskContext, scannedPdf, signInAsOfficer, TABLET } from './officer-desk';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3200';
const out = process.argv[2] ?? '.tmp/shots';
mkdirSync(out, { recursive: true });

const PEOPLE = [
  ['Nguyễn Văn An', '051085123456', 'male', '1985-03-04', 'Hộ kinh doanh Hoa Mai'],
  ['Trần Thị Bích Ngọc', '051190123457', 'female', '1990-07-12', 'Hộ kinh doanh Ngọc Bích'],
  ['Lê Văn Cường', '051078123458', 'male', '1978-11-02', 'Hộ kinh doanh Cường Thịnh'],
] as const;

const browser = await launchBrowser();
try {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['tablet', TABLET],
  ] as const) {
    const context = await deskContext(browser, base, viewport);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
    await signInAsOfficer(page, '0905000011');
    let code = '';
    if (label === 'desktop') {
      const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
      for (const [i, [name, id, sex, birth, business]] of PEOPLE.entries()) {
        const r = await page.request.post('/api/v1/dossiers/counter', {
          headers: { 'x-csrf-token': csrfToken, 'idempotency-key': crypto.randomUUID() },
          data: {
            procedureCode: '1.001612',
            unitCode: '21025',
            form: {
              businessName: business,
              location: { unitCode: '21025', street: `${12 + i} Trần Hưng Đạo` },
              businessLines: [{ code: '4711', name: 'Bán lẻ lương thực, thực phẩm trong cửa hàng tổng hợp', isMain: true }],
              capital: 50_000_000 * (i + 1),
              employees: i + 1,
              owner: {
                fullName: name,
                birthDate: birth,
                sex,
                ethnicity: 'Kinh',
                nationality: 'Việt Nam',
                citizenId: id,
                residence: 'Phường Cẩm Thành',
                phone: `091234567${i}`,
              },
              members: [],
              delivery: 'counter',
            },
            attachments: [],
            delivery: 'counter',
            applicant: { fullName: name, phone: `091234567${i}`, citizenId: id },
            receiveNow: i !== 2,
          },
        });
        const body = (await r.json()) as { code: string };
        if (i === 0) code = body.code;
      }
    }
    await page.reload();
    await page.locator('.off-table tbody tr').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `officer-inbox-${label}.png`) });
    console.log('shot', `officer-inbox-${label}`);
    await page.locator('.off-table tbody tr').last().getByRole('link').click();
    await page.locator('.off-dossier-head').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `officer-dossier-${label}.png`), fullPage: true });
    console.log('shot', `officer-dossier-${label}`);
    await page.getByRole('button', { name: /Yêu cầu bổ sung/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `officer-dialog-${label}.png`) });
    await page.keyboard.press('Escape');
    await page.goto('/can-bo/tiep-nhan');
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ giấy tại quầy' }).waitFor();
    await page
      .getByLabel(/Giấy đề nghị đăng ký hộ kinh doanh/)
      .setInputFiles({ name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: scannedPdf() });
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `officer-intake-${label}.png`), fullPage: true });
    console.log('shot', `officer-intake-${label}`, code);
    await context.close();
  }
} finally {
  await browser.close();
}
