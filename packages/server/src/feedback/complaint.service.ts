import { randomUUID } from 'node:crypto';
import { dueAt } from '@dvc/domain';
import { vietnamDate } from '@dvc/domain/vietnam-time';
import type { Kysely, Selectable } from 'kysely';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import type { Database } from '../db/schema';
import { findDossierRow } from '../dossiers/index';
import { getOwnedFiles } from '../files/files.service';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import type { Actor } from '../identity/actor';
import { enqueueOutbox, TOPIC_DOSSIER } from '../notifications/outbox';
import type { DossierMessage } from '../notifications/templates';
import type { ComplaintTable } from './feedback.tables';

/**
 * Complaints and recommendations (phản ánh, kiến nghị) of a signed-in citizen about one of their
 * dossiers or about a procedure. A dossier's complaint goes to the agency handling it; a
 * procedure's to the province's public service centre, which forwards it (verify: the province's
 * rule). The agency answers within ANSWER_WORKING_DAYS working days — Decree 20/2008/NĐ-CP on
 * feedback about administrative rules gives 10 working days to handle one (verify the article).
 * Filing and answering each notify through the outbox, in the same transaction.
 */
export const ANSWER_WORKING_DAYS = 10;
export const PROCEDURE_FEEDBACK_AGENCY = 'TTPVHCC';
export const MAX_ATTACHMENTS = 5;

export type ComplaintRow = Selectable<ComplaintTable>;

export interface NewComplaint {
  kind: 'complaint' | 'recommendation';
  dossierCode?: string | null;
  procedureCode?: string | null;
  subject: string;
  content: string;
  attachments: string[];
}

export type FileComplaintResult =
  | { ok: true; complaint: ComplaintRow }
  | Failure<'dossier-not-found' | 'procedure-not-found' | 'attachment-not-found' | 'no-subject-target'>;

