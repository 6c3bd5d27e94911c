import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { act, fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { latestCode, nextIp, type SignedIn, signIn } from './identity.test-helpers';

let t: TestApp;
let provinceAdmin: SignedIn;
let systemAdmin: SignedIn;
let receiver: SignedIn;
let citizen: SignedIn;
let phoneCounter = 0;
/** A fresh mobile number per officer created here. */
const newPhone = () => `09123${String(++phoneCounter).padStart(5, '0')}`;
const PASSWORD = 'CanBo@2026x';

before(async () => {
  t = await createTestApp();
  [provinceAdmin, receiver, citizen] = await Promise.all([
    login(t.app, 'provinceAdmin'),
    login(t.app, 'receiver'),
    login(t.app, 'citizen'),
  ]);
  systemAdmin = await signIn(t.app, '0905000099', DEMO_PASSWORD);
});
after(() => t.close());

function put(app: FastifyInstance, who: SignedIn, url: string, payload: unknown) {
  return app.inject({
    method: 'PUT',
    url,
    payload: payload as object,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
  });
}

const specialistOf = (agencyCode: string, phone = newPhone(), fullName = 'Trương Văn Mới') => ({
  fullName,
  phone,
  email: 'moi@quangngai.gov.vn',
  roles: [{ role: 'specialist', agencyCode }],
});

async function createOfficer(body: ReturnType<typeof specialistOf>, by = provinceAdmin) {
  const res = await post(t.app, by, '/api/v1/admin/staff', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; phone: string; fullName: string; active: boolean };
}

/** The officer sets a password with the code the SMS brought, then signs in. */
async function activate(phone: string): Promise<SignedIn> {
  const code = await latestCode(t.app, phone);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff-password',
    payload: { phone, code, password: PASSWORD },
  });
  assert.equal(res.statusCode, 204, res.body);
  return signIn(t.app, phone, PASSWORD);
}

const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; message: string }[] }).errors ?? []).map((e) => e.field);

async function auditRows(recordId: string) {
  return t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'actorId', 'statusCode', 'change'])
    .where('recordType', '=', 'user_account')
    .where('recordId', '=', recordId)
    .where('change', 'is not', null)
    .orderBy('id')
    .execute();
}

interface StaffSnapshot {
  fullName: string;
  phone: string;
  email: string | null;
  active: boolean;
  roles: { role: string }[];
}
const changeOf = (c: unknown) =>
  (typeof c === 'string' ? JSON.parse(c) : c) as { before: StaffSnapshot | null; after: StaffSnapshot | null };

