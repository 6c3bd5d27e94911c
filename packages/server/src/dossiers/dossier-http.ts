import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { appendAudit, auditEntryFor, markAudited } from '../audit/audit.repository';
import type { Database } from '../db/schema';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  readIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
} from '../http/idempotency';
import { type ProblemError, problem } from '../http/problem';
import type { Actor } from '../identity/actor';
import type { DossierFailure, DossierResult } from './dossier.result';

const STATUS: Record<DossierFailure['reason'], number> = {
  validation: 400,
  not_found: 404,
  illegal_transition: 409,
  forbidden_role: 403,
  invalid_payload: 422,
  policy: 422,
};

/** Maps an expected failure of a dossier service to problem+json. */
export function failureToProblem(f: DossierFailure): ProblemError {
  const status = STATUS[f.reason];
  const errors =
    'errors' in f ? f.errors : 'field' in f && f.field ? [{ field: `body.${f.field}`, message: f.message }] : undefined;
  const code = f.reason.replace(/_/g, '-');
  return problem(status, code, f.message, errors ? { errors } : {});
}

/**
 * Runs a creating request under its Idempotency-Key: a replay answers the stored response; the
 * creation, the stored answer and the audit row commit in one transaction; an expected failure frees
 * the key and changes nothing.
 */
export async function createIdempotently<T extends { code: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  create: (inTransaction: (trx: Kysely<Database>, answer: T) => Promise<void>) => Promise<DossierResult<T>>,
) {
  const ctx = request.server.ctx;
  const ref = { provinceCode: ctx.config.PROVINCE_CODE, userId: actor.userId, key: readIdempotencyKey(request) };
  const hash = requestHash(request.method, request.routeOptions.url ?? request.url, request.body);
  const claim = await claimIdempotencyKey(ctx.db, ref, hash, ctx.now());
  if (claim.kind === 'replay') {
    markAudited(request);
    return reply.code(claim.answer.status).header('idempotent-replayed', 'true').send(claim.answer.body);
  }
  let result: DossierResult<T>;
  try {
    result = await create(async (trx, answer) => {
      await completeIdempotencyKey(trx, ref, { status: 201, body: answer });
      await appendAudit(trx, auditEntryFor(request, 201, { type: 'dossier', id: answer.code }));
    });
  } catch (err) {
    await releaseIdempotencyKey(ctx.db, ref);
    throw err;
  }
  if (!result.ok) {
    await releaseIdempotencyKey(ctx.db, ref);
    throw failureToProblem(result);
  }
  markAudited(request);
  return reply.code(201).send(result.value);
}
