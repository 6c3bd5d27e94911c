import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { storeBuffer } from '../files/files.service';
import type { AppContext } from '../http/context';
import { DEMO_PASSWORD } from '../identity/identity.seed';
import { type SignedIn, signIn } from '../identity/identity.test-helpers';
import { authorizeSigningOnce } from '../signing/signing.test-helpers';

/** Demo accounts (identity.seed.ts) by what they do in the tests. */
export const PHONES = {
  citizen: '0905000001',
  receiver: '0905000011',
  specialist: '0905000012',
  leader: '0905000013',
  otherReceiver: '0905000021',
  hotline: '0905000031',
  provinceAdmin: '0905000091',
} as const;

export function login(app: FastifyInstance, who: keyof typeof PHONES): Promise<SignedIn> {
  return signIn(app, PHONES[who], DEMO_PASSWORD);
}

/** A small real PDF whose bytes differ by `label` (so each upload is its own file). */
export function tinyPdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** Stores a PDF as uploaded by this user (what the tus upload ends with) and returns its file id. */
export async function uploaded(ctx: AppContext, who: SignedIn, label: string): Promise<string> {
  const r = await storeBuffer(ctx, who.body.user.id, `${label}.pdf`, tinyPdf(label), ['pdf']);
  if (!r.ok) throw new Error(`store ${label}: ${r.reason}`);
  return r.file.sha256;
}

/** The two mandatory components of a household registration, uploaded by `who`. */
export async function registrationAttachments(ctx: AppContext, who: SignedIn) {
  return [
    { componentId: 'giay-de-nghi', fileId: await uploaded(ctx, who, 'giay-de-nghi') },
    { componentId: 'giay-to-phap-ly-ca-nhan', fileId: await uploaded(ctx, who, 'cccd') },
  ];
}

let businessNumber = 0;

/**
 * A complete, valid registration form (packages/domain/src/forms). Each form asks for a name of its
 * own ("Hộ kinh doanh Bánh xèo Cô Ba 7"), as the register wants one name per business in a commune: a
 * test that files the same form twice builds it once.
 */
export function householdForm(): Record<string, unknown> {
  businessNumber += 1;
  return {
    businessName: `Hộ kinh doanh Bánh xèo Cô Ba ${businessNumber}`,
    location: { unitCode: '21025', street: '12 Lê Lợi, tổ dân phố 3' },
    businessLines: [{ code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', isMain: true }],
    capital: 50_000_000,
    employees: 2,
    owner: {
      fullName: 'Nguyễn Thị Ba',
      birthDate: '1990-05-12',
      sex: 'female',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      citizenId: '051190123456',
      residence: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
      phone: '0905123456',
    },
    members: [],
    delivery: 'electronic',
  };
}

/** A household-business registration in phường Cẩm Thành, as the phone sends it. */
export function householdRegistration(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.001612',
    unitCode: '21025',
    channel: 'mobile',
    form: householdForm(),
    attachments: [] as Array<{ componentId: string; fileId: string }>,
    delivery: 'electronic',
    ...overrides,
  };
}

export async function post(app: FastifyInstance, who: SignedIn, url: string, payload: unknown, key?: string) {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
  });
}

export async function get(app: FastifyInstance, who: SignedIn, url: string) {
  return app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
}

export async function fileOnline(app: FastifyInstance, citizen: SignedIn, overrides: Record<string, unknown> = {}) {
  const attachments = await registrationAttachments(app.ctx, citizen);
  const res = await post(app, citizen, '/api/v1/dossiers', householdRegistration({ attachments, ...overrides }), randomUUID());
  if (res.statusCode !== 201) throw new Error(`file → ${res.statusCode} ${res.body}`);
  return res.json() as { code: string; status: string; channel: string; expectedDueAt: string | null };
}

/**
 * One step of the desk, as the officer's dialog takes it: a `resolve` refused because the leader's
 * signing needs their OTP is taken again once they entered the code of the SMS (signing.test-helpers).
 */
export async function act(app: FastifyInstance, who: SignedIn, code: string, event: Record<string, unknown>) {
  const res = await post(app, who, `/api/v1/dossiers/${code}/events`, event);
  if (event.type !== 'resolve' || res.statusCode !== 409 || !/signing-authorization-required$/.test(res.json().type)) return res;
  await authorizeSigningOnce(app, who);
  return post(app, who, `/api/v1/dossiers/${code}/events`, event);
}