describe('a province administrator creates an officer who sets a password by SMS code', () => {
  test('created, coded by SMS, the code works once, the officer signs in with their roles', async () => {
    const phone = newPhone();
    const created = await createOfficer(specialistOf('UBND.21025', phone));
    assert.equal(created.active, true);
    await assert.rejects(signIn(t.app, phone, PASSWORD), /401/, 'no password works before one is set');

    const code = await latestCode(t.app, phone);
    const setIt = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/staff-password', payload: { phone, code, password: PASSWORD } });
    assert.equal((await setIt()).statusCode, 204);
    const again = await setIt();
    assert.equal(again.statusCode, 422, 'the code is single use');
    assert.deepEqual(fieldsOf(again), ['body.code']);

    const officer = await signIn(t.app, phone, PASSWORD);
    assert.deepEqual(
      officer.body.user.roles.map((r) => [r.role, r.agencyCode]),
      [['specialist', 'UBND.21025']],
    );

    const [row] = await auditRows(created.id);
    assert.equal(row?.action, 'POST /api/v1/admin/staff');
    assert.equal(row?.actorId, provinceAdmin.body.user.id);
    const change = changeOf(row?.change);
    assert.equal(change.before, null);
    assert.equal(change.after?.phone, phone);
    assert.deepEqual(
      change.after?.roles.map((r: { role: string }) => r.role),
      ['specialist'],
    );
  });

  test('five wrong guesses kill the code, even for the right one after them', async () => {
    const phone = newPhone();
    await createOfficer(specialistOf('UBND.21025', phone));
    const code = await latestCode(t.app, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/staff-password',
        payload: { phone, code: wrong, password: PASSWORD },
      });
      assert.equal(res.statusCode, 422);
    }
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff-password',
      payload: { phone, code, password: PASSWORD },
    });
    assert.equal(right.statusCode, 422);
    assert.match(right.json().errors[0].message, /không còn hiệu lực/);
  });

  test('a code is valid for 24 hours', async () => {
    const phone = newPhone();
    await createOfficer(specialistOf('UBND.21025', phone));
    const code = await latestCode(t.app, phone);
    const start = t.ctx.now();
    t.setNow(new Date(start.getTime() + 24 * 3_600_000 + 1000));
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/staff-password',
        payload: { phone, code, password: PASSWORD },
      });
      assert.equal(res.statusCode, 422);
    } finally {
      t.setNow(start);
    }
  });

  test('an officer holds roles in two agencies', async () => {
    const phone = newPhone();
    const body = {
      ...specialistOf('UBND.21025', phone),
      roles: [
        { role: 'specialist', agencyCode: 'UBND.21025' },
        { role: 'receiver', agencyCode: 'UBND.21040' },
      ],
    };
    await createOfficer(body);
    const officer = await activate(phone);
    assert.deepEqual(officer.body.user.roles.map((r) => r.agencyCode).sort(), ['UBND.21025', 'UBND.21040']);
  });

  test('40 creations of the same phone at once make exactly one account', async () => {
    const phone = newPhone();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => post(t.app, provinceAdmin, '/api/v1/admin/staff', specialistOf('UBND.21025', phone))),
    );
    const codes = answers.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 1, codes.join(','));
    assert.equal(codes.filter((c) => c === 422).length, 39, codes.join(','));
    for (const r of answers.filter((a) => a.statusCode === 422)) assert.deepEqual(fieldsOf(r), ['body.phone']);
    const rows = await t.ctx.db.selectFrom('userAccount').select('id').where('phone', '=', phone).execute();
    assert.equal(rows.length, 1);
  });
});

describe('bad input gets field-level Vietnamese errors', () => {
  test('phone taken, unknown agency, a role the agency kind does not allow, system admin granted by a province admin', async () => {
    const taken = await post(t.app, provinceAdmin, '/api/v1/admin/staff', specialistOf('UBND.21025', '0905000011'));
    assert.equal(taken.statusCode, 422);
    assert.deepEqual(fieldsOf(taken), ['body.phone']);
    assert.match(taken.json().errors[0].message, /đã được dùng/);

    const unknown = await post(t.app, provinceAdmin, '/api/v1/admin/staff', specialistOf('UBND.99999'));
    assert.deepEqual(fieldsOf(unknown), ['body.roles.0.agencyCode']);
    assert.match(unknown.json().errors[0].message, /Không có cơ quan/);

    const adminAtCommune = await post(t.app, provinceAdmin, '/api/v1/admin/staff', {
      ...specialistOf('UBND.21025'),
      roles: [{ role: 'province_admin', agencyCode: 'UBND.21025' }],
    });
    assert.deepEqual(fieldsOf(adminAtCommune), ['body.roles.0.role']);
    assert.match(adminAtCommune.json().errors[0].message, /cấp tỉnh/);

    const grantSystem = await post(t.app, provinceAdmin, '/api/v1/admin/staff', {
      ...specialistOf('TTPVHCC'),
      roles: [{ role: 'system_admin', agencyCode: 'TTPVHCC' }],
    });
    assert.deepEqual(fieldsOf(grantSystem), ['body.roles.0.role']);
    assert.match(grantSystem.json().errors[0].message, /Chỉ quản trị hệ thống/);

    const bySystem = await post(t.app, systemAdmin, '/api/v1/admin/staff', {
      ...specialistOf('TTPVHCC'),
      roles: [{ role: 'system_admin', agencyCode: 'TTPVHCC' }],
    });
    assert.equal(bySystem.statusCode, 201, 'a system administrator may grant it');
  });

  test('nobody deactivates the last system administrator, themselves included', async () => {
    const sys = await t.ctx.db.selectFrom('officerRole').select('userId').where('role', '=', 'system_admin').execute();
    // Other tests may have made more: deactivate all but the demo one first.
    for (const { userId } of sys.filter((s) => s.userId !== systemAdmin.body.user.id)) {
      assert.equal((await post(t.app, systemAdmin, `/api/v1/admin/staff/${userId}/deactivate`, {})).statusCode, 200);
    }
    const self = await post(t.app, systemAdmin, `/api/v1/admin/staff/${systemAdmin.body.user.id}/deactivate`, {});
    assert.equal(self.statusCode, 422);
    assert.deepEqual(fieldsOf(self), ['params.id']);
    assert.match(self.json().errors[0].message, /cuối cùng/);
    const dropRole = await put(t.app, systemAdmin, `/api/v1/admin/staff/${systemAdmin.body.user.id}`, {
      fullName: 'Đặng Văn Hùng',
      phone: '0905000099',
      roles: [{ role: 'province_admin', agencyCode: 'TTPVHCC' }],
    });
    assert.equal(dropRole.statusCode, 422);
    assert.deepEqual(fieldsOf(dropRole), ['body.roles']);
  });
});

