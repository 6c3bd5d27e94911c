import { type DossierSnapshot, type Role, type TransitionResult, transition } from '@dvc/domain';
import type { Kysely } from 'kysely';
import { factsOfDossier } from '../catalog/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Actor } from '../identity/actor';
import { isActiveSpecialistOf } from '../identity/index';
import { notifyDossierChange } from '../notifications/outbox';
import { queuePortalSync } from '../portal-sync/portal-sync.outbox';
import { trackDossierChanges } from '../reports/index';
import { checkFilingForResult, definitionOfDossier } from '../results/index';
import { appendDossierEvent, type DossierRow, findDossierRow } from './dossier.repository';
import { type DossierResult, invalid } from './dossier.result';
import { canSeeDossier, lifecycleRoles } from './dossier-access';
import { eventColumns, reviveSnapshot, snapshotColumns } from './dossier-snapshot';
import { computeDueAt, resumedDueAt } from './dossier-timing';

const NOT_A_SPECIALIST = 'Chỉ phân công được cho chuyên viên đang làm việc của cơ quan giải quyết hồ sơ này';
/**
 * Facts the server records with an event, found inside its transaction before the row is written
 * (the result issued at `resolve`, decision 010): merged into the event's payload, and projected onto
 * the row from there (`eventColumns`). `dossier` is the row before the event, `next` the snapshot it
 * leads to. Throwing rolls the whole event back.
 */
export type EventFacts = (
  trx: Kysely<Database>,
  dossier: DossierRow,
  next: DossierSnapshot,
) => Promise<Record<string, unknown> | undefined>;

const NOT_FOUND = { ok: false as const, reason: 'not_found' as const, message: 'Không tìm thấy hồ sơ' };

/**
 * Applies one lifecycle event to a dossier on behalf of a signed-in user. Due times the server owns
 * (at reception, when the clock resumes) are computed here, before the transaction (the embedded
 * database serves one connection at a time). The state change, its event and the caller's audit row
 * then commit together; if someone changed the dossier in between, nothing is written and the user
 * is told to reload.
 */
export async function applyDossierEvent(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: Record<string, unknown>,
  inTransaction: (trx: Kysely<Database>, row: DossierRow) => Promise<void>,
  serverFacts?: EventFacts,
): Promise<DossierResult<DossierRow>> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const before = await findDossierRow(ctx.db, provinceCode, code);
  if (!before || !canSeeDossier(actor, before)) return NOT_FOUND;
  const roles = lifecycleRoles(actor, before);
  if (roles.length === 0) return { ok: false, reason: 'forbidden_role', message: 'Bạn không có quyền xử lý hồ sơ này' };

  const now = ctx.now();
  const snapshot = reviveSnapshot(before.snapshot);
  const event = await withServerTimes(ctx, before, snapshot, input, now);
  const result = tryRoles(snapshot, event, roles, actor.userId, now);
  if (!result.ok) return { ok: false, reason: result.reason, message: result.message, field: result.field };
  if (
    event.type === 'assign' &&
    !(await isActiveSpecialistOf(ctx.db, provinceCode, before.agencyCode, String(event.specialistId).trim()))
  ) {
    return { ok: false, reason: 'invalid_payload', field: 'specialistId', message: NOT_A_SPECIALIST };
  }
  if (event.type === 'receive') {
    const clashes = await receptionClashes(ctx, before);
    if (clashes.length > 0) return invalid(clashes, RECEPTION_CLASH);
  }

  const updated = await ctx.db.transaction().execute(async (trx) => {
    const current = await findDossierRow(trx, provinceCode, code, true);
    if (!current || current.version !== before.version) return undefined;
    const facts = serverFacts ? await serverFacts(trx, current, result.next) : undefined;
    const record = facts ? { ...result.record, payload: { ...result.record.payload, ...facts } } : result.record;
    const row = await trackDossierChanges(trx, provinceCode, { ids: [current.id] }, () =>
      trx
        .updateTable('dossier')
        .set({ ...snapshotColumns(result.next), ...eventColumns(record), version: current.version + 1, updatedAt: now })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    const last = await trx
      .selectFrom('dossierEvent')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('dossierId', '=', current.id)
      .executeTakeFirstOrThrow();
    await appendDossierEvent(trx, provinceCode, current.id, Number(last.seq ?? 0) + 1, record);
    await notifyDossierChange(trx, { row, record });
    await queuePortalSync(trx, { row, record });
    await inTransaction(trx, row);
    return row;
  });
  if (!updated) {
    return {
      ok: false,
      reason: 'illegal_transition',
      message: 'Hồ sơ vừa được người khác cập nhật, vui lòng tải lại và thử lại',
    };
  }
  return { ok: true, value: updated };
}

const RECEPTION_CLASH =
  'Chưa tiếp nhận được: hồ sơ không thể giải quyết như đã khai (xem lỗi của từng trường) — yêu cầu công dân bổ sung hoặc từ chối hồ sơ';

/** At reception, what the decision would refuse: checked again against what was filed before this dossier. */
async function receptionClashes(ctx: AppContext, row: DossierRow): Promise<FieldError[]> {
  const definition = await definitionOfDossier(ctx, row);
  const self = { dossierId: row.id, code: row.code, submittedAt: row.submittedAt };
  const problems = await checkFilingForResult(
    ctx.db,
    { provinceCode: row.provinceCode, agencyCode: row.agencyCode, form: row.form as Record<string, unknown>, self },
    definition,
  );
  return problems.map((p) => ({ field: `form.${p.field}`, message: p.message }));
}

/** Fills the due time the server computes itself; a client never sets it for these events. */
async function withServerTimes(
  ctx: AppContext,
  row: DossierRow,
  snapshot: DossierSnapshot,
  input: Record<string, unknown>,
  now: Date,
): Promise<Record<string, unknown>> {
  const procedure = input.type === 'receive' ? await factsOfDossier(ctx, row) : undefined;
  if (input.type === 'receive' && procedure) {
    return { ...input, dueAt: await computeDueAt(ctx, procedure, snapshot.channel, now) };
  }
  const resumes = input.type === 'supplement_provided' || input.type === 'financial_obligation_paid';
  if (resumes && snapshot.pausedSince && snapshot.dueAt) {
    return { ...input, dueAt: await resumedDueAt(ctx, snapshot.pausedSince, snapshot.dueAt, now) };
  }
  return input;
}

/**
 * An officer may hold several roles in the agency (receiver and leader, say): the event is applied
 * with the first role that may do it. If none may, the most telling refusal is returned — a wrong
 * state or payload says more than "not your role".
 */
function tryRoles(snapshot: DossierSnapshot, event: Record<string, unknown>, roles: Role[], userId: string, now: Date) {
  let best: TransitionResult | undefined;
  for (const role of roles) {
    const r = transition(snapshot, event, { role, userId }, now);
    if (r.ok) return r;
    if (!best || (best.ok === false && best.reason === 'forbidden_role')) best = r;
  }
  return best as Exclude<TransitionResult, { ok: true }>;
}
