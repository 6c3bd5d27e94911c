import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import { qrPng } from '../documents/pdf-kit';
import { nextIp, type SignedIn } from '../identity/identity.test-helpers';
import { renderForCitizen } from '../notifications/templates';
import { createTestApp, type TestApp } from '../test/harness';
import { pdfText } from '../test/pdf-text';
import { dossierLookupUrl, publicBaseUrl } from './dossier-lookup.service';
import { act, fileOnline, householdRegistration, login, PHONES, post, registrationAttachments } from './dossiers.test-helpers';

const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;

before(async () => {
  t = await createTestApp({ now: MONDAY_9AM });
  [citizen, receiver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver')]);
});
after(() => t.close());

/** A stranger's request: no cookie, an address of its own (the per-address limit is tested apart). */
function lookUp(code: string, query = '', remoteAddress = nextIp()) {
  return t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(code)}${query}`, remoteAddress });
}

const citizenLast4 = PHONES.citizen.slice(-4);

describe('looking up a dossier without signing in', () => {
  test('the code and the last 4 digits of the filer phone show its state and dates, and nothing personal', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, code, { type: 'receive' });
    const res = await lookUp(code, `?phoneLast4=${citizenLast4}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.code, code);
    assert.equal(body.status, 'received');
    assert.equal(body.statusLabel, 'Đã tiếp nhận');
    assert.ok(body.receivedAt && body.dueAt, 'received and due dates');
    assert.equal(body.returnedAt, null);
    assert.deepEqual(body.awaiting, [{ kind: 'fee_unpaid', amount: 50_000 }]);
    assert.equal(res.headers['cache-control'], 'no-store');
    for (const field of [
      'applicantName',
      'applicantPhone',
      'applicantCitizenId',
      'form',
      'attachments',
      'timeline',
      'applicantId',
    ]) {
      assert.equal(field in body, false, `${field} is not shown`);
    }
    const text = res.body;
    for (const personal of ['Nguyễn Thị Ba', '051190123456', 'Lê Lợi', PHONES.citizen, 'Bánh xèo']) {
      assert.equal(text.includes(personal), false, `"${personal}" does not appear`);
    }
    const lower = await lookUp(code.toLowerCase(), `?phoneLast4=${citizenLast4}`);
    assert.equal(lower.statusCode, 200, 'the code typed in lower case is found');
  });

  test('a wrong factor, no factor, a malformed factor and an unknown code give the same 404', async () => {
    const { code } = await fileOnline(t.app, citizen);
    const answers = await Promise.all([
      lookUp(code, '?phoneLast4=9999'),
      lookUp(code),
      lookUp(code, '?phoneLast4=abcd'),
      lookUp('H46.999-261130-9999', `?phoneLast4=${citizenLast4}`),
    ]);
    for (const res of answers) assert.equal(res.statusCode, 404, res.body);
    const bodies = answers.map((r) => {
      const { title, detail, status, type } = r.json();
      return { title, detail, status, type };
    });
    for (const b of bodies) assert.deepEqual(b, bodies[0], 'nothing tells a wrong factor from an unknown code');
    assert.equal(bodies[0]!.title, 'Không tìm thấy hồ sơ');
  });

  test('what is awaited: a supplement with its components, then the apology and the new date when late', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, code, { type: 'receive' });
    const asked = await act(t.app, receiver, code, {
      type: 'request_supplement',
      reason: 'Ảnh CCCD bị mờ',
      components: ['Bản sao CCCD của chủ hộ'],
    });
    assert.equal(asked.statusCode, 200, asked.body);
    const waiting = (await lookUp(code, `?phoneLast4=${citizenLast4}`)).json();
    assert.equal(waiting.status, 'supplement_requested');
    assert.deepEqual(waiting.awaiting[0], {
      kind: 'supplement',
      components: ['Bản sao CCCD của chủ hộ'],
      reason: 'Ảnh CCCD bị mờ',
    });

    const { code: late } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, late, { type: 'receive' });
    const newDueAt = '2026-12-10T02:00:00.000Z';
    const sorry = await act(t.app, receiver, late, { type: 'issue_apology', reason: 'Cần xác minh thực địa', newDueAt });
    assert.equal(sorry.statusCode, 200, sorry.body);
    const seen = (await lookUp(late, `?phoneLast4=${citizenLast4}`)).json();
    assert.equal(seen.apology.reason, 'Cần xác minh thực địa');
    assert.equal(new Date(seen.apology.newDueAt).toISOString(), newDueAt);
    assert.equal(seen.dueAt, newDueAt);
  });

  test('a counter filing is found with the phone given at the desk', async () => {
    const res = await post(
      t.app,
      receiver,
      '/api/v1/dossiers/counter',
      {
        ...householdRegistration({ channel: undefined, attachments: await registrationAttachments(t.ctx, receiver) }),
        applicant: { fullName: 'Trần Văn Bình', phone: '0912345678' },
        specialCaseReason: 'Người cao tuổi, không sử dụng điện thoại thông minh',
      },
      randomUUID(),
    );
    assert.equal(res.statusCode, 201, res.body);
    const found = await lookUp(res.json().code, '?phoneLast4=5678');
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(found.json().awaiting, [], 'the counter takes the fee in cash: nothing online is awaited');
    assert.equal(found.body.includes('Trần Văn Bình'), false);
  });
});

