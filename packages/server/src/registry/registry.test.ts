import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, get, householdForm, login } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { checkResultIssuable, onDossierResolved } from '../results/results.service';
import {
  approvedWithSameName,
  createResultsTestApp,
  type Desk,
  driveToResolved,
  fileDossier,
  grantDemoOfficers,
  type ResultsTestApp,
  signInDesk,
} from '../results/results.test-helpers';
import { NAME_PENDING } from './name-claims';
import { formatRegistrationNumber, normalizeRegistrationNumber } from './registration-number';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const NOW = new Date('2026-11-30T02:00:00Z');
const REGISTRATION = ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan'];
const NAME = 'Hộ kinh doanh Tạp hóa Minh Phát';
const OWNER_ID = '051190123456';

let t: ResultsTestApp;
let citizen: SignedIn;
let desk: Desk;

before(async () => {
  t = await createResultsTestApp(NOW);
  // The demo desk also works for xã Bình Sơn, so a dossier there can be resolved too.
  await grantDemoOfficers(t.ctx, 'UBND.21040', '21040');
  citizen = await login(t.app, 'citizen');
  desk = await signInDesk(t.app);
});
after(() => t.close());

const registrationForm = (name: string, unitCode = '21025', citizenId = OWNER_ID) => {
  const form = householdForm() as { owner: Record<string, unknown> };
  return { ...form, businessName: name, location: { unitCode, street: '5 Quang Trung' }, owner: { ...form.owner, citizenId } };
};

async function register(name: string, unitCode = '21025') {
  const code = await fileDossier(t, citizen, '1.001612', unitCode, registrationForm(name, unitCode), REGISTRATION);
  await driveToResolved(t.app, desk, code);
  return { code, outcome: await onDossierResolved(t.ctx, code) };
}

async function nameCheck(name: string, unitCode = '21025') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/household-businesses/name-check?name=${encodeURIComponent(name)}&unitCode=${unitCode}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { available: boolean; problems: string[] };
}

test('registration numbers: province, authority commune, type 8, 6-digit serial; typed forms normalise', () => {
  assert.equal(formatRegistrationNumber('51', '21025', 1), '51210258000001');
  assert.equal(formatRegistrationNumber('51', '21040', 123456), '51210408123456');
  assert.throws(() => formatRegistrationNumber('51', '21025', 0));
  assert.throws(() => formatRegistrationNumber('51', '2102', 1));
  assert.equal(normalizeRegistrationNumber(' 51.21025.8-000001 '), '51210258000001');
});

