import { randomUUID } from 'node:crypto';
import {
  type Channel,
  type Delivery,
  type Actor as DomainActor,
  type DossierEventType,
  type DossierSnapshot,
  feeFor,
  foldVietnamese,
  formatDossierCode,
  type ProcedureDefinition,
  type TransitionRecord,
  transition,
  vietnamLocalDate,
} from '@dvc/domain';
import type { Kysely } from 'kysely';
import { findProcedureByCode } from '../catalog/catalog.service';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { notifyDossierChange } from '../notifications/outbox';
import { queuePortalSync } from '../portal-sync/portal-sync.outbox';
import { appendDossierEvent, insertDossier, nextDailySequence } from './dossier.repository';
import { type DossierResult, invalid } from './dossier.result';
import { type CheckedAttachment, checkAttachments } from './dossier-attachments';
import { validateDossierForm } from './dossier-form';
import { checkIntakePolicy } from './dossier-policy';
import { routeDossier } from './dossier-routing';
import { snapshotColumns } from './dossier-snapshot';
import { computeDueAt } from './dossier-timing';

export interface SubmitInput {
  procedureCode: string;
  unitCode: string;
  form: Record<string, unknown>;
  attachments: Array<{ componentId: string; fileId: string }>;
  /** At the counter: components handed in on paper and not (yet) scanned — counted, not digitized. */
  paperComponents?: string[];
  delivery: Delivery;
}

export interface Filer {
  /** The account that files: the citizen, or the officer filing on someone's behalf. */
  userId: string;
  domainActor: DomainActor;
  creation: Extract<DossierEventType, 'submit_online' | 'record_at_counter' | 'file_by_phone'>;
  channel: Channel;
  applicant: { id: string | null; fullName: string; phone: string | null; citizenId: string | null };
  specialCaseReason?: string;
}

export interface SubmittedDossier {
  id: string;
  code: string;
  status: string;
  channel: Channel;
  submittedAt: string;
  expectedDueAt: string | null;
  agencyCode: string;
  agencyName: string;
  feeAmount: number;
  procedureCode: string;
}

/** A dossier that passed every check, ready to be written (alone or with the rest of its group). */
export interface PreparedDossier {
  procedure: ProcedureDefinition;
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  form: Record<string, unknown>;
  attachments: CheckedAttachment[];
  snapshot: DossierSnapshot;
  record: TransitionRecord;
  feeAmount: number;
  expectedDueAt: Date;
}

/**
 * Checks a filing — the procedure, the unit and its competent agency, the intake policy, the form,
 * the attachments — and builds its first state. Writes nothing. `fieldPrefix` locates errors in the
 * request body (a group's members sit under `body.members.N`).
 */
export async function prepareDossier(
  ctx: AppContext,
  filer: Filer,
  input: SubmitInput,
  fieldPrefix = 'body',
): Promise<DossierResult<PreparedDossier>> {
  const now = ctx.now();
  const procedure = await findProcedureByCode(ctx, input.procedureCode);
  if (!procedure) return invalid([{ field: `${fieldPrefix}.procedureCode`, message: 'Thủ tục không có trong danh mục' }]);
  const routing = await routeDossier(ctx, procedure, input.unitCode, vietnamLocalDate(now));
  if (!routing.ok) return invalid([{ field: `${fieldPrefix}.unitCode`, message: routing.message }]);
  const policy = checkIntakePolicy(procedure.code, filer.channel, now, filer.specialCaseReason);
  if (!policy.ok) return policy;

  const form = await validateDossierForm(ctx, procedure, input.form, now);
  if (!form.ok) return invalid(form.errors.map((e) => ({ ...e, field: e.field.replace(/^body/, fieldPrefix) })));
  const attachments = await checkAttachments(ctx, filer.userId, procedure, input.attachments, {
    requireMandatory: filer.creation === 'submit_online',
    fieldPrefix: `${fieldPrefix}.attachments`,
  });
  if (!attachments.ok) return invalid(attachments.errors);
  const componentIds = new Set(procedure.components.map((c) => c.id));
  const scanned = new Set(input.attachments.map((a) => a.componentId));
  const paper: CheckedAttachment[] = [];
  for (const [i, id] of (input.paperComponents ?? []).entries()) {
    if (!componentIds.has(id))
      return invalid([{ field: `${fieldPrefix}.paperComponents.${i}`, message: 'Thành phần hồ sơ không thuộc thủ tục này' }]);
    if (!scanned.has(id)) paper.push({ componentId: id, fileId: '', fileName: '', mediaType: '', digitized: false });
  }

  const created = transition(null, creationEvent(filer), filer.domainActor, now);
  if (!created.ok) return { ok: false, reason: created.reason, message: created.message };
  return {
    ok: true,
    value: {
      procedure,
      agencyCode: routing.agencyCode,
      agencyName: routing.agencyName,
      unitCode: routing.unitCode,
      form: form.value,
      attachments: [...attachments.value, ...paper],
      snapshot: { ...created.next, delivery: input.delivery },
      record: created.record,
      feeAmount: feeFor(procedure, filer.channel, now),
      expectedDueAt: await computeDueAt(ctx, procedure, filer.channel, now),
    },
  };
}