describe('the lookup PIN printed on the receipt', () => {
  async function deskReceipt(code: string) {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}/documents/receipt`,
      headers: { cookie: receiver.cookie },
    });
    assert.equal(pdf.statusCode, 200, pdf.body);
    return pdfText(pdf.rawPayload);
  }
  const pinOf = (text: string) => text.match(/Mã PIN tra cứu:\s*(\d{6})/)?.[1];

  test('the desk prints a PIN that opens the lookup instead of the phone digits; only its hash is kept; a reprint replaces it', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, code, { type: 'receive' });
    const pin = pinOf(await deskReceipt(code));
    assert.ok(pin, 'the desk copy shows a 6-digit PIN');
    const found = await lookUp(code, `?pin=${pin}`);
    assert.equal(found.statusCode, 200, found.body);
    assert.equal(found.json().status, 'received');

    const stored = await t.ctx.db.selectFrom('dossierLookupPin').selectAll().where('dossierCode', '=', code).execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.pinHash.includes(pin), false, 'the PIN itself is not stored');
    assert.match(stored[0]!.pinHash, /^\$argon2id\$/);

    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const [wrong, wrongPhone] = await Promise.all([lookUp(code, `?pin=${wrongPin}`), lookUp(code, '?phoneLast4=9999')]);
    assert.equal(wrong.statusCode, 404);
    assert.deepEqual(wrong.json(), wrongPhone.json(), 'a wrong PIN answers like wrong phone digits');

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}/documents/receipt`,
      headers: { cookie: citizen.cookie },
    });
    assert.equal(pinOf(await pdfText(own.rawPayload)), undefined, "the applicant's own download issues no PIN");
    assert.equal((await lookUp(code, `?pin=${pin}`)).statusCode, 200, 'and leaves the printed one valid');

    const reprinted = pinOf(await deskReceipt(code));
    assert.ok(reprinted);
    if (reprinted !== pin) assert.equal((await lookUp(code, `?pin=${pin}`)).statusCode, 404, 'the old slip’s PIN stops working');
    assert.equal((await lookUp(code, `?pin=${reprinted}`)).statusCode, 200);
  });

  test('wrong PINs and wrong phone digits count toward the same lock', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, code, { type: 'receive' });
    const pin = pinOf(await deskReceipt(code))!;
    const others = Array.from({ length: 6 }, (_, i) => String((Number(pin) + 1 + i) % 1_000_000).padStart(6, '0'));
    for (const [i, g] of others.slice(0, 3).entries())
      assert.equal((await lookUp(code, `?pin=${g}`)).statusCode, 404, `pin ${i}`);
    for (const g of ['9990', '9991']) assert.equal((await lookUp(code, `?phoneLast4=${g}`)).statusCode, 404);
    assert.equal((await lookUp(code, `?pin=${pin}`)).statusCode, 429, 'the right PIN waits too once the code is locked');
    assert.equal((await lookUp(code, `?phoneLast4=${citizenLast4}`)).statusCode, 429);
  });
});

