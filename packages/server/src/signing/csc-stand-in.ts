import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';
import { newOtp, otpHash, safeEqual, sha256 } from '../identity/secrets';
import { queueSms } from '../identity/sms-outbox';
import { disableCredential } from './credential-lifecycle';
import { hasKey, loadKey, signingDir, signSha256Hash, writePrivateFile } from './key-store';
import { authorityOf, issueSignerCertificate } from './pki';
import type { SigningCredentialTable } from './signing.tables';
import { X509Certificate } from './x509';

/**
 * The local remote-signing service: the Cloud Signature Consortium API v2 methods DVC uses
 * (oauth2/token with client credentials, info, credentials/list, credentials/info,
 * credentials/sendOTP, credentials/authorize, signatures/signHash), JSON in and out as the
 * /csc/v2 routes serve them; the app's own client reaches it in-process through the same function
 * (so it joins the caller's transaction on the single-connection embedded database).
 * Officers' credentials need their OTP (SCAL2-like: the code goes out through the SMS outbox);
 * agency seals are used by the server without one (docs/decisions/011).
 */

export const CSC_PREFIX = '/csc/v2';
export const LOCAL_CLIENT_ID = 'dvc-local';
export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
export const RSA_OID = '1.2.840.113549.1.1.1';
export const SHA256_WITH_RSA_OID = '1.2.840.113549.1.1.11';
const OTP_TTL_MS = 5 * 60_000;
const OTP_MAX_ATTEMPTS = 5;
const TOKEN_TTL_S = 3600;
const SEAL_PREFIX = 'seal:';

export interface CscAnswer {
  status: number;
  body: Record<string, unknown>;
}

const fail = (status: number, error: string, description: string): CscAnswer => ({
  status,
  body: { error, error_description: description },
});

/** The local client's secret: generated once per data dir, never a published value. */
export function localClientSecret(dataDir: string): string {
  const file = join(signingDir(dataDir), 'client-secret');
  if (!existsSync(file)) {
    mkdirSync(signingDir(dataDir), { recursive: true, mode: 0o700 });
    writePrivateFile(file, randomBytes(32).toString('base64url'));
  }
  return readFileSync(file, 'utf8').trim();
}

/** Stateless bearer tokens: expiry and an HMAC under the client secret. */
function issueToken(config: Config, now: Date): string {
  const exp = Math.floor(now.getTime() / 1000) + TOKEN_TTL_S;
  const mac = createHmac('sha256', localClientSecret(config.DATA_DIR)).update(`csc:${exp}`).digest('base64url');
  return `${exp}.${mac}`;
}

function tokenValid(config: Config, token: string | undefined, now: Date): boolean {
  const [exp, mac] = (token ?? '').split('.');
  if (!exp || !mac || Number(exp) * 1000 <= now.getTime()) return false;
  const expected = createHmac('sha256', localClientSecret(config.DATA_DIR)).update(`csc:${exp}`).digest('base64url');
  return safeEqual(mac, expected);
}

const TokenBody = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string(),
  client_secret: z.string(),
});
const ListBody = z.object({ userID: z.string().min(1), maxResults: z.number().int().optional() });
const InfoBody = z.object({
  credentialID: z.string().min(1),
  certificates: z.enum(['none', 'single', 'chain']).default('single'),
  certInfo: z.boolean().default(false),
  authInfo: z.boolean().default(false),
});
const OtpBody = z.object({ credentialID: z.string().min(1) });
const AuthorizeBody = z.object({
  credentialID: z.string().min(1),
  numSignatures: z.number().int().min(1).max(1000),
  OTP: z.string().optional(),
});
const SignHashBody = z.object({
  credentialID: z.string().min(1),
  SAD: z.string().min(1),
  hashes: z.array(z.string().min(1)).min(1).max(100),
  hashAlgorithmOID: z.string().optional(),
  signAlgo: z.string(),
});

type CredentialRow = Selectable<SigningCredentialTable>;