/** Writes a prepared dossier, its first event, its attachments and its notification, inside `trx`. */
export async function insertPreparedDossier(
  ctx: AppContext,
  trx: Kysely<Database>,
  filer: Filer,
  p: PreparedDossier,
  groupCode: string | null = null,
): Promise<SubmittedDossier> {
  const now = ctx.now();
  const provinceCode = ctx.config.PROVINCE_CODE;
  const id = randomUUID();
  const seq = await nextDailySequence(trx, provinceCode, p.agencyCode, vietnamLocalDate(now));
  const code = formatDossierCode(p.agencyCode, now, seq);
  const values = {
    id,
    provinceCode,
    code,
    procedureCode: p.procedure.code,
    agencyCode: p.agencyCode,
    unitCode: p.unitCode,
    applicantId: filer.applicant.id,
    applicantName: filer.applicant.fullName,
    applicantPhone: filer.applicant.phone,
    applicantCitizenId: filer.applicant.citizenId,
    filedBy: filer.userId,
    channel: filer.channel,
    form: JSON.stringify(p.form),
    ...snapshotColumns(p.snapshot),
    submittedAt: now,
    feeAmount: p.feeAmount,
    componentsTotal: p.attachments.length,
    componentsDigitized: p.attachments.filter((a) => a.digitized).length,
    specialCaseReason: filer.specialCaseReason ?? null,
    groupCode,
    searchText: foldVietnamese(`${code} ${filer.applicant.fullName} ${p.procedure.name}`),
    updatedAt: now,
  };
  await insertDossier(trx, values);
  await appendDossierEvent(trx, provinceCode, id, 1, p.record);
  await notifyDossierChange(trx, { row: values, record: p.record });
  await queuePortalSync(trx, { row: values, record: p.record });
  for (const a of p.attachments) {
    await trx
      .insertInto('dossierAttachment')
      .values({ provinceCode, dossierId: id, ...a, addedBy: filer.userId, addedAt: now })
      .execute();
  }
  return {
    id,
    code,
    status: p.snapshot.status,
    channel: filer.channel,
    submittedAt: now.toISOString(),
    expectedDueAt: p.expectedDueAt.toISOString(),
    agencyCode: p.agencyCode,
    agencyName: p.agencyName,
    feeAmount: p.feeAmount,
    procedureCode: p.procedure.code,
  };
}

/**
 * Files a new dossier: every check first, then the dossier, its first event and (through
 * `inTransaction`) the caller's idempotency answer and audit row in one transaction. Nothing is
 * written when a check fails.
 */
export async function submitDossier(
  ctx: AppContext,
  filer: Filer,
  input: SubmitInput,
  inTransaction: (trx: Kysely<Database>, answer: SubmittedDossier) => Promise<void>,
): Promise<DossierResult<SubmittedDossier>> {
  const prepared = await prepareDossier(ctx, filer, input);
  if (!prepared.ok) return prepared;
  const answer = await ctx.db.transaction().execute(async (trx) => {
    const result = await insertPreparedDossier(ctx, trx, filer, prepared.value);
    await inTransaction(trx, result);
    return result;
  });
  return { ok: true, value: answer };
}

function creationEvent(filer: Filer) {
  if (filer.creation === 'submit_online') return { type: 'submit_online', channel: filer.channel };
  return { type: filer.creation };
}