describe('guessing the 4 digits is impractical', () => {
  test('after 5 wrong factors the code is locked, even for 40 guesses sent at once, then opens again', async () => {
    const { code } = await fileOnline(t.app, citizen);
    const guesses = Array.from({ length: 40 }, (_, i) => String(9000 + i));
    const answers = await Promise.all(guesses.map((g) => lookUp(code, `?phoneLast4=${g}`)));
    const counts = { 404: 0, 429: 0 } as Record<number, number>;
    for (const a of answers) counts[a.statusCode] = (counts[a.statusCode] ?? 0) + 1;
    assert.equal(counts[404], 5, 'only 5 guesses are checked');
    assert.equal(counts[429], 35, 'the other 35 are refused');
    const locked = answers.find((a) => a.statusCode === 429)!;
    assert.match(locked.json().title, /tạm khóa tra cứu/);
    assert.ok(Number(locked.headers['retry-after']) > 0);

    const rightButLocked = await lookUp(code, `?phoneLast4=${citizenLast4}`);
    assert.equal(rightButLocked.statusCode, 429, 'the right digits wait too: a locked code answers nothing');

    t.setNow(new Date(MONDAY_9AM.getTime() + 16 * 60_000));
    const later = await lookUp(code, `?phoneLast4=${citizenLast4}`);
    assert.equal(later.statusCode, 200, 'after a quarter of an hour the filer looks it up again');
    t.setNow(MONDAY_9AM);
  });

  test('unknown codes lock the same way (a lock tells nothing about existence), other codes are not affected', async () => {
    const unknown = 'H46.999-261130-0042';
    for (let i = 0; i < 5; i++) assert.equal((await lookUp(unknown, `?phoneLast4=000${i}`)).statusCode, 404);
    assert.equal((await lookUp(unknown, '?phoneLast4=0005')).statusCode, 429);
    const { code } = await fileOnline(t.app, citizen);
    assert.equal((await lookUp(code, `?phoneLast4=${citizenLast4}`)).statusCode, 200);
  });

  test('one address is limited to 30 lookups a minute', async () => {
    const address = nextIp();
    const { code } = await fileOnline(t.app, citizen);
    const answers = await Promise.all(Array.from({ length: 32 }, () => lookUp(code, `?phoneLast4=${citizenLast4}`, address)));
    assert.equal(answers.filter((a) => a.statusCode === 200).length, 30);
    const refused = answers.filter((a) => a.statusCode === 429);
    assert.equal(refused.length, 2);
    assert.equal(refused[0]!.json().title, 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút');
  });
});

describe('the way to the lookup page', () => {
  test('the SMS to a hotline or counter filer carries the lookup link of the dossier', () => {
    const publicUrl = 'https://dichvucong.quangngai.gov.vn/';
    const message = {
      kind: 'dossier_event' as const,
      dossierId: 'x',
      code: 'UBND.21025-261130-0007',
      procedureCode: '1.001612',
      agencyCode: 'UBND.21025',
      status: 'new',
      applicantId: null,
      applicantName: 'Phạm Văn Cá',
      applicantPhone: '0912345678',
      applicantEmail: null,
      assigneeId: null,
      at: MONDAY_9AM.toISOString(),
      dueAt: null,
    };
    const link = 'https://dichvucong.quangngai.gov.vn/tra-cuu?ma=UBND.21025-261130-0007';
    for (const event of ['file_by_phone', 'record_at_counter'] as const) {
      assert.ok(renderForCitizen({ ...message, event }, publicUrl)!.body.includes(link), event);
    }
  });

  test('the receipt tells how to look the dossier up; its QR opens the lookup page', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, code, { type: 'receive' });
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}/documents/receipt`,
      headers: { cookie: citizen.cookie },
    });
    assert.equal(pdf.statusCode, 200);
    const text = await pdfText(pdf.rawPayload);
    assert.match(text, /4 số cuối điện thoại người nộp để tra cứu/);
    const url = dossierLookupUrl(publicBaseUrl(t.ctx), code);
    assert.equal(url, `http://${t.ctx.config.HOST}:${t.ctx.config.PORT}/tra-cuu?ma=${encodeURIComponent(code)}`);
    const printed = await firstImageModules(pdf.rawPayload);
    assert.deepEqual(printed, await modulesOfPng(await qrPng(url)), 'the printed QR code is the lookup address');
    assert.notDeepEqual(printed, await modulesOfPng(await qrPng(code)), 'no longer the bare code');
  });
});

/** Dark (1) or light (0) per pixel: what a QR reader sees, whatever the colour encoding. */
function darkness(data: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): string {
  let out = '';
  for (let i = 0; i < width * height; i++) out += data[i * channels]! < 128 ? '1' : '0';
  return out;
}

/** The QR code as the slip would carry it: drawn into a PDF and read back the same way. */
async function modulesOfPng(png: Buffer): Promise<string> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.image(png, 10, 10, { width: 62, height: 62 });
  doc.end();
  await ended;
  return firstImageModules(Buffer.concat(chunks));
}

/** The first image drawn on the PDF's first page (the code band's QR code), as pdf.js decodes it. */
async function firstImageModules(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const at = ops.fnArray.indexOf(OPS.paintImageXObject);
    assert.ok(at >= 0, 'the slip has an image');
    const name = ops.argsArray[at][0] as string;
    const image = await new Promise<{ width: number; height: number; data: Uint8ClampedArray }>((resolve) =>
      page.objs.get(name, resolve),
    );
    const channels = image.data.length / (image.width * image.height);
    return darkness(image.data, image.width, image.height, channels);
  } finally {
    await doc.destroy();
  }
}
