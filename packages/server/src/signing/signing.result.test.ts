import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderHouseholdBusinessCertificate } from '../documents/index';
import { householdBusinessCertificate } from '../documents/samples';
import { fileOnline, login, PHONES, post } from '../dossiers/dossiers.test-helpers';
import type { ProblemError } from '../http/problem';
import { codesSentTo } from '../identity/identity.test-helpers';
import { driveToResolved, signInDesk } from '../results/results.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { signIssuedPdf, verifyPdf } from './index';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test("the leader's result is signed by the leader who resolved it, only once they entered their OTP", async () => {
  const desk = await signInDesk(t.app);
  const { code } = await fileOnline(t.app, await login(t.app, 'citizen'));
  await driveToResolved(t.app, desk, code);
  const pdf = await renderHouseholdBusinessCertificate(householdBusinessCertificate);
  const issue = () =>
    t.ctx.db.transaction().execute((trx) => signIssuedPdf(t.ctx, trx, { pdf, kind: 'certificate', dossierCode: code }));

  await assert.rejects(issue(), (err: ProblemError) => {
    assert.equal(err.status, 409);
    assert.equal(err.code, 'signing-authorization-required');
    assert.match(String(err.extra.detail), /mã OTP/);
    return true;
  });

  await post(t.app, desk.leader, '/api/v1/signing/otp', {});
  const otp = (await codesSentTo(t.app, PHONES.leader))[0];
  assert.equal((await post(t.app, desk.leader, '/api/v1/signing/authorization', { otp })).statusCode, 200);
  const signed = await issue();
  const v = await verifyPdf(t.ctx, signed);
  assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
  assert.equal(v.signer?.name, 'Phạm Thị Dung');
  assert.deepEqual([v.issued, v.issuedDocument?.dossierCode], [true, code]);
});
