import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryFor, markAudited } from '../audit/audit.plugin';
import { notFoundHandler, problem } from '../http/problem';
import { type Failure, refusals, refuse, unwrap } from '../http/refusal';
import { getActor } from '../identity/actor';
import { mayUseDemoTools } from '../identity/demo-tools';
import { requireProvinceAdmin } from '../organisation/admin-scope';
import { listRevoked, revokeCredential } from './credential-lifecycle';
import { CSC_PREFIX, handleCsc } from './csc-stand-in';
import { authorityOf, buildCrl, PKI_PATHS } from './pki';
import { authorizeOfficer, type SigningFailure, sendSigningOtp, signingReadiness } from './signing.service';
import { answerTimeStampQuery, TSA_PATH } from './tsa-stand-in';
import { verifyPdf } from './verify';

const tags = ['Ký số'];
/** Scans and results stay well under this; the app's 1 MiB JSON limit does not apply to a PDF upload. */
const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

const VerificationView = z.object({
  valid: z.boolean(),
  verdict: z.enum(['hợp lệ', 'không hợp lệ']),
  signed: z.boolean(),
  signer: z
    .object({
      name: z.string(),
      agency: z.string().optional(),
      subject: z.string(),
      issuer: z.string(),
      serialNumber: z.string(),
    })
    .optional(),
  signedAt: z.string().optional(),
  timestamped: z.boolean(),
  coversWholeFile: z.boolean(),
  issued: z.boolean(),
  issuedDocument: z.object({ kind: z.string(), dossierCode: z.string().nullable(), signedAt: z.string() }).optional(),
  sha256: z.string(),
  problems: z.array(z.string()),
});

const ReadinessView = z.object({
  ready: z.boolean(),
  expiresAt: z.string().optional(),
  /** Why not: 'authorization_required' (enter the OTP), 'credential_unusable', 'no_credential', 'unavailable'. */
  reason: z.string().optional(),
  message: z.string().optional(),
});

const NOT_YET = 'Chưa thể ký số';
const detail = (f: SigningFailure) => f.message;
/** The officer's own signing steps (OTP, authorization); the failure's message is the detail. */
const OFFICER_REFUSALS = refusals<SigningFailure>({
  unavailable: { status: 503, code: 'signing-unavailable', title: 'Dịch vụ ký số tạm thời không phục vụ được', detail },
  invalid_otp: {
    status: 422,
    code: 'signing-invalid-otp',
    title: 'Mã OTP không đúng hoặc đã hết hạn',
    detail,
    errors: () => [{ field: 'otp', message: 'Mã OTP không đúng hoặc đã hết hạn' }],
  },
  authorization_required: { status: 409, code: 'signing-authorization-required', title: NOT_YET, detail },
  no_credential: { status: 409, code: 'signing-no-credential', title: NOT_YET, detail },
  credential_unusable: { status: 409, code: 'signing-credential-unusable', title: NOT_YET, detail },
  invalid_pdf: { status: 409, code: 'signing-invalid-pdf', title: NOT_YET, detail },
  refused: { status: 409, code: 'signing-refused', title: NOT_YET, detail },
});

const REVOKE_REFUSALS = refusals<Failure<'not_found'>>({
  not_found: { status: 404, code: 'not-found', title: 'Không tìm thấy chứng thư số đang hiệu lực' },
});

/**
 * Verification of signed PDFs (public), an officer's signing OTP and standing authorization, the
 * administrators' revocation, and — in local mode — the CSC v2 stand-in, its timestamp authority
 * (both only from this machine) and its CA's certificates and CRL (public, at stable addresses).
 */