describe('administration is scoped', () => {
  test('desk officers and citizens are refused; a province admin cannot touch a system admin; a citizen is no officer', async () => {
    for (const who of [receiver, citizen]) {
      assert.equal((await get(t.app, who, '/api/v1/admin/staff')).statusCode, 403);
      assert.equal((await post(t.app, who, '/api/v1/admin/staff', specialistOf('UBND.21025'))).statusCode, 403);
    }
    const edit = await put(t.app, provinceAdmin, `/api/v1/admin/staff/${systemAdmin.body.user.id}`, {
      fullName: 'Đổi tên',
      phone: '0905000099',
      roles: [{ role: 'receiver', agencyCode: 'TTPVHCC' }],
    });
    assert.equal(edit.statusCode, 403);
    const off = await post(t.app, provinceAdmin, `/api/v1/admin/staff/${systemAdmin.body.user.id}/deactivate`, {});
    assert.equal(off.statusCode, 403);
    const ofCitizen = await post(t.app, provinceAdmin, `/api/v1/admin/staff/${citizen.body.user.id}/deactivate`, {});
    assert.equal(ofCitizen.statusCode, 404);
    assert.equal((await get(t.app, receiver, '/api/v1/officer/agencies/UBND.21040/staff?role=specialist')).statusCode, 403);
  });

  test('the list finds officers by name or phone, with their roles and agencies', async () => {
    const phone = newPhone();
    await createOfficer(specialistOf('UBND.21040', phone, 'Phan Thị Tìm Thấy'));
    const res = await get(t.app, provinceAdmin, `/api/v1/admin/staff?q=${encodeURIComponent('tìm thấy')}`);
    assert.equal(res.statusCode, 200);
    const [found, ...rest] = res.json().items;
    assert.equal(rest.length, 0);
    assert.equal(found.phone, phone);
    assert.equal(found.roles[0].agencyName, 'Ủy ban nhân dân xã Bình Sơn');
    assert.ok(res.json().agencies.some((a: { code: string }) => a.code === 'UBND.21025'));
  });
});

