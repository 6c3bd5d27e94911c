import { createHash } from 'node:crypto';
import type { AppContext } from '../http/context';
import type { Failure, Result } from '../http/refusal';
import { certificateOf, type pkijs } from './cms';
import { cscClient, SigningError } from './csc-client';
import { RSA_OID, SHA256_OID } from './csc-stand-in';
import { signPades } from './pades';
import { X509Certificate } from './x509';

/**
 * Signing a PDF through the CSC API (docs/decisions/011): an officer signs with their own
 * credential, authorized by their OTP once for a number of signatures (the standing authorization
 * kept in signing_officer_authorization); an agency's seal (userID 'seal:<agency code>') signs
 * what the server issues by itself. Every signed file's SHA-256 is recorded for verification.
 */

export type SignAs = { officerId: string } | { sealOf: string };

export interface SignPdfInput {
  pdf: Buffer;
  reason: string;
  /** The officer's OTP: authorizes this signature and the next ones (standing authorization). */
  otp?: string;
  /** What the file is ('receipt', 'certificate', 'fee-receipt', 'digitized', …) and of which dossier. */
  kind: string;
  dossierCode?: string;
}

export interface SignedPdf {
  pdf: Buffer;
  sha256: string;
  signerName: string;
  agencyName: string;
  signedAt: Date;
  credentialId: string;
}

/** Why nothing was signed, one failure per reason (a rule can read its message); the message is Vietnamese. */
export type SigningFailure = SigningError['reason'] extends infer R
  ? R extends SigningError['reason']
    ? Failure<R, { message: string }>
    : never
  : never;

export type SignOutcome = ({ ok: true } & SignedPdf) | SigningFailure;

/** The signing service's thrown failure (csc-client, pades) as the value a service answers with. */
const failureOf = (err: SigningError): SigningFailure =>
  ({ ok: false, reason: err.reason, message: err.message }) as SigningFailure;

interface CredentialInfo {
  key: { status: string };
  cert: { status: string; certificates: string[] };
}

const userIdOf = (as: SignAs) => ('officerId' in as ? as.officerId : `seal:${as.sealOf}`);
export const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The credential a user signs with, checked usable (not disabled, not revoked). */
export async function usableCredential(
  ctx: AppContext,
  as: SignAs,
): Promise<{ id: string; chain: pkijs.Certificate[]; cert: X509Certificate }> {
  const client = cscClient(ctx);
  const list = await client.call<{ credentialIDs: string[] }>('credentials/list', { userID: userIdOf(as) });
  const id = list.credentialIDs[0];
  if (!id) throw new SigningError('no_credential', 'Cán bộ chưa được cấp chứng thư số để ký');
  const info = await client.call<CredentialInfo>('credentials/info', {
    credentialID: id,
    certificates: 'chain',
    certInfo: true,
    authInfo: true,
  });
  if (info.cert.status === 'revoked') throw new SigningError('credential_unusable', 'Chứng thư số đã bị thu hồi, không thể ký');
  if (info.key.status !== 'enabled')
    throw new SigningError('credential_unusable', 'Chứng thư số đã bị tạm dừng do tài khoản cán bộ không còn hoạt động');
  const key = info.cert.certificates.join(',');
  let parsed = parsedChains.get(key);
  if (!parsed) {
    const ders = info.cert.certificates.map((c) => Buffer.from(c, 'base64'));
    parsed = { chain: ders.map((d) => certificateOf(d)), cert: new X509Certificate(ders[0]!) };
    if (parsedChains.size > 1000) parsedChains.clear();
    parsedChains.set(key, parsed);
  }
  return { id, ...parsed };
}

/** Certificates parsed once per process (the status is asked every time; the bytes never change). */
const parsedChains = new Map<string, { chain: pkijs.Certificate[]; cert: X509Certificate }>();

/** Sends the officer's signing OTP (by SMS, from the signing service). */
export async function sendSigningOtp(ctx: AppContext, officerId: string): Promise<Result<null, SigningFailure>> {
  try {
    const { id } = await usableCredential(ctx, { officerId });
    await cscClient(ctx).call('credentials/sendOTP', { credentialID: id });
    return { ok: true, value: null };
  } catch (err) {
    if (err instanceof SigningError) return failureOf(err);
    throw err;
  }
}

/** Enters the OTP: the officer may then sign the configured number of times for the configured minutes. */
export async function authorizeOfficer(
  ctx: AppContext,
  officerId: string,
  otp: string,
): Promise<Result<{ expiresAt: Date; signatures: number }, SigningFailure>> {
  try {
    return { ok: true, value: await authorize(ctx, officerId, otp) };
  } catch (err) {
    if (err instanceof SigningError) return failureOf(err);
    throw err;
  }
}

async function authorize(ctx: AppContext, officerId: string, otp: string): Promise<{ expiresAt: Date; signatures: number }> {
  const { id } = await usableCredential(ctx, { officerId });
  const cfg = ctx.config.signing;
  const answer = await cscClient(ctx).call<{ SAD: string; expiresIn?: number }>('credentials/authorize', {
    credentialID: id,
    numSignatures: cfg.authorizationSignatures,
    OTP: otp,
  });
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + (answer.expiresIn ?? cfg.authorizationMinutes * 60) * 1000);
  const row = {
    provinceCode: ctx.config.PROVINCE_CODE,
    userId: officerId,
    credentialId: id,
    sad: answer.SAD,
    expiresAt,
    createdAt: now,
    signaturesLeft: cfg.authorizationSignatures,
  };
  await ctx.db
    .insertInto('signingOfficerAuthorization')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['provinceCode', 'userId']).doUpdateSet({
        credentialId: id,
        sad: answer.SAD,
        expiresAt,
        createdAt: now,
        signaturesLeft: cfg.authorizationSignatures,
      }),
    )
    .execute();
  return { expiresAt, signatures: cfg.authorizationSignatures };
}