/** dd-mm-yy of Vietnam and 6 characters of the id: PAKN-301126-4F1A2B. */
function complaintCode(id: string, now: Date): string {
  const vn = vietnamDate(now);
  return `PAKN-${vn.slice(8, 10)}${vn.slice(5, 7)}${vn.slice(2, 4)}-${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export async function fileComplaint(ctx: AppContext, actor: Actor, input: NewComplaint): Promise<FileComplaintResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  let agencyCode = PROCEDURE_FEEDBACK_AGENCY;
  let unitCode: string | null = null;
  let procedureCode = input.procedureCode ?? null;
  let dossierCode: string | null = null;
  if (input.dossierCode) {
    const row = await findDossierRow(ctx.db, provinceCode, input.dossierCode.trim().toUpperCase());
    // Someone else's dossier reads as absent.
    if (!row || row.applicantId !== actor.userId) return { ok: false, reason: 'dossier-not-found' };
    ({ agencyCode, unitCode, procedureCode, code: dossierCode } = row);
  } else if (procedureCode) {
    const procedure = await ctx.db
      .selectFrom('procedure')
      .select('code')
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', procedureCode)
      .executeTakeFirst();
    if (!procedure) return { ok: false, reason: 'procedure-not-found' };
  } else {
    return { ok: false, reason: 'no-subject-target' };
  }
  const files = await getOwnedFiles(
    ctx,
    actor.userId,
    input.attachments.map((sha256) => ({ sha256, accepts: ['pdf', 'jpeg', 'png'] as const })),
  );
  if (files.some((f) => !f.ok)) return { ok: false, reason: 'attachment-not-found' };
  const attachments = files.flatMap((f) => (f.ok ? [{ sha256: f.file.sha256, name: f.file.originalName }] : []));

  const now = ctx.now();
  const year = now.getUTCFullYear();
  const calendar = await loadWorkingCalendar(ctx, { from: year, to: year + 1 });
  const id = randomUUID();
  const complaint = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('complaint')
      .values({
        id,
        provinceCode,
        code: complaintCode(id, now),
        kind: input.kind,
        dossierCode,
        procedureCode,
        agencyCode,
        unitCode,
        citizenId: actor.userId,
        citizenName: actor.fullName,
        citizenPhone: actor.phone,
        subject: input.subject,
        content: input.content,
        attachments: JSON.stringify(attachments),
        status: 'open',
        createdAt: now,
        dueAt: dueAt(now, { workingDays: ANSWER_WORKING_DAYS }, calendar),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await notify(trx, ctx, row, 'complaint_filed');
    return row;
  });
  return { ok: true, complaint };
}

/** The message the notification templates render (a dossier message's shape, the complaint's code). */
function notify(trx: Kysely<Database>, ctx: AppContext, c: ComplaintRow, kind: 'complaint_filed' | 'complaint_answered') {
  const message: DossierMessage = {
    kind,
    dossierId: c.id,
    code: c.code,
    procedureCode: c.procedureCode ?? '',
    agencyCode: c.agencyCode,
    status: c.status,
    applicantId: c.citizenId,
    applicantName: c.citizenName,
    applicantPhone: c.citizenPhone,
    applicantEmail: null,
    assigneeId: null,
    at: ctx.now().toISOString(),
    dueAt: c.dueAt.toISOString(),
  };
  return enqueueOutbox(trx, {
    provinceCode: c.provinceCode,
    topic: TOPIC_DOSSIER,
    payload: { ...message },
    createdAt: ctx.now(),
  });
}

export function listOwnComplaints(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('complaint')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('citizenId', '=', actor.userId)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
}

export function findComplaint(ctx: AppContext, code: string) {
  return ctx.db
    .selectFrom('complaint')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
}

/** Roles that answer the complaints of their agency; the province's administrators see every one. */
const ANSWERING_ROLES = new Set(['receiver', 'specialist', 'leader']);
const PROVINCE_READERS = new Set(['province_admin', 'system_admin']);

export function officerSeesComplaint(actor: Actor, c: Pick<ComplaintRow, 'agencyCode'>): boolean {
  if (actor.roles.some((g) => PROVINCE_READERS.has(g.role))) return true;
  return actor.roles.some((g) => g.agencyCode === c.agencyCode && ANSWERING_ROLES.has(g.role));
}

export function officerAnswers(actor: Actor, c: Pick<ComplaintRow, 'agencyCode'>): boolean {
  return actor.roles.some((g) => g.agencyCode === c.agencyCode && ANSWERING_ROLES.has(g.role));
}

/** The complaints of the officer's agencies (every agency for the province's administrators), open first, by deadline. */
export function listForOfficer(ctx: AppContext, actor: Actor, status?: 'open' | 'answered') {
  let q = ctx.db.selectFrom('complaint').selectAll().where('provinceCode', '=', ctx.config.PROVINCE_CODE);
  if (!actor.roles.some((g) => PROVINCE_READERS.has(g.role))) {
    const agencies = [...new Set(actor.roles.filter((g) => ANSWERING_ROLES.has(g.role)).map((g) => g.agencyCode))];
    if (agencies.length === 0) return Promise.resolve([]);
    q = q.where('agencyCode', 'in', agencies);
  }
  if (status) q = q.where('status', '=', status);
  return q.orderBy('status', 'desc').orderBy('dueAt').limit(500).execute();
}

export type AnswerResult = { ok: true; complaint: ComplaintRow } | Failure<'not-found' | 'forbidden' | 'already-answered'>;

/** One answer per complaint: the conditional UPDATE settles two officers answering at once. */
export async function answerComplaint(ctx: AppContext, actor: Actor, code: string, answer: string): Promise<AnswerResult> {
  const found = await findComplaint(ctx, code);
  if (!found || !officerSeesComplaint(actor, found)) return { ok: false, reason: 'not-found' };
  if (!officerAnswers(actor, found)) return { ok: false, reason: 'forbidden' };
  const now = ctx.now();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('complaint')
      .set({ status: 'answered', answer, answeredBy: actor.userId, answeredAt: now })
      .where('id', '=', found.id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (row) await notify(trx, ctx, row, 'complaint_answered');
    return row;
  });
  return updated ? { ok: true, complaint: updated } : { ok: false, reason: 'already-answered' };
}
