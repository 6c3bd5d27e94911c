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
  requestedBusinessNameKey,
  type TransitionRecord,
  transition,
  vietnamLocalDate,
} from '@dvc/domain';
import type { Kysely, OperationNodeSource } from 'kysely';
import { currentProcedureVersion } from '../catalog/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { dossierChangesInsert } from '../notifications/outbox';
import { portalSyncInsert } from '../portal-sync/portal-sync.outbox';
import { checkFilingForResult } from '../results/index';
import {
  advanceSequencesPastStoredCodes,
  codePrefixes,
  dossierEventsInsert,
  insertDossiers,
  isCodeTaken,
  reserveDailySequences,
} from './dossier.repository';
import { type DossierResult, invalid } from './dossier.result';
import { type AttachmentInput, type CheckedAttachment, checkAttachments } from './dossier-attachments';
import { checkFormForFiling, declaredPart } from './dossier-form';
import { checkVerifiedOwner } from './dossier-identity';
import { checkIntakePolicy } from './dossier-policy';
import { routeDossier } from './dossier-routing';
import { snapshotColumns } from './dossier-snapshot';
import { computeDueAt } from './dossier-timing';

export interface SubmitInput {
  procedureCode: string;
  unitCode: string;
  form: Record<string, unknown>;
  attachments: AttachmentInput[];
  /** At the counter: components handed in on paper and not (yet) scanned — counted, not digitized. */
  paperComponents?: string[];
  delivery: Delivery;
  /** The version of the procedure the form was filled for (a draft or an outbox item remembers it); absent: the current one. */
  procedureVersion?: number;
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
  /** The version of the procedure's definition the dossier is filed under. */
  procedureVersion: number;
}