export async function standingAuthorization(ctx: AppContext, officerId: string) {
  return ctx.db
    .selectFrom('signingOfficerAuthorization')
    .select(['credentialId', 'sad', 'expiresAt'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('userId', '=', officerId)
    .where('expiresAt', '>', ctx.now())
    .where('signaturesLeft', '>', 0)
    .executeTakeFirst();
}

/** Takes one signature from the standing authorization (one statement: concurrent signers cannot overdraw it). */
async function takeSignature(ctx: AppContext, officerId: string, credentialId: string): Promise<string | undefined> {
  const row = await ctx.db
    .updateTable('signingOfficerAuthorization')
    .set((eb) => ({ signaturesLeft: eb('signaturesLeft', '-', 1) }))
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('userId', '=', officerId)
    .where('credentialId', '=', credentialId)
    .where('expiresAt', '>', ctx.now())
    .where('signaturesLeft', '>', 0)
    .returning('sad')
    .executeTakeFirst();
  return row?.sad;
}

async function dropAuthorization(ctx: AppContext, officerId: string): Promise<void> {
  await ctx.db
    .deleteFrom('signingOfficerAuthorization')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('userId', '=', officerId)
    .execute();
}

const NEEDS_OTP = 'Cần xác thực mã OTP ký số trước khi ký. Hãy yêu cầu mã OTP và nhập mã được gửi tới điện thoại của bạn.';

/** The SAD for one signature: a seal's own, or the officer's (from the OTP given now or earlier). */
async function activationFor(ctx: AppContext, as: SignAs, credentialId: string, otp: string | undefined): Promise<string> {
  if ('sealOf' in as) {
    const a = await cscClient(ctx).call<{ SAD: string }>('credentials/authorize', {
      credentialID: credentialId,
      numSignatures: 1,
    });
    return a.SAD;
  }
  if (otp) await authorizeOfficer(ctx, as.officerId, otp);
  const sad = await takeSignature(ctx, as.officerId, credentialId);
  if (!sad) throw new SigningError('authorization_required', NEEDS_OTP);
  return sad;
}

const nameOf = (cert: X509Certificate, type: 'CN' | 'O') => cert.subjectName.getField(type)[0];

/** Signs `pdf` as an officer or a seal; a refusal is a value with a Vietnamese message. */
export async function signPdf(ctx: AppContext, as: SignAs, input: SignPdfInput): Promise<SignOutcome> {
  try {
    const credential = await usableCredential(ctx, as);
    const sad = await activationFor(ctx, as, credential.id, input.otp);
    const signedAt = ctx.now();
    const signerName = nameOf(credential.cert, 'CN') ?? 'Người ký';
    const agencyName = nameOf(credential.cert, 'O') ?? signerName;
    const signHash = async (hash: Buffer) => {
      try {
        const answer = await cscClient(ctx).call<{ signatures: string[] }>('signatures/signHash', {
          credentialID: credential.id,
          SAD: sad,
          hashes: [hash.toString('base64')],
          hashAlgorithmOID: SHA256_OID,
          signAlgo: RSA_OID,
        });
        return Buffer.from(answer.signatures[0]!, 'base64');
      } catch (err) {
        // A used-up or expired standing authorization: the officer is asked for a new OTP.
        if ('officerId' in as && err instanceof SigningError && err.reason === 'refused' && /SAD/.test(err.message)) {
          await dropAuthorization(ctx, as.officerId);
          throw new SigningError('authorization_required', NEEDS_OTP);
        }
        throw err;
      }
    };
    const pdf = await signPades(
      ctx,
      input.pdf,
      { signerName, agencyName, signedAt, reason: input.reason },
      credential.chain,
      signHash,
    );
    const sha256 = sha256Hex(pdf);
    await ctx.db
      .insertInto('signedDocument')
      .values({
        provinceCode: ctx.config.PROVINCE_CODE,
        sha256,
        sourceSha256: sha256Hex(input.pdf),
        kind: input.kind,
        dossierCode: input.dossierCode ?? null,
        signerName,
        agencyName,
        credentialId: credential.id,
        signedAt,
      })
      .onConflict((oc) => oc.columns(['provinceCode', 'sha256']).doNothing())
      .execute();
    return { ok: true, pdf, sha256, signerName, agencyName, signedAt, credentialId: credential.id };
  } catch (err) {
    if (err instanceof SigningError) return failureOf(err);
    throw err;
  }
}

/** The signed file issued earlier from the same unsigned rendering, if any (its SHA-256). */
export async function signedFromSource(ctx: AppContext, source: Buffer, kind: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('signedDocument')
    .select('sha256')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('sourceSha256', '=', sha256Hex(source))
    .where('kind', '=', kind)
    .orderBy('signedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sha256;
}

/** Whether the officer could sign now without giving an OTP (for the UI before resolving). */
export async function signingReadiness(
  ctx: AppContext,
  officerId: string,
): Promise<{ ok: true; expiresAt: Date } | SigningFailure> {
  try {
    const credential = await usableCredential(ctx, { officerId });
    const standing = await standingAuthorization(ctx, officerId);
    if (!standing || standing.credentialId !== credential.id)
      return { ok: false, reason: 'authorization_required', message: NEEDS_OTP };
    return { ok: true, expiresAt: standing.expiresAt };
  } catch (err) {
    if (err instanceof SigningError) return failureOf(err);
    throw err;
  }
}
