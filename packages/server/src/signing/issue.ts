import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import { Refused, refusals, refuse } from '../http/refusal';
import type { SigningError } from './csc-client';
import { type SignAs, type SigningFailure, type SignPdfInput, signedFromSource, signPdf } from './signing.service';

/**
 * The calls the issuing capabilities make where a PDF buffer is produced: the signed buffer back,
 * or a refusal (409 when the signer must act — OTP, revoked or disabled credential; 503 when the
 * signing service cannot be reached) that rolls back the caller's transaction, so nothing is
 * issued half-signed and the dossier stays as it was.
 */

const NOT_SIGNED = 'Chưa ký số được văn bản';
const detail = (f: SigningFailure) => f.message;
/** How a refusal to sign an issued document answers; the issuing capabilities add it to their own tables. */
export const SIGNING_REFUSALS = refusals<SigningFailure>({
  unavailable: { status: 503, code: 'signing-unavailable', title: NOT_SIGNED, detail },
  authorization_required: {
    status: 409,
    code: 'signing-authorization-required',
    title: 'Cần nhập mã OTP ký số trước khi ký kết quả',
    detail,
  },
  no_credential: { status: 409, code: 'signing-no-credential', title: NOT_SIGNED, detail },
  credential_unusable: { status: 409, code: 'signing-credential-unusable', title: NOT_SIGNED, detail },
  invalid_otp: { status: 409, code: 'signing-invalid-otp', title: NOT_SIGNED, detail },
  invalid_pdf: { status: 409, code: 'signing-invalid-pdf', title: NOT_SIGNED, detail },
  refused: { status: 409, code: 'signing-refused', title: NOT_SIGNED, detail },
});

export function signingRefusal(reason: SigningError['reason'], message: string): Refused {
  return refuse({ ok: false, reason, message } as SigningFailure, SIGNING_REFUSALS);
}

/** A refusal of `signingRefusal` (of that reason, if given), for the callers that answer it themselves. */
export function isSigningRefusal(err: unknown, reason?: SigningError['reason']): err is Refused & { failure: SigningFailure } {
  return (
    err instanceof Refused &&
    (err.table as unknown) === SIGNING_REFUSALS &&
    (reason === undefined || err.failure.reason === reason)
  );
}

/** On a transaction: its handle stands in for the app's database for the whole signing. */
const on = (ctx: AppContext, trx?: Kysely<Database>): AppContext => (trx ? { ...ctx, db: trx } : ctx);

/** Who approved the dossier: the actor of its latest `resolve` event. */
async function resolverOf(ctx: AppContext, dossierCode: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('dossierEvent as e')
    .innerJoin('dossier as d', (j) => j.onRef('d.id', '=', 'e.dossierId').onRef('d.provinceCode', '=', 'e.provinceCode'))
    .select('e.actorId')
    .where('d.provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('d.code', '=', dossierCode)
    .where('e.type', '=', 'resolve')
    .orderBy('e.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actorId ?? undefined;
}

/**
 * Signs a result as the officer who approved it (`officerId`, else the actor of the dossier's
 * latest `resolve` event) with their standing OTP authorization, or `otp`.
 * For results/: `blobStoreFor(ctx).put(await signIssuedPdf(ctx, trx, { pdf: buffer, kind, dossierCode: code }))`.
 */
export async function signIssuedPdf(
  ctx: AppContext,
  trx: Kysely<Database> | undefined,
  input: {
    officerId?: string;
    pdf: Buffer;
    kind: string;
    dossierCode: string;
    otp?: string;
    reason?: string;
    /** A result whose resolution names no leader (resolved before events recorded who): this agency's seal signs it. */
    sealOfAgency?: string;
  },
): Promise<Buffer> {
  const c = on(ctx, trx);
  const officerId = input.officerId ?? (await resolverOf(c, input.dossierCode));
  if (!officerId && input.sealOfAgency)
    return issueSignedPdf(
      c,
      { sealOf: input.sealOfAgency },
      {
        pdf: input.pdf,
        kind: input.kind,
        dossierCode: input.dossierCode,
        reason: input.reason ?? `Kết quả giải quyết hồ sơ ${input.dossierCode}`,
      },
    );
  if (!officerId) throw signingRefusal('no_credential', 'Không xác định được lãnh đạo phê duyệt hồ sơ để ký kết quả');
  const signed = await signPdf(
    c,
    { officerId },
    {
      pdf: input.pdf,
      kind: input.kind,
      dossierCode: input.dossierCode,
      reason: input.reason ?? `Phê duyệt kết quả giải quyết hồ sơ ${input.dossierCode}`,
      ...(input.otp ? { otp: input.otp } : {}),
    },
  );
  if (!signed.ok) throw signingRefusal(signed.reason, signed.message);
  return signed.pdf;
}

/** Seals a slip, receipt or fee receipt with its agency's seal (no OTP: the server issues it). */
export async function sealIssuedPdf(
  ctx: AppContext,
  trx: Kysely<Database> | undefined,
  input: { agencyCode: string; pdf: Buffer; kind: string; dossierCode?: string; reason?: string },
): Promise<Buffer> {
  return issueSignedPdf(
    on(ctx, trx),
    { sealOf: input.agencyCode },
    {
      pdf: input.pdf,
      kind: input.kind,
      ...(input.dossierCode ? { dossierCode: input.dossierCode } : {}),
      reason: input.reason ?? 'Văn bản do hệ thống Dịch vụ công phát hành',
    },
  );
}

/**
 * Signs `input.pdf`, or serves the file signed earlier from the very same rendering (a slip asked
 * for twice is the same file both times, the one whose hash is on record).
 */
export async function issueSignedPdf(ctx: AppContext, as: SignAs, input: SignPdfInput): Promise<Buffer> {
  const store = blobStoreFor(ctx);
  const earlier = await signedFromSource(ctx, input.pdf, input.kind);
  if (earlier) {
    const stream = await store.get(earlier);
    if (stream) {
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    }
  }
  const signed = await signPdf(ctx, as, input);
  if (!signed.ok) throw signingRefusal(signed.reason, signed.message);
  await store.put(signed.pdf);
  return signed.pdf;
}