/** A dossier that passed every check, ready to be written (alone or with the rest of its group). */
export interface PreparedDossier {
  procedure: ProcedureDefinition;
  procedureVersion: number;
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
  /** A member of a group filing takes from the group's one form only the keys its own form declares. */
  options: { declaredPartOnly?: boolean } = {},
): Promise<DossierResult<PreparedDossier>> {
  const now = ctx.now();
  const badText = unstorableText(input.form, `${fieldPrefix}.form`);
  if (badText)
    return invalid([{ field: badText, message: 'Có ký tự không hợp lệ (ký tự rỗng hoặc lỗi mã hóa), vui lòng nhập lại' }]);
  const current = await currentProcedureVersion(ctx, input.procedureCode);
  if (!current) return invalid([{ field: `${fieldPrefix}.procedureCode`, message: 'Thủ tục không có trong danh mục' }]);
  const procedure = current.facts;
  const routing = await routeDossier(ctx, procedure, input.unitCode, vietnamLocalDate(now));
  if (!routing.ok) return invalid([{ field: `${fieldPrefix}.unitCode`, message: routing.message }]);
  const policy = checkIntakePolicy(current.definition, filer.channel, now, filer.specialCaseReason);
  if (!policy.ok) return policy;

  const data = options.declaredPartOnly ? declaredPart(current.definition, input.form) : input.form;
  const form = await checkFormForFiling(ctx, current, input.procedureVersion, data, now, fieldPrefix);
  if (!form.ok) return form;
  // What the leader's decision would refuse (a business name already taken or asked for) is said now.
  const clashes = await checkFilingForResult(
    ctx.db,
    { provinceCode: ctx.config.PROVINCE_CODE, agencyCode: routing.agencyCode, form: form.value },
    current.definition,
  );
  if (clashes.length > 0) return invalid(clashes.map((c) => ({ field: `${fieldPrefix}.form.${c.field}`, message: c.message })));
  const owner = await checkVerifiedOwner(ctx, filer, current.definition, form.value, fieldPrefix);
  if (!owner.ok) return invalid(owner.errors);
  const attachments = await checkAttachments(ctx, filer.userId, procedure, input.attachments, {
    requireMandatory: filer.creation === 'submit_online',
    fieldPrefix: `${fieldPrefix}.attachments`,
    waived: owner.waived,
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
      procedureVersion: current.version,
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

/** A checked filing and who files it: what insertPreparedDossiers writes. */
export interface NewDossier {
  filer: Filer;
  prepared: PreparedDossier;
}

/**
 * Writes prepared dossiers — their codes, rows, first events, notifications, portal messages and
 * attachments — in two statements however many there are: the desks' daily numbers, then everything
 * else at once (a group commit of filings, or the members of an interlinked group: `asGroup` gives
 * them one group code). `trx` is a transaction, or the database: then both statements run in a
 * transaction of their own, so the numbers are taken only with the rows that carry them.
 */
export async function insertPreparedDossiers(
  ctx: AppContext,
  trx: Kysely<Database>,
  dossiers: NewDossier[],
  options: {
    asGroup?: boolean;
    /** More rows to write in the same statement once the codes are known (answers, audit rows). */
    alongWith?: (filed: SubmittedDossier[]) => OperationNodeSource[];
  } = {},
): Promise<SubmittedDossier[]> {
  if (dossiers.length === 0) return [];
  // The numbers are reserved in the transaction that writes the rows: a write that fails for any
  // reason (a value the database refuses, a lost connection, a crash) gives its numbers back, so a
  // desk's day has no gaps and failed filings cannot use it up (decision 007). On a transaction of
  // the caller's (an interlinked group), the caller's rollback does the same.
  if (!trx.isTransaction) {
    const write = () => trx.transaction().execute((t) => insertPreparedDossiers(ctx, t, dossiers, options));
    try {
      return await write();
    } catch (err) {
      if (!isCodeTaken(err)) throw err;
      const agencies = [...new Set(dossiers.map((d) => d.prepared.agencyCode))];
      const prefixes = [...new Set((await codePrefixes(trx, ctx.config.PROVINCE_CODE, agencies)).values())];
      await advanceSequencesPastStoredCodes(trx, ctx.config.PROVINCE_CODE, vietnamLocalDate(ctx.now()), prefixes);
      return write();
    }
  }
  const now = ctx.now();
  const provinceCode = ctx.config.PROVINCE_CODE;
  const prefixOf = await codePrefixes(trx, provinceCode, [...new Set(dossiers.map((d) => d.prepared.agencyCode))]);
  const perPrefix = new Map<string, number>();
  for (const { prepared } of dossiers) {
    const prefix = prefixOf.get(prepared.agencyCode)!;
    perPrefix.set(prefix, (perPrefix.get(prefix) ?? 0) + 1);
  }
  const nextSeq = await reserveDailySequences(trx, provinceCode, vietnamLocalDate(now), perPrefix);
  const rows = dossiers.map(({ filer, prepared: p }) => {
    const prefix = prefixOf.get(p.agencyCode)!;
    const seq = nextSeq.get(prefix)!;
    nextSeq.set(prefix, seq + 1);
    const code = formatDossierCode(prefix, now, seq);
    return {
      id: randomUUID(),
      provinceCode,
      code,
      procedureCode: p.procedure.code,
      procedureVersion: p.procedureVersion,
      agencyCode: p.agencyCode,
      unitCode: p.unitCode,
      applicantId: filer.applicant.id,
      applicantName: filer.applicant.fullName,
      applicantPhone: filer.applicant.phone,
      applicantCitizenId: filer.applicant.citizenId,
      filedBy: filer.userId,
      channel: filer.channel,
      form: JSON.stringify(p.form),
      businessNameKey: requestedBusinessNameKey(p.form),
      ...snapshotColumns(p.snapshot),
      submittedAt: now,
      feeAmount: p.feeAmount,
      componentsTotal: p.attachments.length,
      componentsDigitized: p.attachments.filter((a) => a.digitized).length,
      specialCaseReason: filer.specialCaseReason ?? null,
      groupCode: null as string | null,
      searchText: foldVietnamese(`${code} ${filer.applicant.fullName} ${p.procedure.name}`),
      updatedAt: now,
    };
  });
  if (options.asGroup) for (const row of rows) row.groupCode = `LT-${rows[0]!.code}`;
  const records = dossiers.map((d) => d.prepared.record);
  const filed: SubmittedDossier[] = rows.map((row, i) => {
    const { filer, prepared: p } = dossiers[i]!;
    return {
      id: row.id,
      code: row.code,
      status: p.snapshot.status,
      channel: filer.channel,
      submittedAt: now.toISOString(),
      expectedDueAt: p.expectedDueAt.toISOString(),
      agencyCode: p.agencyCode,
      agencyName: p.agencyName,
      feeAmount: p.feeAmount,
      procedureCode: p.procedure.code,
      procedureVersion: p.procedureVersion,
    };
  });
  const attachments = rows.flatMap((row, i) =>
    dossiers[i]!.prepared.attachments.map((a) => ({
      provinceCode,
      dossierId: row.id,
      ...a,
      addedBy: dossiers[i]!.filer.userId,
      addedAt: now,
    })),
  );
  // One statement for the dossiers and everything that goes with them (db/insert-together.ts).
  await insertDossiers(trx, rows, [
    dossierEventsInsert(
      trx,
      rows.map((row, i) => ({ provinceCode, dossierId: row.id, seq: 1, record: records[i]! })),
    ),
    dossierChangesInsert(
      trx,
      rows.map((row, i) => ({ row, record: records[i]! })),
    ),
    portalSyncInsert(
      trx,
      rows.map((row, i) => ({ row, record: records[i]!, seq: 1 })),
    ),
    attachments.length > 0 ? trx.insertInto('dossierAttachment').values(attachments) : undefined,
    ...(options.alongWith?.(filed) ?? []),
  ]);
  return filed;
}

// With the u flag, \p{Cs} matches only a surrogate that is not part of a pair.
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * The first text under `value` that the database cannot store — a NUL character, or half of a
 * surrogate pair (PostgreSQL text and jsonb refuse both) — as the path of its field; null if none.
 * Refused here with a 400 rather than failing at write time.
 */
function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    if (unstorable(k)) return path;
    const found = unstorableText(v, `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

function creationEvent(filer: Filer) {
  if (filer.creation === 'submit_online') return { type: 'submit_online', channel: filer.channel };
  return { type: filer.creation };
}
