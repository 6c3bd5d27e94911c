import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { SignedIn } from '../identity/identity.test-helpers';
import { recordVerifiedIdentity } from '../identity/vneid/verified-identity';
import { createTestApp, type TestApp } from '../test/harness';
import { get, householdForm, householdRegistration, login, post, uploaded } from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;
before(async () => {
  t = await createTestApp();
  citizen = await login(t.app, 'citizen');
});
after(() => t.close());

/** What VNeID tells of the demo citizen (identity/vneid/vneid-stand-in.ts), as the callback records it. */
const IDENTITY = {
  citizenId: '051085000456',
  fullName: 'NGUYỄN VĂN AN',
  birthDate: '1985-03-12',
  sex: 'male' as const,
  residence: '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
};

function ownedBy(owner: Record<string, unknown>) {
  const form = householdForm();
  return { ...form, owner: { ...(form.owner as object), ...owner } };
}

async function file(form: Record<string, unknown>, attachments: Array<{ componentId: string; fileId: string }>) {
  return post(t.app, citizen, '/api/v1/dossiers', householdRegistration({ form, attachments }), randomUUID());
}

describe('Điền sẵn và miễn bản sao giấy tờ theo danh tính đã xác thực qua VNeID', () => {
  test('a password account without a verified identity fills the owner and must upload the ID copy', async () => {
    const me = await get(t.app, citizen, '/api/v1/auth/verified-identity');
    assert.deepEqual(me.json(), { verified: false, identity: null });
    const form = householdForm();
    const res = await file(form, [{ componentId: 'giay-de-nghi', fileId: await uploaded(t.ctx, citizen, 'de-nghi-1') }]);
    assert.equal(res.statusCode, 400, res.body);
    const missing = res.json().errors.find((e: { field: string }) => e.field === 'body.attachments');
    assert.match(missing.message, /Thiếu thành phần bắt buộc: Bản sao giấy tờ pháp lý/);
  });

  test('with a verified identity the form step gets the owner, and other owner values are refused field by field', async () => {
    await recordVerifiedIdentity(t.ctx, citizen.body.user.id, IDENTITY);
    const me = await get(t.app, citizen, '/api/v1/auth/verified-identity');
    assert.deepEqual(me.json(), { verified: true, identity: IDENTITY });

    const res = await file(ownedBy({ ...IDENTITY, citizenId: '051190123456', birthDate: '1990-05-12', sex: 'female' }), [
      { componentId: 'giay-de-nghi', fileId: await uploaded(t.ctx, citizen, 'de-nghi-2') },
    ]);
    assert.equal(res.statusCode, 400, res.body);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    assert.deepEqual(fields.sort(), ['body.form.owner.birthDate', 'body.form.owner.citizenId', 'body.form.owner.sex']);
    assert.match(res.json().errors[0].message, /xác thực qua VNeID/);
  });

  test('the verified owner files without the ID copy, and the desk sees the waiver on the dossier', async () => {
    // The wizard writes the name as the citizen reads it: the case of VNeID's upper-case name does not matter.
    const res = await file(ownedBy({ ...IDENTITY, fullName: 'Nguyễn Văn An' }), [
      { componentId: 'giay-de-nghi', fileId: await uploaded(t.ctx, citizen, 'de-nghi-3') },
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const desk = await login(t.app, 'receiver');
    const seen = await get(t.app, desk, `/api/v1/dossiers/${res.json().code}`);
    assert.equal(seen.statusCode, 200, seen.body);
    const waived = seen.json().attachments.filter((a: { waivedBy: string | null }) => a.waivedBy === 'verified-identity');
    assert.deepEqual(
      waived.map((a: { componentId: string; fileId: string }) => [a.componentId, a.fileId]),
      [['giay-to-phap-ly-ca-nhan', '']],
    );
  });
});
