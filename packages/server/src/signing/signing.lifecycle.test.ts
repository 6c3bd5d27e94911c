import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderFeeReceipt } from '../documents/index';
import { feeReceipt } from '../documents/samples';
import { get, login, PHONES, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { codesSentTo } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { signPdf } from './index';
import { x509 } from './x509';

let t: TestApp;
let leader: SignedIn;
let admin: SignedIn;
let unsigned: Buffer;
before(async () => {
  t = await createTestApp();
  [leader, admin] = await Promise.all([login(t.app, 'leader'), login(t.app, 'provinceAdmin')]);
  unsigned = await renderFeeReceipt(feeReceipt);
});
after(async () => t.close());

const signAsLeader = (otp?: string) =>
  signPdf(
    t.ctx,
    { officerId: leader.body.user.id },
    { pdf: unsigned, kind: 'certificate', reason: 'Phê duyệt', ...(otp ? { otp } : {}) },
  );

async function requestOtp(who: SignedIn, phone: string): Promise<string> {
  const res = await post(t.app, who, '/api/v1/signing/otp', {});
  assert.equal(res.statusCode, 200, res.body);
  return (await codesSentTo(t.app, phone))[0]!;
}

async function credentialOf(userId: string) {
  const list = (await get(t.app, admin, '/api/v1/admin/signing/credentials')).json() as {
    id: string;
    userId: string;
    status: string;
    serialNumber: string;
  }[];
  return list.find((c) => c.userId === userId);
}

describe("an officer's signature needs their second factor", () => {
  test('without an OTP the leader cannot sign: the refusal says to enter the code', async () => {
    const ready = (await get(t.app, leader, '/api/v1/signing/authorization')).json();
    assert.equal(ready.ready, false);
    const r = await signAsLeader();
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'authorization_required');
    assert.match(!r.ok ? r.message : '', /mã OTP/);
  });

  test('a wrong code is refused (422, on the otp field), the right one authorizes the next signatures', async () => {
    const code = await requestOtp(leader, PHONES.leader);
    assert.match(code, /^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await post(t.app, leader, '/api/v1/signing/authorization', { otp: wrong });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().errors[0].field, 'otp');

    const ok = await post(t.app, leader, '/api/v1/signing/authorization', { otp: code });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await get(t.app, leader, '/api/v1/signing/authorization')).json().ready, true);

    const [first, second] = [await signAsLeader(), await signAsLeader()];
    assert.ok(first.ok && second.ok);
    assert.equal(first.signerName, 'Phạm Thị Dung');
    assert.match(first.agencyName, /Ủy ban nhân dân/);
  });

  test('one code entered twice at once authorizes once', async () => {
    const code = await requestOtp(leader, PHONES.leader);
    const answers = await Promise.all([1, 2].map(() => post(t.app, leader, '/api/v1/signing/authorization', { otp: code })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 422]);
  });
});

describe('keys and lifecycle', () => {
  test('a revoked certificate signs nothing more and is on the CRL at its stable address', async () => {
    const code = await requestOtp(leader, PHONES.leader);
    assert.ok((await signAsLeader(code)).ok);
    const credential = (await credentialOf(leader.body.user.id))!;
    assert.equal(credential.status, 'active');

    const revoke = await post(t.app, admin, `/api/v1/admin/signing/credentials/${credential.id}/revoke`, {
      reason: 'Lộ mật khẩu thiết bị',
    });
    assert.equal(revoke.statusCode, 200, revoke.body);

    const after = await signAsLeader();
    assert.equal(after.ok, false);
    assert.equal(!after.ok && after.reason, 'credential_unusable');
    assert.match(!after.ok ? after.message : '', /thu hồi/);
    const otp = await post(t.app, leader, '/api/v1/signing/otp', {});
    assert.equal(otp.statusCode, 409);

    const crlRes = await t.app.inject({ method: 'GET', url: '/pki/issuing-ca.crl' });
    assert.equal(crlRes.statusCode, 200);
    assert.equal(crlRes.headers['content-type'], 'application/pkix-crl');
    const crl = new x509.X509Crl(new Uint8Array(crlRes.rawPayload));
    assert.ok(crl.findRevoked(credential.serialNumber), 'the revoked serial is listed');
    const issuingRes = await t.app.inject({ method: 'GET', url: '/pki/issuing-ca.crt' });
    const issuing = new x509.X509Certificate(new Uint8Array(issuingRes.rawPayload));
    assert.equal(await crl.verify({ publicKey: issuing }), true, 'the CRL is signed by the issuing CA');
  });

  test("a deactivated officer's credential is disabled: no OTP, no signature", async () => {
    const receiver = await login(t.app, 'receiver');
    await requestOtp(receiver, PHONES.receiver);
    const id = receiver.body.user.id;
    assert.equal((await credentialOf(id))?.status, 'active');

    const off = await post(t.app, admin, `/api/v1/admin/staff/${id}/deactivate`, {});
    assert.equal(off.statusCode, 200, off.body);

    const r = await signPdf(t.ctx, { officerId: id }, { pdf: unsigned, kind: 'digitized', reason: 'Số hóa' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'credential_unusable');
    assert.match(!r.ok ? r.message : '', /không còn hoạt động/);
    assert.equal((await credentialOf(id))?.status, 'disabled');
  });

  test('the private keys rest encrypted under the data dir', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(t.ctx.config.DATA_DIR, 'signing', 'keys');
    const files = readdirSync(dir);
    assert.ok(files.length >= 4, files.join(', '));
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.doesNotMatch(text, /PRIVATE KEY/);
      assert.deepEqual(Object.keys(JSON.parse(text)).sort(), ['data', 'iv', 'tag', 'v']);
    }
  });
});
