import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { DEMO_PASSWORD } from '../identity/identity.seed';
import { latestCode, type SignedIn, signIn } from '../identity/identity.test-helpers';
import type { TestApp } from '../test/harness';

/**
 * The people the *.authz.test.ts files ask with: nobody, a citizen, the desk, a specialist and a
 * leader of phường Cẩm Thành, another commune's desk, the hotline, a report reader, the province's
 * administrators, and a province administrator whose grant covers another province.
 */
export const PEOPLE = [
  'anonymous',
  'citizen',
  'receiver',
  'specialist',
  'leader',
  'otherReceiver',
  'hotline',
  'reportReader',
  'foreignAdmin',
  'provinceAdmin',
  'systemAdmin',
] as const;
export type Person = (typeof PEOPLE)[number];
export const ADMINS: readonly Person[] = ['provinceAdmin', 'systemAdmin'];

const DEMO: Partial<Record<Person, string>> = {
  citizen: '0905000001',
  receiver: '0905000011',
  specialist: '0905000012',
  leader: '0905000013',
  otherReceiver: '0905000021',
  hotline: '0905000031',
  provinceAdmin: '0905000091',
  systemAdmin: '0905000099',
};

const PASSWORD = 'KiemThu@2026x';
let counter = 0;

/** An officer created through staff administration, holding `role` at `agencyCode`, signed in. */
async function newOfficer(t: TestApp, admin: SignedIn, role: string, agencyCode: string): Promise<SignedIn> {
  const phone = `09139${String(process.pid % 100).padStart(2, '0')}${String(++counter).padStart(3, '0')}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/staff',
    payload: { fullName: `Cán bộ kiểm thử ${counter}`, phone, roles: [{ role, agencyCode }] },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
  });
  assert.equal(res.statusCode, 201, res.body);
  const code = await latestCode(t.app, phone);
  const set = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff-password',
    payload: { phone, code, password: PASSWORD },
  });
  assert.equal(set.statusCode, 204, set.body);
  return signIn(t.app, phone, PASSWORD);
}

export async function signInPeople(t: TestApp): Promise<Record<Exclude<Person, 'anonymous'>, SignedIn>> {
  const demo = Object.fromEntries(
    await Promise.all(Object.entries(DEMO).map(async ([who, phone]) => [who, await signIn(t.app, phone, DEMO_PASSWORD)])),
  ) as Record<string, SignedIn>;
  const admin = demo.provinceAdmin as SignedIn;
  const reportReader = await newOfficer(t, admin, 'report_reader', 'UBND.21025');
  // A province administrator's grant whose unit is another province (48, Đà Nẵng): written as the
  // data would hold it, since the staff screen only grants roles in this province.
  const foreignPhone = await newOfficer(t, admin, 'receiver', 'UBND.21040');
  const userId = foreignPhone.body.user.id;
  await t.ctx.db.deleteFrom('officerRole').where('userId', '=', userId).execute();
  await t.ctx.db
    .insertInto('officerRole')
    .values({ provinceCode: t.ctx.config.PROVINCE_CODE, userId, role: 'province_admin', agencyCode: 'TTPVHCC', unitCode: '48' })
    .execute();
  await t.ctx.db.deleteFrom('session').where('userId', '=', userId).execute();
  const phone = (await t.ctx.db.selectFrom('userAccount').select('phone').where('id', '=', userId).executeTakeFirstOrThrow())
    .phone;
  const foreignAdmin = await signIn(t.app, phone, PASSWORD);
  return { ...demo, reportReader, foreignAdmin } as Record<Exclude<Person, 'anonymous'>, SignedIn>;
}

export type Ask = (who: Person, request: InjectOptions) => Promise<{ statusCode: number; body: string; json(): any }>;

/** Sends `request` as `who` (cookie and CSRF token of their session; nothing for anonymous). */
export function asker(t: TestApp, sessions: Record<Exclude<Person, 'anonymous'>, SignedIn>): Ask {
  return (who, request) => {
    const s = who === 'anonymous' ? undefined : sessions[who];
    const headers = { ...(request.headers ?? {}), ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {}) };
    return t.app.inject({ ...request, headers });
  };
}

/**
 * Asserts who gets through (`allowed`: any answer but 401, 403 and a 5xx; with `hiddenAs404`, 404
 * counts as refused too) and that everyone else is refused: 401 without a session, 403 with one (or
 * 404 where the handler hides the target).
 */
export async function expectOnly(ask: Ask, allowed: readonly Person[], request: () => InjectOptions, hiddenAs404 = false) {
  const wrong: string[] = [];
  for (const who of PEOPLE) {
    const res = await ask(who, request());
    const refused = res.statusCode === 401 || res.statusCode === 403 || (hiddenAs404 && res.statusCode === 404);
    if (allowed.includes(who)) {
      if (refused || res.statusCode >= 500)
        wrong.push(`${who}: expected through, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    } else {
      const expected = who === 'anonymous' ? [401] : hiddenAs404 ? [403, 404] : [403];
      if (!expected.includes(res.statusCode)) wrong.push(`${who}: expected ${expected.join('/')}, got ${res.statusCode}`);
    }
  }
  assert.deepEqual(wrong, [], `${request().method} ${request().url}`);
}
