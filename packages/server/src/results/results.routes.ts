import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { verifyResult } from './verification.service';
import { notFoundPage, verificationPage } from './verification-page';

const TAGS = ['Xác minh văn bản'];

const VerificationView = z.object({
  code: z.string(),
  kind: z.enum(['certificate', 'acknowledgement', 'notice']),
  title: z.string(),
  number: z.string(),
  subjectName: z.string(),
  detail: z.string().optional(),
  issuerName: z.string(),
  issuedAt: z.date(),
  changeNumber: z.number().int().optional(),
  status: z.enum(['valid', 'replaced', 'terminated']),
  statusLabel: z.string(),
  signature: z
    .object({
      valid: z.boolean(),
      verdict: z.enum(['hợp lệ', 'không hợp lệ']),
      signed: z.boolean(),
      signerName: z.string().optional(),
      agencyName: z.string().optional(),
      signedAt: z.date().optional(),
      timestamped: z.boolean(),
      problems: z.array(z.string()),
    })
    .optional(),
});

const Params = z.object({ code: z.string().max(64) });

/** Public: anyone holding a result (a bank, a landlord, an inspector) checks it by its QR code. */
export const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/verify/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Xác minh văn bản kết quả theo mã in dưới mã QR (không có thông tin cá nhân)',
        params: Params,
        response: { 200: VerificationView },
      },
    },
    async (request) => {
      const v = await verifyResult(app.ctx, request.params.code);
      if (!v) throw problem(404, 'result_not_found', 'Không tìm thấy văn bản có mã xác minh này');
      return v;
    },
  );

  // A real route outside /api: it wins over the web app's fallback to index.html.
  app.get('/xac-minh/:code', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const v = await verifyResult(app.ctx, request.params.code);
    reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .code(v ? 200 : 404);
    return v ? verificationPage(v) : notFoundPage();
  });
};
