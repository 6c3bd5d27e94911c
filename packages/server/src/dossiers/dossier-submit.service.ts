import { randomUUID } from 'node:crypto';
import {
  type Channel,
  type Delivery,
  type Actor as DomainActor,
  type DossierEventType,
  feeFor,
  foldVietnamese,
  formatDossierCode,
  transition,
  vietnamLocalDate,
} from '@dvc/domain';
import type { Kysely } from 'kysely';
import { findProcedureByCode } from '../catalog/catalog.service';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { notifyDossierChange } from '../notifications/outbox';
import { appendDossierEvent, insertDossier, nextDailySequence } from './dossier.repository';
import { type DossierResult, invalid } from './dossier.result';
import { checkAttachments } from './dossier-attachments';
import { validateDossierForm } from './dossier-form';
import { routeDossier } from './dossier-routing';
import { snapshotColumns } from './dossier-snapshot';
import { computeDueAt } from './dossier-timing';

export interface SubmitInput {
  procedureCode: string;
  unitCode: string;
  form: Record<string, unknown>;
  attachments: Array<{ componentId: string; fileId: string }>;
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
}

/**
 * Files a new dossier: checks the procedure, the unit, the form and the attachments, then writes the
 * dossier, its first event and (through `inTransaction`) the caller's idempotency answer and audit row
 * in one transaction. Nothing is written when a check fails.
 */
export async function submitDossier(
  ctx: AppContext,
  filer: Filer,
  input: SubmitInput,
  inTransaction: (trx: Kysely<Database>, answer: SubmittedDossier) => Promise<void>,
): Promise<DossierResult<SubmittedDossier>> {
  const now = ctx.now();
  const procedure = await findProcedureByCode(ctx, input.procedureCode);
  if (!procedure) return invalid([{ field: 'body.procedureCode', message: 'Thủ tục không có trong danh mục' }]);
  const routing = await routeDossier(ctx, procedure, input.unitCode, vietnamLocalDate(now));
  if (!routing.ok) return invalid([{ field: 'body.unitCode', message: routing.message }]);

  const form = await validateDossierForm(ctx, procedure, input.form, now);
  if (!form.ok) return invalid(form.errors);
  const attachments = await checkAttachments(ctx, filer.userId, procedure, input.attachments, {
    requireMandatory: filer.creation === 'submit_online',
  });
  if (!attachments.ok) return invalid(attachments.errors);

  const created = transition(null, creationEvent(filer), filer.domainActor, now);
  if (!created.ok) return { ok: false, reason: created.reason, message: created.message };
  const snapshot = { ...created.next, delivery: input.delivery };
  const feeAmount = feeFor(procedure, filer.channel, now);
  const expectedDueAt = await computeDueAt(ctx, procedure, filer.channel, now);
  const provinceCode = ctx.config.PROVINCE_CODE;
  const id = randomUUID();

  const answer = await ctx.db.transaction().execute(async (trx) => {
    const seq = await nextDailySequence(trx, provinceCode, routing.agencyCode, vietnamLocalDate(now));
    const code = formatDossierCode(routing.agencyCode, now, seq);
    const values = {
      id,
      provinceCode,
      code,
      procedureCode: procedure.code,
      agencyCode: routing.agencyCode,
      unitCode: routing.unitCode,
      applicantId: filer.applicant.id,
      applicantName: filer.applicant.fullName,
      applicantPhone: filer.applicant.phone,
      applicantCitizenId: filer.applicant.citizenId,
      filedBy: filer.userId,
      channel: filer.channel,
      form: JSON.stringify(form.value),
      ...snapshotColumns(snapshot),
      submittedAt: now,
      feeAmount,
      componentsTotal: attachments.value.length,
      componentsDigitized: attachments.value.filter((a) => a.digitized).length,
      specialCaseReason: filer.specialCaseReason ?? null,
      groupCode: null,
      searchText: foldVietnamese(`${code} ${filer.applicant.fullName} ${procedure.name}`),
      updatedAt: now,
    };
    await insertDossier(trx, values);
    await appendDossierEvent(trx, provinceCode, id, 1, created.record);
    await notifyDossierChange(trx, { row: values, record: created.record });
    for (const a of attachments.value) {
      await trx
        .insertInto('dossierAttachment')
        .values({ provinceCode, dossierId: id, ...a, addedBy: filer.userId, addedAt: now })
        .execute();
    }
    const result: SubmittedDossier = {
      id,
      code,
      status: snapshot.status,
      channel: filer.channel,
      submittedAt: now.toISOString(),
      expectedDueAt: expectedDueAt.toISOString(),
      agencyCode: routing.agencyCode,
      agencyName: routing.agencyName,
      feeAmount,
    };
    await inTransaction(trx, result);
    return result;
  });
  return { ok: true, value: answer };
}

function creationEvent(filer: Filer) {
  if (filer.creation === 'submit_online') return { type: 'submit_online', channel: filer.channel };
  return { type: filer.creation };
}
