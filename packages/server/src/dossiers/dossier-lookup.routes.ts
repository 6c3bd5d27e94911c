import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { lookUpDossier, normalizeLookupCode } from './dossier-lookup.service';
import { AddressLimiter, LookupGuard, type LookupGuardOptions, sharedLookupGuard } from './lookup-guard';

const tags = ['dossiers'];

/** Per address: one person looking up their own dossiers never needs more; a scanner of codes is slowed. */
const ADDRESS_LIMIT = { max: 30, windowMs: 60_000 };

const NOT_FOUND_TITLE = 'Không tìm thấy hồ sơ';
const NOT_FOUND_DETAIL = 'Mã hồ sơ, 4 số cuối điện thoại hoặc mã PIN tra cứu không đúng.';

const LookupParams = z.strictObject({ code: z.string().trim().min(5).max(60) });
// Loose on purpose: a malformed factor answers 404 like a wrong one, never a 400 that names the field.
const LookupQuery = z.object({
  phoneLast4: z.string().max(20).optional(),
  pin: z.string().max(20).optional().describe('Mã PIN tra cứu in trên giấy tiếp nhận (thay cho 4 số cuối điện thoại)'),
});

const AwaitedItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('supplement'), components: z.array(z.string()), reason: z.string().nullable() }),
  z.object({ kind: z.literal('financial_obligation'), amount: z.number().nullable(), reason: z.string().nullable() }),
  z.object({ kind: z.literal('fee_unpaid'), amount: z.number() }),
  z.object({ kind: z.literal('result_ready') }),
]);

/** The response schema also strips any field not listed: no personal data can leak by a later change of the service. */
export const PublicDossierSchema = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  procedureNameEn: z.string().optional(),
  status: z.string(),
  statusLabel: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  overdue: z.boolean(),
  awaiting: z.array(AwaitedItemSchema),
  apology: z.object({ at: z.string(), reason: z.string().nullable(), newDueAt: z.string().nullable() }).nullable(),
});

/**
 * Anyone with the code and the last 4 digits of the filer's phone, or the receipt's PIN, follows a
 * dossier without an account. Both factors share the per-code lock and the per-address limit.
 */
export function dossierLookupRoutes(guardOptions?: LookupGuardOptions): FastifyPluginAsyncZod {
  return async (app) => {
    const guard = guardOptions ? new LookupGuard(guardOptions) : sharedLookupGuard(app.ctx);
    const addresses = new AddressLimiter(ADDRESS_LIMIT.max, ADDRESS_LIMIT.windowMs);

    app.get(
      '/api/v1/public/dossiers/:code',
      {
        schema: {
          tags,
          summary:
            'Tra cứu hồ sơ không cần đăng nhập (mã hồ sơ và 4 số cuối điện thoại người nộp, hoặc mã PIN in trên giấy tiếp nhận)',
          params: LookupParams,
          querystring: LookupQuery,
          response: { 200: PublicDossierSchema },
        },
      },
      async (request, reply) => {
        const wait = addresses.take(request.ip, app.ctx.now());
        if (wait !== undefined) {
          reply.header('retry-after', String(wait));
          throw problem(429, 'too-many-requests', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', {
            detail: `Vui lòng thử lại sau ${wait} giây.`,
          });
        }
        const code = normalizeLookupCode(request.params.code);
        const guarded = await guard.run(
          code,
          () => app.ctx.now(),
          () => lookUpDossier(app.ctx, code, { phoneLast4: request.query.phoneLast4, pin: request.query.pin }),
        );
        if (guarded.locked) {
          reply.header('retry-after', String(guarded.retryAfterSeconds));
          throw problem(429, 'lookup-locked', 'Mã hồ sơ này tạm khóa tra cứu do nhập sai nhiều lần', {
            detail: `Vui lòng thử lại sau ${Math.ceil(guarded.retryAfterSeconds / 60)} phút.`,
          });
        }
        const found = guarded.value;
        if (!found) throw problem(404, 'not-found', NOT_FOUND_TITLE, { detail: NOT_FOUND_DETAIL });
        reply.header('cache-control', 'no-store');
        return found;
      },
    );
  };
}
