import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { pdfText } from '../test/pdf-text';
import { act, fileOnline, get, login } from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T08:30:00Z') }); // Mon 15:30 in Quảng Ngãi
  [citizen, receiver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver')]);
});
after(() => t.close());

async function pdfOf(who: SignedIn, url: string) {
  const res = await get(t.app, who, url);
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.equal(res.headers['content-type'], 'application/pdf');
  return pdfText(res.rawPayload);
}

test('once received, the citizen downloads the receipt and appointment slip with the code and the due time', async () => {
  const { code } = await fileOnline(t.app, citizen);
  const before = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
  assert.deepEqual(before.json().documents, []);
  assert.equal((await get(t.app, citizen, `/api/v1/dossiers/${code}/documents/receipt`)).statusCode, 404);

  const received = await act(t.app, receiver, code, { type: 'receive' });
  assert.equal(received.statusCode, 200);
  const docs = (await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json().documents;
  assert.deepEqual(
    docs.map((d: { kind: string }) => d.kind),
    ['receipt', 'process-control'],
  );
  const text = await pdfOf(citizen, docs[0].url);
  assert.ok(text.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'), text.slice(0, 400));
  assert.ok(text.includes(code));
  assert.ok(text.includes('Nguyễn Văn An'), 'the applicant');
  assert.ok(text.includes('15 giờ 30 phút, ngày 30 tháng 11 năm 2026'), 'received at, the Vietnamese way');
  assert.ok(text.includes('Trần Thị Bích'), 'the receiving officer');
});

test('a supplement request produces the supplement slip listing what is missing', async () => {
  const { code } = await fileOnline(t.app, citizen);
  await act(t.app, receiver, code, { type: 'receive' });
  await act(t.app, receiver, code, { type: 'request_supplement', reason: 'Ảnh mờ', components: ['Bản sao CCCD rõ nét'] });
  const text = await pdfOf(citizen, `/api/v1/dossiers/${code}/documents/supplement-request`);
  assert.ok(text.includes('Bản sao CCCD rõ nét'));
  assert.ok(text.includes(code));
});

test("another commune's officer cannot download this dossier's slips", async () => {
  const { code } = await fileOnline(t.app, citizen);
  await act(t.app, receiver, code, { type: 'receive' });
  const other = await login(t.app, 'otherReceiver');
  assert.equal((await get(t.app, other, `/api/v1/dossiers/${code}/documents/receipt`)).statusCode, 404);
});

test("the register (Mẫu 07) of a period lists the agency's received dossiers, and only theirs", async () => {
  const { code } = await fileOnline(t.app, citizen);
  await act(t.app, receiver, code, { type: 'receive' });
  const text = await pdfOf(receiver, '/api/v1/officer/register.pdf?from=2026-11-30&to=2026-11-30');
  assert.ok(text.includes(code), text.slice(0, 400));
  const other = await login(t.app, 'otherReceiver');
  const theirs = await pdfOf(other, '/api/v1/officer/register.pdf?from=2026-11-30&to=2026-11-30');
  assert.ok(!theirs.includes(code));
  assert.equal((await get(t.app, citizen, '/api/v1/officer/register.pdf?from=2026-11-30&to=2026-11-30')).statusCode, 403);
});
