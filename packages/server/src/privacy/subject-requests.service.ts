import { randomInt, randomUUID } from 'node:crypto';
import { vietnamParts } from '@dvc/domain';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { type ErasureOutcome, eraseCitizen } from './erasure';
import type { DataSubjectRequestTable } from './privacy.tables';

export type RequestKind = DataSubjectRequestTable['kind'];
export type RequestRow = Omit<DataSubjectRequestTable, 'outcome'> & { outcome: ErasureOutcome | null };

const DAY_MS = 86_400_000;

function newCode(now: Date): string {
  const v = vietnamParts(now);
  const day = `${String(v.year).slice(2)}${String(v.month).padStart(2, '0')}${String(v.day).padStart(2, '0')}`;
  return `YCDL-${day}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** A correction or a deletion asked for by the citizen, due within the configured days. */
export async function fileRequest(ctx: AppContext, citizenId: string, kind: RequestKind, detail: string): Promise<RequestRow> {
  const now = ctx.now();
  const row = {
    id: randomUUID(),
    provinceCode: ctx.config.PROVINCE_CODE,
    code: newCode(now),
    citizenId,
    kind,
    detail,
    status: 'open' as const,
    createdAt: now,
    dueAt: new Date(now.getTime() + ctx.config.privacy.requestDueDays * DAY_MS),
  };
  await ctx.db.insertInto('dataSubjectRequest').values(row).execute();
  return { ...row, answer: null, answeredBy: null, answeredAt: null, outcome: null };
}

const columns = [
  'id',
  'provinceCode',
  'code',
  'citizenId',
  'kind',
  'detail',
  'status',
  'createdAt',
  'dueAt',
  'answer',
  'answeredBy',
  'answeredAt',
  'outcome',
] as const;

export async function listRequests(ctx: AppContext, filter: { citizenId?: string; status?: 'open' | 'done' | 'refused' }) {
  let q = ctx.db.selectFrom('dataSubjectRequest').select(columns).where('provinceCode', '=', ctx.config.PROVINCE_CODE);
  if (filter.citizenId) q = q.where('citizenId', '=', filter.citizenId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.orderBy('dueAt').limit(500).execute()) as RequestRow[];
}

export type AnswerResult = { ok: true; request: RequestRow } | Failure<'not_found' | 'already_answered'>;

/**
 * An administrator's answer. Answering a deletion with `done` erases the citizen's data that no
 * law requires to keep (erasure.ts) and records what went. The status moves only from `open`, in
 * the same statement, so two administrators answering at once erase once.
 */
export async function answerRequest(
  ctx: AppContext,
  code: string,
  adminId: string,
  decision: 'done' | 'refused',
  answer: string,
): Promise<AnswerResult> {
  const now = ctx.now();
  const claimed = await ctx.db
    .updateTable('dataSubjectRequest')
    .set({ status: decision, answer, answeredBy: adminId, answeredAt: now })
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('code', '=', code)
    .where('status', '=', 'open')
    .returning(columns)
    .executeTakeFirst();
  if (!claimed) {
    const exists = await ctx.db
      .selectFrom('dataSubjectRequest')
      .select('id')
      .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
      .where('code', '=', code)
      .executeTakeFirst();
    return { ok: false, reason: exists ? 'already_answered' : 'not_found' };
  }
  let request = claimed as RequestRow;
  if (decision === 'done' && request.kind === 'deletion') {
    const outcome = await eraseCitizen(ctx, request.citizenId, now);
    await ctx.db
      .updateTable('dataSubjectRequest')
      .set({ outcome: JSON.stringify(outcome) })
      .where('id', '=', request.id)
      .execute();
    request = { ...request, outcome };
  }
  return { ok: true, request };
}