describe('names are unique per registering authority among active businesses', () => {
  let first: { code: string; number: string };

  test('a free, well-formed name is available; a malformed one is not', async () => {
    assert.deepEqual(await nameCheck(NAME), { available: true, problems: [] });
    const bad = await nameCheck('Công ty Minh Phát');
    assert.equal(bad.available, false);
    assert.match(bad.problems[0] ?? '', /Hộ kinh doanh/);
    const unknownUnit = await nameCheck(NAME, '99999');
    assert.equal(unknownUnit.available, false);
  });

  test('once registered, the name is taken in that commune (any case or spacing) but free in another', async () => {
    const { code, outcome } = await register(NAME);
    assert.ok(outcome.ok && outcome.result, JSON.stringify(outcome));
    first = { code, number: outcome.result.number };
    const taken = await nameCheck('hộ kinh doanh  TẠP HÓA minh phát');
    assert.equal(taken.available, false);
    assert.match(taken.problems.join(' '), /đã được đăng ký/);
    assert.deepEqual(await nameCheck(NAME, '21040'), { available: true, problems: [] });
  });

  test('a second registration with the same name in the same commune is refused at filing, on the name; one that got past it is refused at resolution', async () => {
    await assert.rejects(
      fileDossier(t, citizen, '1.001612', '21025', registrationForm('hộ kinh doanh  TẠP HÓA minh phát'), REGISTRATION),
      /→ 400 .*"field":"body\.form\.businessName".*đã được đăng ký/,
    );
    const [code = ''] = await approvedWithSameName(t, desk, citizen, (n) => registrationForm(n), NAME, 1, REGISTRATION);
    assert.equal((await checkResultIssuable(t.ctx, code)).ok, false);
    const resolve = await act(t.app, desk.leader, code, { type: 'resolve' });
    assert.equal(resolve.statusCode, 409, 'the leader is told, and the dossier is not resolved');
    assert.match(resolve.json().title, /đã được đăng ký/);
    const rows = await t.ctx.db.selectFrom('householdBusiness').select('name').execute();
    assert.equal(rows.filter((r) => r.name === NAME).length, 1, 'no second business in the register');
  });

  test('two approved dossiers racing for one name: exactly one gets it', async () => {
    const name = 'Hộ kinh doanh Song Sinh';
    const codes = await approvedWithSameName(t, desk, citizen, (n) => registrationForm(n), name, 2, REGISTRATION);
    const resolves = await Promise.all(codes.map((c) => act(t.app, desk.leader, c, { type: 'resolve' })));
    // Serialised (the embedded database) the second is refused before resolving (409); truly parallel
    // (PostgreSQL) both may resolve, but only one is issued a certificate: the register decides.
    const certified = resolves.filter(
      (r) => r.statusCode === 200 && r.json().documents.some((d: { kind: string }) => d.kind === 'result-certificate'),
    );
    assert.equal(certified.length, 1, resolves.map((r) => r.body.slice(0, 200)).join('\n'));
    for (const r of resolves) assert.ok(r.statusCode === 200 || r.statusCode === 409, r.body.slice(0, 200));
    const rows = await t.ctx.db.selectFrom('householdBusiness').select('name').where('name', '=', name).execute();
    assert.equal(rows.length, 1, 'exactly one business holds the name');
  });

  test('the same name in another commune is registered, with that authority’s own serial', async () => {
    const { outcome } = await register(NAME, '21040');
    assert.ok(outcome.ok && outcome.result, JSON.stringify(outcome));
    assert.equal(outcome.result.number, '51210408000001');
  });

  test('lookup needs both the number and the owner ID, and a citizen session', async () => {
    const url = (n: string, id: string) => `/api/v1/household-businesses/lookup?registrationNumber=${n}&ownerCitizenId=${id}`;
    const ok = await get(t.app, citizen, url(first.number, OWNER_ID));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().name, NAME);
    assert.equal(ok.json().status, 'active');
    assert.equal(ok.body.includes(OWNER_ID), false, 'the answer does not echo the owner ID');
    assert.equal((await get(t.app, citizen, url(first.number, '051190123457'))).statusCode, 404);
    assert.equal((await get(t.app, citizen, url('51210258999999', OWNER_ID))).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: url(first.number, OWNER_ID) })).statusCode, 401);
    assert.equal((await get(t.app, desk.leader, url(first.number, OWNER_ID))).statusCode, 403);
  });

  test('officers see their agency’s register; citizens do not', async () => {
    const res = await get(t.app, desk.leader, '/api/v1/household-businesses?unitCode=21025');
    assert.equal(res.statusCode, 200, res.body);
    const entry = res.json().items.find((i: { registrationNumber: string }) => i.registrationNumber === first.number);
    assert.equal(entry.name, NAME);
    assert.equal(entry.ownerName, 'Nguyễn Thị Ba');
    assert.equal(entry.sourceDossierCode, first.code);
    assert.equal((await get(t.app, citizen, '/api/v1/household-businesses')).statusCode, 403);
  });

  test('a change renames the business in the register and issues an updated certificate', async () => {
    const form = {
      registrationNumber: first.number,
      ownerCitizenId: OWNER_ID,
      changes: { businessName: 'Hộ kinh doanh Tạp hóa Minh Phát Lộc', capital: 80_000_000 },
    };
    const code = await fileDossier(t, citizen, '2.000720', '21025', form, ['thong-bao-thay-doi']);
    await driveToResolved(t.app, desk, code);
    const outcome = await onDossierResolved(t.ctx, code);
    assert.ok(outcome.ok && outcome.result, JSON.stringify(outcome));
    assert.equal(outcome.result.number, first.number, 'the number does not change');
    const after = await get(
      t.app,
      citizen,
      `/api/v1/household-businesses/lookup?registrationNumber=${first.number}&ownerCitizenId=${OWNER_ID}`,
    );
    assert.equal(after.json().name, 'Hộ kinh doanh Tạp hóa Minh Phát Lộc');
    assert.equal(after.json().capital, 80_000_000);
    // The old name is no longer the register's (an open dossier that asked for it earlier may still hold
    // it: the check counts open dossiers too); the certificate's page shows the change number.
    const freed = await nameCheck(NAME);
    assert.ok(freed.available || freed.problems.every((p: string) => p === NAME_PENDING), JSON.stringify(freed));
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${outcome.result.verificationCode}` });
    assert.equal(page.json().changeNumber, 1);
  });

  test('termination marks the business terminated, frees its name, and the old certificate says so', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/household-businesses?unitCode=21025' });
    assert.equal(anonymous.statusCode, 401);
    const list = await get(t.app, desk.leader, '/api/v1/household-businesses?unitCode=21025');
    const business = list.json().items.find((i: { name: string }) => i.name === 'Hộ kinh doanh Tạp hóa Minh Phát Lộc');
    const certificates = await t.ctx.db
      .selectFrom('dossierResult')
      .select('verificationCode')
      .where('dossierCode', '=', business.sourceDossierCode)
      .execute();
    const form = {
      registrationNumber: business.registrationNumber,
      ownerCitizenId: OWNER_ID,
      reason: 'Không tiếp tục kinh doanh',
      terminationDate: '2026-11-30',
      hasOriginalCertificate: true,
    };
    const code = await fileDossier(t, citizen, '1.001266', '21025', form, [
      'thong-bao-cham-dut',
      'thong-bao-co-quan-thue',
      'giay-chung-nhan-goc',
    ]);
    await driveToResolved(t.app, desk, code);
    const outcome = await onDossierResolved(t.ctx, code);
    assert.ok(outcome.ok && outcome.result, JSON.stringify(outcome));
    assert.equal(outcome.result.kind, 'notice');

    assert.equal((await nameCheck('Hộ kinh doanh Tạp hóa Minh Phát Lộc')).available, true);
    const old = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${certificates[0]?.verificationCode}` });
    assert.equal(old.json().status, 'terminated');
    const page = await t.app.inject({ method: 'GET', url: `/xac-minh/${certificates[0]?.verificationCode}` });
    assert.ok(page.body.includes('đã chấm dứt hoạt động'));

    // A terminated registration cannot be changed or terminated again: the filing says so on the number.
    await assert.rejects(
      fileDossier(t, citizen, '1.001266', '21025', form, ['thong-bao-cham-dut', 'thong-bao-co-quan-thue', 'giay-chung-nhan-goc']),
      /→ 400 .*"field":"body\.form\.registrationNumber".*chấm dứt/,
    );
  });

  test('a terminated name can be registered again', async () => {
    const { outcome } = await register('Hộ kinh doanh Tạp hóa Minh Phát Lộc');
    assert.ok(outcome.ok && outcome.result, JSON.stringify(outcome));
  });
});