export const signingRoutes: FastifyPluginAsyncZod = async (app) => {
  const local = app.ctx.config.signing.mode === 'local';

  app.register(async (scope) => {
    scope.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: VERIFY_MAX_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/verify',
      {
        bodyLimit: VERIFY_MAX_BYTES,
        schema: {
          tags,
          summary: 'Xác minh chữ ký số của một tệp PDF (gửi tệp với Content-Type: application/pdf)',
          response: { 200: VerificationView },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw problem(415, 'pdf-required', 'Hãy gửi tệp PDF cần xác minh', {
            detail: 'Gửi nội dung tệp với Content-Type: application/pdf.',
          });
        const v = await verifyPdf(app.ctx, body);
        return v;
      },
    );
  });

  app.get(
    '/api/v1/signing/authorization',
    { schema: { tags, summary: 'Cán bộ: đã xác thực OTP ký số chưa (trước khi phê duyệt)', response: { 200: ReadinessView } } },
    async (request) => {
      const r = await signingReadiness(app.ctx, getActor(request).userId);
      return r.ok
        ? { ready: true, expiresAt: r.expiresAt.toISOString() }
        : { ready: false, reason: r.reason, message: r.message };
    },
  );

  app.post(
    '/api/v1/signing/otp',
    {
      schema: {
        tags,
        summary: 'Cán bộ: gửi mã OTP ký số qua SMS',
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ sentTo: z.string() }) },
      },
    },
    async (request) => {
      const actor = getActor(request);
      unwrap(await sendSigningOtp(app.ctx, actor.userId), OFFICER_REFUSALS);
      const phone = actor.phone ?? '';
      return { sentTo: phone ? `${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}` : '' };
    },
  );

  app.post(
    '/api/v1/signing/authorization',
    {
      schema: {
        tags,
        summary: 'Cán bộ: nhập mã OTP để được ký số trong một khoảng thời gian',
        body: z.strictObject({ otp: z.string().regex(/^\d{6}$/, 'Mã OTP gồm 6 chữ số') }),
        response: { 200: z.object({ expiresAt: z.string(), signatures: z.number() }) },
      },
    },
    async (request) => {
      const r = unwrap(await authorizeOfficer(app.ctx, getActor(request).userId, request.body.otp), OFFICER_REFUSALS);
      return { expiresAt: r.expiresAt.toISOString(), signatures: r.signatures };
    },
  );

  app.post(
    '/api/v1/admin/signing/credentials/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Quản trị: thu hồi chứng thư số (đưa vào danh sách thu hồi CRL)',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.strictObject({ reason: z.string().min(3).max(500) }),
        response: { 200: z.object({ serialNumber: z.string() }) },
      },
    },
    async (request) => {
      // A province administrator revokes only their own province's credentials (issue 13: admin routes scoped).
      requireProvinceAdmin(request);
      if (!local)
        throw problem(409, 'signing-remote', 'Chứng thư số do nhà cung cấp dịch vụ ký số quản lý', {
          detail: 'Hãy thu hồi trên cổng của nhà cung cấp.',
        });
      const audit = auditEntryFor(request, 200, { type: 'signing_credential', id: request.params.id });
      const r = await revokeCredential(app.ctx, request.params.id, request.body.reason, audit);
      if (r.ok) markAudited(request);
      if (!r.ok) throw refuse(r, REVOKE_REFUSALS);
      return { serialNumber: r.serialNumber };
    },
  );

  app.get(
    '/api/v1/admin/signing/credentials',
    {
      schema: {
        tags,
        summary: 'Quản trị: danh sách chứng thư số (hiệu lực, tạm dừng, thu hồi)',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              userId: z.string(),
              kind: z.string(),
              subjectName: z.string(),
              agencyName: z.string(),
              serialNumber: z.string(),
              status: z.string(),
              statusReason: z.string().nullable(),
              revokedAt: z.date().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      return app.ctx.db
        .selectFrom('signingCredential')
        .select(['id', 'userId', 'kind', 'subjectName', 'agencyName', 'serialNumber', 'status', 'statusReason', 'revokedAt'])
        .where('provinceCode', '=', app.ctx.config.PROVINCE_CODE)
        .orderBy('createdAt', 'desc')
        .limit(500)
        .execute();
    },
  );

  if (!local) return;

  // The CA's files: what verifiers fetch (every certificate names the CRL's address).
  const der = (type: string) => ({ 'content-type': type, 'cache-control': 'no-cache' });
  app.get(PKI_PATHS.root, { schema: { hide: true } }, async (_r, reply) =>
    reply.headers(der('application/pkix-cert')).send(Buffer.from((await authorityOf(app.ctx.config)).root.rawData)),
  );
  app.get(PKI_PATHS.issuing, { schema: { hide: true } }, async (_r, reply) =>
    reply.headers(der('application/pkix-cert')).send(Buffer.from((await authorityOf(app.ctx.config)).issuing.rawData)),
  );
  app.get(PKI_PATHS.crl, { schema: { hide: true } }, async (_r, reply) => {
    const authority = await authorityOf(app.ctx.config);
    const revoked = await listRevoked(app.ctx.db, app.ctx.config.PROVINCE_CODE);
    const crl = await buildCrl(
      authority,
      revoked.map((r) => ({ serialNumber: r.serialNumber, revokedAt: r.revokedAt ?? new Date(0) })),
      app.ctx.now(),
    );
    return reply.headers(der('application/pkix-crl')).send(crl);
  });

  // The stand-in services hold the keys: only this machine (or a system administrator) reaches them.
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      if (!mayUseDemoTools(request)) return notFoundHandler(request, reply);
    });
    scope.post(`${CSC_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) => {
      const method = (request.params as { '*': string })['*'];
      const auth = request.headers.authorization;
      const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      const answer = await handleCsc(app.ctx, method, request.body ?? {}, bearer);
      return reply.status(answer.status).send(answer.body);
    });
    scope.addContentTypeParser('application/timestamp-query', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_r, body, done) =>
      done(null, body),
    );
    scope.post(TSA_PATH, { schema: { hide: true } }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw problem(415, 'timestamp-query-required', 'Cần một yêu cầu dấu thời gian RFC 3161');
      return reply.type('application/timestamp-reply').send(await answerTimeStampQuery(app.ctx, request.body));
    });
  });
};
