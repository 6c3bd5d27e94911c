import { randomUUID } from 'node:crypto';
import { procedureDefinitions } from '@dvc/domain';
import { BIRTH_GROUP_FORM } from '@dvc/domain/procedure-definition/groups/examples';
import type { FastifyInstance } from 'fastify';
import { householdRegistration, uploaded } from '../dossiers/dossiers.test-helpers';
import { DEMO_ACCOUNTS } from '../identity/identity.seed';
import { createSession } from '../identity/identity.service';
import type { SignedIn } from '../identity/identity.test-helpers';
import { findUserByPhone } from '../identity/index';
import { register, verifyPhone } from '../identity/sign-up.service';
import { listRecentSms } from '../identity/sms-outbox';
import { createChannels } from '../notifications/channels';
import { drainOutbox } from '../notifications/dispatcher';
import { IPN_PATH } from '../payments/payments.service';
import { ipnQuery } from '../payments/payments.test-helpers';
import type { TestApp } from '../test/harness';
import type { AppContext } from './context';

/**
 * The people of the access matrix. The desk of agency A (UBND phường Cẩm Thành) with its
 * specialist and leader; the desk of agency B (UBND xã Bình Sơn); "department" is the desk of a
 * provincial department (Sở Công Thương) — there is no separate department role in OFFICER_ROLES.
 * Citizen B is not a demo account: registered here through the identity service.
 */
export const ACTORS = [
  'anonymous',
  'citizenB',
  'deskB',
  'specialist',
  'leader',
  'hotline',
  'department',
  'provinceAdmin',
  'systemAdmin',
  // The owners last: a mutating request of an owner (withdraw, delete an upload) runs after the
  // others have been refused on the very same thing.
  'deskA',
  'citizenA',
] as const;
export type ActorName = (typeof ACTORS)[number];
export type SignedInActor = Exclude<ActorName, 'anonymous'>;

const DEMO_PHONE: Record<Exclude<SignedInActor, 'citizenB'>, string> = {
  citizenA: '0905000001',
  deskA: '0905000011',
  specialist: '0905000012',
  leader: '0905000013',
  deskB: '0905000021',
  hotline: '0905000031',
  department: '0905000041',
  provinceAdmin: '0905000091',
  systemAdmin: '0905000099',
};
const CITIZEN_B = { phone: '0987650002', password: 'MatKhau@2026', fullName: 'Lê Thị Cúc' };

export interface MatrixFixture {
  sessions: Record<SignedInActor, SignedIn>;
  /** A second session of the same person, for requests that end the session they come with. */
  freshSession(who: SignedInActor): Promise<SignedIn>;
  /** Citizen A's dossier at agency A, received by desk A (so it has a receipt slip). */
  dossierA: string;
  /** Citizen B's dossier at agency B. */
  dossierB: string;
  /** A file attached to dossier A (uploaded by citizen A). */
  fileOfA: string;
  /** Citizen A's birth group (three dossiers at three agencies). */
  groupOfA: string;
  /** The receipt of the fee citizen A paid online for dossier A. */
  receiptOfA: string;
  /** A notification addressed to citizen A. */
  notificationOfA: number;
  /** Unfinished uploads of citizen A: one to look at, one to delete. */
  uploadOfA: string;
  uploadOfAToDelete: string;
}

async function sessionOf(ctx: AppContext, phone: string): Promise<SignedIn> {
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, phone);
  if (!user) throw new Error(`no account ${phone}`);
  const s = await createSession(ctx, user, '127.0.0.1', 'access-matrix');
  const roles = s.actor.roles.map((g) => ({ role: g.role, agencyCode: g.agencyCode }));
  return {
    cookie: `dvc_session=${s.token}`,
    csrfToken: s.csrfToken,
    body: { user: { id: s.actor.userId, kind: s.actor.kind, roles }, csrfToken: s.csrfToken },
  };
}

async function registerCitizenB(ctx: AppContext): Promise<void> {
  const r = await register(ctx, CITIZEN_B);
  if (!r.ok) throw new Error(`register citizen B: ${r.reason}`);
  const [sms] = await listRecentSms(ctx.db, ctx.config.PROVINCE_CODE, { phone: CITIZEN_B.phone, limit: 1 });
  const code = sms?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error('no code sent to citizen B');
  const v = await verifyPhone(ctx, { phone: CITIZEN_B.phone, code, signUpToken: r.signUpToken });
  if (!v.ok) throw new Error(`verify citizen B: ${v.reason}`);
}

const withSession = (who: SignedIn) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });

async function fileFor(app: FastifyInstance, who: SignedIn, unitCode: string) {
  // Bytes of this citizen's own: files are stored by content, and a shared file is readable by both.
  const attachments = [
    { componentId: 'giay-de-nghi', fileId: await uploaded(app.ctx, who, `giay-de-nghi ${who.body.user.id}`) },
    { componentId: 'giay-to-phap-ly-ca-nhan', fileId: await uploaded(app.ctx, who, `cccd ${who.body.user.id}`) },
  ];
  const base = householdRegistration();
  const payload = householdRegistration({
    unitCode,
    attachments,
    form: { ...(base.form as object), location: { unitCode, street: '5 Trần Hưng Đạo' } },
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload,
    headers: { ...withSession(who), 'idempotency-key': randomUUID() },
  });
  if (res.statusCode !== 201) throw new Error(`file at ${unitCode} → ${res.statusCode} ${res.body}`);
  return { code: res.json().code as string, agencyCode: res.json().agencyCode as string, fileId: attachments[0]!.fileId };
}