/** Answers one CSC call (`method` is the path after /csc/v2/, e.g. 'credentials/list'). */
export async function handleCsc(ctx: AppContext, method: string, body: unknown, bearer: string | undefined): Promise<CscAnswer> {
  const now = ctx.now();
  if (method === 'info') return { status: 200, body: serviceInfo(ctx.config) };
  if (method === 'oauth2/token') {
    const b = TokenBody.safeParse(body);
    if (!b.success) return fail(400, 'invalid_request', 'Thiếu tham số grant_type, client_id hoặc client_secret');
    if (b.data.client_id !== LOCAL_CLIENT_ID || !safeEqual(b.data.client_secret, localClientSecret(ctx.config.DATA_DIR)))
      return fail(401, 'invalid_client', 'Sai thông tin ứng dụng');
    return { status: 200, body: { access_token: issueToken(ctx.config, now), token_type: 'Bearer', expires_in: TOKEN_TTL_S } };
  }
  if (!tokenValid(ctx.config, bearer, now)) return fail(401, 'invalid_token', 'Mã truy cập không hợp lệ hoặc đã hết hạn');
  switch (method) {
    case 'credentials/list': {
      const b = ListBody.safeParse(body);
      if (!b.success) return fail(400, 'invalid_request', 'Thiếu userID');
      const credential = await credentialOfUser(ctx, b.data.userID);
      return { status: 200, body: { credentialIDs: credential ? [credential.id] : [] } };
    }
    case 'credentials/info': {
      const b = InfoBody.safeParse(body);
      if (!b.success) return fail(400, 'invalid_request', 'Thiếu credentialID');
      const credential = await findCredential(ctx, b.data.credentialID);
      if (!credential) return fail(400, 'invalid_request', 'Không có chứng thư số này');
      return { status: 200, body: await credentialInfo(ctx.config, credential, b.data) };
    }
    case 'credentials/sendOTP': {
      const b = OtpBody.safeParse(body);
      if (!b.success) return fail(400, 'invalid_request', 'Thiếu credentialID');
      const credential = await findCredential(ctx, b.data.credentialID);
      if (!credential || credential.kind !== 'officer' || !credential.phone)
        return fail(400, 'invalid_request', 'Chứng thư số này không dùng mã OTP');
      const unusable = unusableReason(credential);
      if (unusable) return fail(400, 'invalid_request', unusable);
      await sendOtp(ctx, credential);
      return { status: 200, body: {} };
    }
    case 'credentials/authorize': {
      const b = AuthorizeBody.safeParse(body);
      if (!b.success) return fail(400, 'invalid_request', 'Thiếu credentialID hoặc numSignatures');
      return authorize(ctx, b.data);
    }
    case 'signatures/signHash': {
      const b = SignHashBody.safeParse(body);
      if (!b.success) return fail(400, 'invalid_request', 'Thiếu tham số ký');
      return signHash(ctx, b.data);
    }
    default:
      return fail(404, 'invalid_request', `Không có phương thức ${method}`);
  }
}

function serviceInfo(config: Config) {
  return {
    specs: '2.0.0.2',
    name: 'Dịch vụ ký số thử nghiệm DVC Quảng Ngãi',
    logo: '',
    region: 'VN',
    lang: 'vi',
    description: `Dịch vụ ký số từ xa dựng sẵn trong máy chủ (không phải nhà cung cấp thật). Dữ liệu: ${config.PROVINCE_CODE}`,
    authType: ['oauth2client'],
    methods: [
      'oauth2/token',
      'credentials/list',
      'credentials/info',
      'credentials/sendOTP',
      'credentials/authorize',
      'signatures/signHash',
    ],
  };
}

function findCredential(ctx: AppContext, id: string): Promise<CredentialRow | undefined> {
  return ctx.db
    .selectFrom('signingCredential')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', id)
    .executeTakeFirst();
}

function unusableReason(c: CredentialRow): string | undefined {
  if (c.status === 'revoked') return 'Chứng thư số đã bị thu hồi';
  if (c.status === 'disabled') return 'Chứng thư số đã bị tạm dừng do tài khoản cán bộ không còn hoạt động';
  return undefined;
}

interface Holder {
  kind: 'officer' | 'seal';
  subjectName: string;
  agencyName: string;
  phone: string | null;
  active: boolean;
}

/** Who a CSC userID is: an officer's account (by id) or an agency's seal ('seal:<agency code>'). */
async function holderOf(db: Db, provinceCode: string, userId: string): Promise<Holder | undefined> {
  if (userId.startsWith(SEAL_PREFIX)) {
    const agency = await db
      .selectFrom('agency')
      .select('name')
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', userId.slice(SEAL_PREFIX.length))
      .executeTakeFirst();
    return agency && { kind: 'seal', subjectName: agency.name, agencyName: agency.name, phone: null, active: true };
  }
  if (!z.string().uuid().safeParse(userId).success) return undefined;
  const officer = await db
    .selectFrom('userAccount as u')
    .leftJoin('officerRole as r', (j) => j.onRef('r.userId', '=', 'u.id').onRef('r.provinceCode', '=', 'u.provinceCode'))
    .leftJoin('agency as a', (j) => j.onRef('a.code', '=', 'r.agencyCode').onRef('a.provinceCode', '=', 'r.provinceCode'))
    .select(['u.fullName', 'u.phone', 'u.deactivatedAt', 'a.name as agencyName'])
    .where('u.provinceCode', '=', provinceCode)
    .where('u.id', '=', userId)
    .where('u.kind', '=', 'officer')
    .orderBy('a.level', 'desc')
    .executeTakeFirst();
  if (!officer) return undefined;
  return {
    kind: 'officer',
    subjectName: officer.fullName,
    agencyName: officer.agencyName ?? 'Dịch vụ công tỉnh Quảng Ngãi',
    phone: officer.phone,
    active: officer.deactivatedAt === null,
  };
}

