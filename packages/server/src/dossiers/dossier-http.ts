import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { appendAudit, auditEntryFor, markAudited } from '../audit/index';
import type { Database } from '../db/schema';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  readIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
  type StoredAnswer,
  storedAnswer,
} from '../http/idempotency';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import type { Actor } from '../identity/actor';
import type { DossierFailure, DossierResult } from './dossier.result';
import { expectFiling, fileDossier } from './dossier-filing';
import { type Filer, prepareDossier, type SubmitInput, type SubmittedDossier } from './dossier-submit.service';

/** A refused field names itself in the body; the failure's sentence is its message. */
const fieldErrors = (f: { message: string; field?: string }) =>
  f.field ? [{ field: `body.${f.field}`, message: f.message }] : undefined;

/** The answers of the dossier services' expected failures. */
export const DOSSIER_REFUSALS = refusals<DossierFailure>({
  validation: { status: 400 },
  not_found: { status: 404 },
  illegal_transition: { status: 409, errors: fieldErrors },
  forbidden_role: { status: 403, errors: fieldErrors },
  invalid_payload: { status: 422, errors: fieldErrors },
  policy: { status: 422 },
  procedure_changed: {
    status: 409,
    // `currentVersions` names each changed procedure (a group may have several); one alone is `currentVersion` too.
    extra: (f) => {
      const versions = Object.values(f.currentVersions);
      return { ...(versions.length === 1 ? { currentVersion: versions[0] } : {}), currentVersions: f.currentVersions };
    },
  },
});

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
  if (claim.kind === 'replay') return replay(request, reply, claim.answer);
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
    throw refuse(result, DOSSIER_REFUSALS);
  }
  markAudited(request);
  return reply.code(201).send(result.value);
}

/**
 * Files one dossier under its Idempotency-Key through the group commit (dossier-filing.ts): checks
 * first, then the key's claim, the dossier, the stored answer and the audit row commit together. A
 * retry with the same body gets the first answer (also when the checks would now fail), another body
 * with the same key 422. `then` may add to a created dossier's answer (the counter receiving at once).
 */
export async function fileIdempotently(
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  filer: Filer,
  input: SubmitInput,
  then?: (filed: SubmittedDossier) => Promise<SubmittedDossier>,
) {
  const ctx = request.server.ctx;
  const key = {
    ref: { provinceCode: ctx.config.PROVINCE_CODE, userId: actor.userId, key: readIdempotencyKey(request) },
    hash: requestHash(request.method, request.routeOptions.url ?? request.url, request.body),
  };
  const checked = expectFiling(ctx);
  let prepared: Awaited<ReturnType<typeof prepareDossier>>;
  try {
    prepared = await prepareDossier(ctx, filer, input);
  } finally {
    checked();
  }
  if (!prepared.ok) {
    const stored = await storedAnswer(ctx.db, key.ref, key.hash);
    if (stored) return replay(request, reply, stored);
    throw refuse(prepared, DOSSIER_REFUSALS);
  }
  const outcome = await fileDossier(ctx, { filer, prepared: prepared.value, key, audit: auditEntryFor(request, 201, null) });
  if (outcome.kind === 'key_used') {
    const stored = await storedAnswer(ctx.db, key.ref, key.hash);
    if (stored) return replay(request, reply, stored);
    throw problem(409, 'idempotency-in-flight', 'Yêu cầu này đang được xử lý, vui lòng đợi giây lát');
  }
  markAudited(request);
  return reply.code(201).send(then ? await then(outcome.dossier) : outcome.dossier);
}

function replay(request: FastifyRequest, reply: FastifyReply, answer: StoredAnswer) {
  markAudited(request);
  return reply.code(answer.status).header('idempotent-replayed', 'true').send(answer.body);
}