async function startUpload(app: FastifyInstance, who: SignedIn): Promise<string> {
  const meta = {
    filename: 'to-khai.pdf',
    procedureCode: procedureDefinitions.householdBusinessRegistrationDefinition.code,
    componentId: 'giay-de-nghi',
  };
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: {
      ...withSession(who),
      'tus-resumable': '1.0.0',
      'upload-length': '100',
      'upload-metadata': Object.entries(meta)
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(','),
    },
  });
  const id = String(res.headers.location ?? '')
    .split('/')
    .pop();
  if (res.statusCode !== 201 || !id) throw new Error(`upload → ${res.statusCode} ${res.body}`);
  return id;
}

/** A birth group (liên thông) filed by `who`: dossiers at the commune, its police and social insurance. */
async function fileBirthGroup(app: FastifyInstance, who: SignedIn): Promise<string> {
  const file = async (procedureCode: string, componentId: string) => ({
    procedureCode,
    componentId,
    fileId: await uploaded(app.ctx, who, `${componentId} ${who.body.user.id}`),
  });
  const payload = {
    group: 'birth',
    unitCode: '21025',
    form: BIRTH_GROUP_FORM,
    // Every mandatory paper of every member, as the definitions say (no procedure code written here).
    attachments: await Promise.all(
      procedureDefinitions.GROUP_DEFINITIONS.filter((d) => d.interlink?.group === 'birth').flatMap((d) =>
        d.components.filter((c) => c.requirement.kind === 'mandatory').map((c) => file(d.code, c.id)),
      ),
    ),
    delivery: 'electronic',
  };
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/dossier-groups',
    payload,
    headers: { ...withSession(who), 'idempotency-key': randomUUID() },
  });
  if (res.statusCode !== 201) throw new Error(`group → ${res.statusCode} ${res.body}`);
  return res.json().code as string;
}

/** Opens the fee order of dossier `code` and has the gateway confirm it; returns the receipt's URL. */
async function payFee(t: TestApp, who: SignedIn, code: string): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/payments`,
    payload: {},
    headers: withSession(who),
  });
  if (created.statusCode !== 201) throw new Error(`payment → ${created.statusCode} ${created.body}`);
  const { orderRef, amount } = created.json() as { orderRef: string; amount: number };
  const ipn = await t.app.inject({ method: 'GET', url: `${IPN_PATH}?${ipnQuery(t, orderRef, amount)}` });
  if (ipn.json().RspCode !== '00') throw new Error(`IPN → ${ipn.body}`);
  const listed = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/payments`, headers: withSession(who) });
  const receipt = listed.json().items?.[0]?.receiptUrl as string | null | undefined;
  if (!receipt) throw new Error(`no receipt: ${listed.body}`);
  return receipt;
}

export async function createMatrixFixture(t: TestApp): Promise<MatrixFixture> {
  const { app, ctx } = t;
  await registerCitizenB(ctx);
  const phoneOf = (who: SignedInActor) =>
    who === 'citizenB' ? CITIZEN_B.phone : DEMO_PHONE[who as Exclude<SignedInActor, 'citizenB'>];
  for (const [who, phone] of Object.entries(DEMO_PHONE)) {
    if (!DEMO_ACCOUNTS.some((a) => a.phone === phone)) throw new Error(`${who}: ${phone} is no longer a demo account`);
  }
  const signedIn = ACTORS.filter((a): a is SignedInActor => a !== 'anonymous');
  const sessions = Object.fromEntries(
    await Promise.all(signedIn.map(async (who) => [who, await sessionOf(ctx, phoneOf(who))] as const)),
  ) as Record<SignedInActor, SignedIn>;

  const a = await fileFor(app, sessions.citizenA, '21025');
  const b = await fileFor(app, sessions.citizenB, '21040');
  if (a.agencyCode !== 'UBND.21025' || b.agencyCode !== 'UBND.21040') {
    throw new Error(`dossiers went to ${a.agencyCode} and ${b.agencyCode}, not to the two desks`);
  }
  const received = await app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${a.code}/events`,
    payload: { type: 'receive' },
    headers: withSession(sessions.deskA),
  });
  if (received.statusCode !== 200) throw new Error(`receive → ${received.statusCode} ${received.body}`);
  // What the notification worker does: the in-app notices of the filing appear.
  await drainOutbox(ctx, createChannels(ctx, ctx.config.notifications));
  const inbox = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: withSession(sessions.citizenA) });
  const notificationOfA = inbox.json().items?.[0]?.id as number | undefined;
  if (notificationOfA === undefined) throw new Error(`citizen A has no notification: ${inbox.body}`);

  return {
    sessions,
    freshSession: (who) => sessionOf(ctx, phoneOf(who)),
    dossierA: a.code,
    dossierB: b.code,
    fileOfA: a.fileId,
    notificationOfA,
    groupOfA: await fileBirthGroup(app, sessions.citizenA),
    receiptOfA: await payFee(t, sessions.citizenA, a.code),
    uploadOfA: await startUpload(app, sessions.citizenA),
    uploadOfAToDelete: await startUpload(app, sessions.citizenA),
  };
}