describe('edit and deactivate', () => {
  test('an edit of roles is audited with before and after', async () => {
    const created = await createOfficer(specialistOf('UBND.21025'));
    const res = await put(t.app, provinceAdmin, `/api/v1/admin/staff/${created.id}`, {
      fullName: 'Trương Văn Đổi',
      phone: created.phone,
      email: '',
      roles: [{ role: 'leader', agencyCode: 'UBND.21025' }],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().fullName, 'Trương Văn Đổi');
    const rows = await auditRows(created.id);
    const change = changeOf(rows.at(-1)?.change);
    assert.equal(rows.at(-1)?.action, `PUT /api/v1/admin/staff/${created.id}`);
    assert.equal(change.before?.fullName, 'Trương Văn Mới');
    assert.deepEqual(
      change.before?.roles.map((r: { role: string }) => r.role),
      ['specialist'],
    );
    assert.equal(change.after?.email, null);
    assert.deepEqual(
      change.after?.roles.map((r: { role: string }) => r.role),
      ['leader'],
    );
  });

  test('deactivation ends the sessions at once: the next request is 401, and signing in fails', async () => {
    const created = await createOfficer(specialistOf('UBND.21025'));
    const officer = await activate(created.phone);
    assert.equal((await get(t.app, officer, '/api/v1/officer/dossiers')).statusCode, 200);
    const off = await post(t.app, provinceAdmin, `/api/v1/admin/staff/${created.id}/deactivate`, {});
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().active, false);
    assert.equal((await get(t.app, officer, '/api/v1/officer/dossiers')).statusCode, 401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: created.phone, password: PASSWORD },
      remoteAddress: nextIp(),
    });
    assert.equal(relogin.statusCode, 401);
    const change = changeOf((await auditRows(created.id)).at(-1)?.change);
    assert.equal(change.before?.active, true);
    assert.equal(change.after?.active, false);
  });
});

describe('the assignment picker and the assignee check', () => {
  test('only an active specialist of the dossier agency is assignable; reassignment is recorded', async () => {
    const mine = await createOfficer(specialistOf('UBND.21025', newPhone(), 'Âu Văn Chọn'));
    const gone = await createOfficer(specialistOf('UBND.21025', newPhone(), 'Âu Văn Nghỉ'));
    const elsewhere = await createOfficer(specialistOf('UBND.21040', newPhone(), 'Âu Văn Xa'));
    assert.equal((await post(t.app, provinceAdmin, `/api/v1/admin/staff/${gone.id}/deactivate`, {})).statusCode, 200);

    const picker = await get(t.app, receiver, '/api/v1/officer/agencies/UBND.21025/staff?role=specialist');
    assert.equal(picker.statusCode, 200);
    const names = picker.json().items.map((s: { fullName: string }) => s.fullName);
    assert.ok(names.includes('Âu Văn Chọn'));
    assert.ok(names.includes('Lê Văn Cường'));
    assert.ok(!names.includes('Âu Văn Nghỉ'), 'a deactivated specialist is not offered');
    assert.ok(!names.includes('Âu Văn Xa'), "another agency's specialist is not offered");

    const { code } = await fileOnline(t.app, citizen);
    assert.equal((await act(t.app, receiver, code, { type: 'receive' })).statusCode, 200);
    for (const id of [citizen.body.user.id, elsewhere.id, gone.id, receiver.body.user.id]) {
      const res = await act(t.app, receiver, code, { type: 'assign', specialistId: id });
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(fieldsOf(res), ['body.specialistId']);
      assert.match(res.json().errors[0].message, /chuyên viên đang làm việc/);
    }
    assert.equal((await act(t.app, receiver, code, { type: 'assign', specialistId: mine.id })).statusCode, 200);
    const [specialist, leader] = await Promise.all([login(t.app, 'specialist'), login(t.app, 'leader')]);
    // Reassigning a dossier already in processing is the leader's.
    const again = await act(t.app, leader, code, { type: 'assign', specialistId: specialist.body.user.id });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().assigneeId, specialist.body.user.id);
    const assigns = (again.json().timeline as { event: string }[]).filter((e) => e.event === 'assign');
    assert.equal(assigns.length, 2, 'the reassignment is an event of its own');
  });
});

describe('the report reader role', () => {
  test("reads its agency's reports but no dossier", async () => {
    const phone = newPhone();
    await createOfficer({ ...specialistOf('UBND.21025', phone), roles: [{ role: 'report_reader', agencyCode: 'UBND.21025' }] });
    const reader = await activate(phone);
    assert.equal((await get(t.app, reader, '/api/v1/reports/indicators?period=2026-11')).statusCode, 200);
    assert.equal((await get(t.app, reader, '/api/v1/officer/dossiers')).statusCode, 403);
    const { code } = await fileOnline(t.app, citizen);
    assert.equal(
      (await get(t.app, reader, `/api/v1/dossiers/${code}`)).statusCode,
      404,
      "an applicant's dossier is not a report",
    );
  });
});