/**
 * The user's usable credential, made with its certificate on first use. A deactivated officer's
 * credential is disabled here, whoever asks first after the deactivation.
 */
async function credentialOfUser(ctx: AppContext, userId: string): Promise<CredentialRow | undefined> {
  const pc = ctx.config.PROVINCE_CODE;
  const holder = await holderOf(ctx.db, pc, userId);
  if (!holder) return undefined;
  const current = () =>
    ctx.db
      .selectFrom('signingCredential')
      .selectAll()
      .where('provinceCode', '=', pc)
      .where('userId', '=', userId)
      .where('status', '<>', 'revoked')
      .executeTakeFirst();
  let credential = await current();
  if (!credential) {
    // A revoked certificate is not replaced behind the administrators' back: it is reported as is.
    const revoked = await ctx.db
      .selectFrom('signingCredential')
      .selectAll()
      .where('provinceCode', '=', pc)
      .where('userId', '=', userId)
      .orderBy('revokedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (revoked) return revoked;
  }
  if (!credential && holder.active) {
    await provision(ctx, userId, holder);
    credential = await current();
  }
  if (credential && !holder.active && credential.status === 'active') {
    await disableCredential(ctx.db, pc, credential.id, 'Tài khoản cán bộ đã ngừng hoạt động');
    credential = await current();
  }
  return credential;
}

async function provision(ctx: AppContext, userId: string, holder: Holder): Promise<void> {
  const id = randomUUID();
  const now = ctx.now();
  const authority = await authorityOf(ctx.config);
  const { certificate, serialNumber } = await issueSignerCertificate(ctx.config, authority, {
    keyId: id,
    subjectName: holder.subjectName,
    agencyName: holder.agencyName,
    kind: holder.kind,
    now,
  });
  // Two first uses at once: the second insert yields, both then read the one that stayed.
  await ctx.db
    .insertInto('signingCredential')
    .values({
      id,
      provinceCode: ctx.config.PROVINCE_CODE,
      userId,
      kind: holder.kind,
      subjectName: holder.subjectName,
      agencyName: holder.agencyName,
      phone: holder.phone,
      certificatePem: certificate.toString('pem'),
      serialNumber,
      statusReason: null,
      revokedAt: null,
      createdAt: now,
    })
    .onConflict((oc) => oc.columns(['provinceCode', 'userId']).where('status', '<>', 'revoked').doNothing())
    .execute();
}

async function credentialInfo(config: Config, c: CredentialRow, q: z.infer<typeof InfoBody>) {
  const authority = await authorityOf(config);
  const cert = new X509Certificate(c.certificatePem);
  const b64 = (der: ArrayBuffer) => Buffer.from(der).toString('base64');
  const certificates =
    q.certificates === 'none'
      ? []
      : q.certificates === 'single'
        ? [b64(cert.rawData)]
        : [cert, authority.issuing, authority.root].map((x) => b64(x.rawData));
  return {
    description: c.kind === 'seal' ? `Con dấu điện tử của ${c.agencyName}` : `Chữ ký số của ${c.subjectName}`,
    signatureQualifier: c.kind === 'seal' ? 'eu_eseal_aes' : 'eu_eidas_aes',
    key: { status: c.status === 'active' ? 'enabled' : 'disabled', algo: [RSA_OID, SHA256_WITH_RSA_OID], len: 2048 },
    cert: {
      status: c.status === 'revoked' ? 'revoked' : 'valid',
      certificates,
      ...(q.certInfo
        ? {
            issuerDN: cert.issuer,
            serialNumber: c.serialNumber,
            subjectDN: cert.subject,
            validFrom: cert.notBefore.toISOString(),
            validTo: cert.notAfter.toISOString(),
          }
        : {}),
    },
    ...(q.authInfo
      ? {
          authMode: 'explicit',
          auth:
            c.kind === 'officer'
              ? {
                  mode: 'explicit',
                  objects: [{ type: 'OTP', id: 'otp', format: 'N', generator: 'sms', label: 'Mã OTP gửi qua SMS' }],
                }
              : { mode: 'implicit', objects: [] },
        }
      : {}),
    scal: c.kind === 'officer' ? '2' : '1',
    multisign: 1000,
    lang: 'vi',
  };
}

async function sendOtp(ctx: AppContext, c: CredentialRow): Promise<void> {
  const id = randomUUID();
  const code = newOtp();
  const now = ctx.now();
  await ctx.db
    .insertInto('signingOtp')
    .values({
      id,
      provinceCode: ctx.config.PROVINCE_CODE,
      credentialId: c.id,
      codeHash: otpHash(id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      consumedAt: null,
    })
    .execute();
  await queueSms(
    ctx.db,
    ctx,
    c.phone!,
    `Ma OTP ky so DVC Quang Ngai: ${code}. Hieu luc 5 phut. Khong cung cap ma cho nguoi khac.`,
  );
}

async function checkOtp(ctx: AppContext, c: CredentialRow, code: string | undefined): Promise<boolean> {
  if (!code) return false;
  const now = ctx.now();
  const latest = await ctx.db
    .selectFrom('signingOtp')
    .selectAll()
    .where('credentialId', '=', c.id)
    .where('consumedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || latest.attempts >= OTP_MAX_ATTEMPTS) return false;
  if (!safeEqual(latest.codeHash, otpHash(latest.id, code.trim()))) {
    await ctx.db
      .updateTable('signingOtp')
      .set({ attempts: latest.attempts + 1 })
      .where('id', '=', latest.id)
      .execute();
    return false;
  }
  // Used once: of two requests with the same code, one consumes it.
  const used = await ctx.db
    .updateTable('signingOtp')
    .set({ consumedAt: now })
    .where('id', '=', latest.id)
    .where('consumedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
}

async function authorize(ctx: AppContext, b: z.infer<typeof AuthorizeBody>): Promise<CscAnswer> {
  const c = await findCredential(ctx, b.credentialID);
  if (!c) return fail(400, 'invalid_request', 'Không có chứng thư số này');
  const holder = await holderOf(ctx.db, ctx.config.PROVINCE_CODE, c.userId);
  if (c.status === 'active' && holder && !holder.active) {
    await disableCredential(ctx.db, ctx.config.PROVINCE_CODE, c.id, 'Tài khoản cán bộ đã ngừng hoạt động');
    return fail(400, 'invalid_request', unusableReason({ ...c, status: 'disabled' })!);
  }
  const unusable = unusableReason(c);
  if (unusable) return fail(400, 'invalid_request', unusable);
  if (c.kind === 'officer' && !(await checkOtp(ctx, c, b.OTP)))
    return fail(400, 'invalid_otp', 'Mã OTP không đúng hoặc đã hết hạn');
  const sad = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const ttl = ctx.config.signing.authorizationMinutes * 60;
  await ctx.db
    .insertInto('signingActivation')
    .values({
      id: sha256(sad),
      provinceCode: ctx.config.PROVINCE_CODE,
      credentialId: c.id,
      remaining: b.numSignatures,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttl * 1000),
    })
    .execute();
  return { status: 200, body: { SAD: sad, expiresIn: ttl } };
}

async function signHash(ctx: AppContext, b: z.infer<typeof SignHashBody>): Promise<CscAnswer> {
  if ((b.hashAlgorithmOID ?? SHA256_OID) !== SHA256_OID || (b.signAlgo !== RSA_OID && b.signAlgo !== SHA256_WITH_RSA_OID))
    return fail(400, 'invalid_request', 'Thuật toán không được hỗ trợ (chỉ SHA-256 với RSA)');
  const c = await findCredential(ctx, b.credentialID);
  if (!c) return fail(400, 'invalid_request', 'Không có chứng thư số này');
  const unusable = unusableReason(c);
  if (unusable) return fail(400, 'invalid_request', unusable);
  // One statement takes the signatures from the SAD's allowance: concurrent calls cannot overdraw it.
  const taken = await ctx.db
    .updateTable('signingActivation')
    .set((eb) => ({ remaining: eb('remaining', '-', b.hashes.length) }))
    .where('id', '=', sha256(b.SAD))
    .where('credentialId', '=', c.id)
    .where('remaining', '>=', b.hashes.length)
    .where('expiresAt', '>', ctx.now())
    .returning('remaining')
    .executeTakeFirst();
  if (!taken) return fail(400, 'invalid_request', 'Phiên ủy quyền ký (SAD) không hợp lệ, đã hết hạn hoặc đã dùng hết');
  if (!hasKey(ctx.config.DATA_DIR, c.id)) return fail(500, 'server_error', 'Không tìm thấy khóa bí mật của chứng thư số');
  const key = loadKey(ctx.config.DATA_DIR, c.id);
  const signatures = b.hashes.map((h) => signSha256Hash(key, Buffer.from(h, 'base64')).toString('base64'));
  return { status: 200, body: { signatures } };
}
