import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { householdForm, householdRegistration, login } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

// Issue 15: a citizen reading the app in English sees the field messages in English, the field
// named in English; Vietnamese stays the default.
let t: TestApp;
let citizen: SignedIn;
before(async () => {
  t = await createTestApp();
  citizen = await login(t.app, 'citizen');
});
after(() => t.close());

let ip = 0;
const register = (payload: object, language?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload,
    remoteAddress: `10.15.0.${++ip}`,
    headers: language ? { 'accept-language': language } : {},
  });
const messageOf = (body: { errors?: Array<{ field: string; message: string }> }, field: string) =>
  body.errors?.find((e) => e.field === field)?.message;

test('sign-up without a phone asks for it in English when the request asks for English', async () => {
  const english = await register({ phone: '', password: 'short', fullName: 'Nguyen Van A' }, 'en-GB,en;q=0.9');
  assert.equal(english.statusCode, 400);
  assert.equal(messageOf(english.json(), 'body.phone'), 'Please enter your mobile phone number');
  assert.equal(messageOf(english.json(), 'body.password'), 'The password must have at least 8 characters');
});

test('the same sign-up in Vietnamese, or with no language, is answered as before', async () => {
  for (const language of ['vi-VN,vi;q=0.9,en;q=0.5', undefined]) {
    const res = await register({ phone: '', password: 'short', fullName: 'Nguyen Van A' }, language);
    assert.equal(messageOf(res.json(), 'body.phone'), 'Vui lòng nhập số điện thoại di động');
    assert.equal(messageOf(res.json(), 'body.password'), 'Mật khẩu phải có ít nhất 8 ký tự');
  }
});

test('a filing without a business name is refused with the field named in English', async () => {
  const file = (language: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: householdRegistration({ form: { ...householdForm(), businessName: '' } }),
      headers: {
        cookie: citizen.cookie,
        'x-csrf-token': citizen.csrfToken,
        'idempotency-key': randomUUID(),
        'accept-language': language,
      },
    });
  const english = await file('en');
  assert.equal(english.statusCode, 400, english.body);
  assert.equal(messageOf(english.json(), 'body.form.businessName'), 'Please enter the business name');
  const vietnamese = await file('vi');
  assert.equal(messageOf(vietnamese.json(), 'body.form.businessName'), 'Vui lòng nhập tên hộ kinh doanh');
});
