import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../http/context';
import { maskPersonalData } from './masking';
import { words } from './vocabulary';

/** Conversations are kept this long from their last message (issue 19 point 6; the retention job deletes them). */
export const CONVERSATION_KEEP_DAYS = 30;
const KEEP_MS = CONVERSATION_KEEP_DAYS * 86_400_000;

export interface Exchange {
  conversationId: string;
  channel: 'chat' | 'voice';
  question: string;
  answer: string;
  intent: string;
  confident: boolean;
  procedureCode: string | null;
  /** A dossier's state was told: its words are the dossier's, not kept. */
  aboutDossier: boolean;
}

/** What the stored answer says of a dossier's state: that one was given, nothing of it. */
export const DOSSIER_ANSWER_NOT_KEPT = '[đã trả lời tình trạng một hồ sơ — nội dung không lưu]';

/** The procedure the conversation was last on, if it had a message in the last 30 days. */
export async function recallProcedure(ctx: AppContext, id: string | undefined, now: Date): Promise<string | undefined> {
  if (!id) return undefined;
  const row = await ctx.db
    .selectFrom('assistantConversation')
    .select('procedureCode')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', id)
    .where('lastAt', '>', new Date(now.getTime() - KEEP_MS))
    .executeTakeFirst();
  return row?.procedureCode ?? undefined;
}

/** Records one question and its answer, masked; the conversation's last procedure follows on. */
export async function recordExchange(ctx: AppContext, e: Exchange, now: Date): Promise<void> {
  const p = ctx.config.PROVINCE_CODE;
  const question = maskPersonalData(e.question);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('assistantConversation')
      .values({
        id: e.conversationId,
        provinceCode: p,
        channel: e.channel,
        procedureCode: e.procedureCode,
        createdAt: now,
        lastAt: now,
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            lastAt: now,
            procedureCode: sql`coalesce(excluded.procedure_code, assistant_conversation.procedure_code)`,
          })
          .where('assistantConversation.provinceCode', '=', p),
      )
      .execute();
    await trx
      .insertInto('assistantMessage')
      .values({
        provinceCode: p,
        conversationId: e.conversationId,
        at: now,
        question,
        questionKey: words(question).join(' ').slice(0, 300),
        answer: e.aboutDossier ? DOSSIER_ANSWER_NOT_KEPT : maskPersonalData(e.answer),
        intent: e.intent,
        confident: e.confident,
        procedureCode: e.procedureCode,
      })
      .execute();
  });
}

export interface DeclinedQuestion {
  question: string;
  count: number;
  lastAskedAt: Date;
}

/** The questions the assistant declined in the kept period, most asked first, as stored (masked). */
export async function declinedQuestions(ctx: AppContext, limit: number): Promise<DeclinedQuestion[]> {
  const rows = await ctx.db
    .selectFrom('assistantMessage')
    .select((eb) => [
      eb.fn.min('question').as('question'),
      eb.fn.countAll<string>().as('count'),
      eb.fn.max('at').as('lastAskedAt'),
    ])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('intent', '=', 'unknown')
    .where('questionKey', '<>', '')
    .groupBy('questionKey')
    .orderBy('count', 'desc')
    .orderBy('lastAskedAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ question: r.question, count: Number(r.count), lastAskedAt: new Date(r.lastAskedAt) }));
}

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  procedureCode: string | null;
  createdAt: Date;
}

export function listFaq(ctx: AppContext): Promise<FaqEntry[]> {
  return ctx.db
    .selectFrom('assistantFaq')
    .select(['id', 'question', 'answer', 'procedureCode', 'createdAt'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function insertFaq(
  ctx: AppContext,
  entry: { question: string; answer: string; procedureCode: string | null },
  by: string,
  now: Date,
): Promise<FaqEntry> {
  const row = { id: randomUUID(), provinceCode: ctx.config.PROVINCE_CODE, ...entry, createdAt: now, createdBy: by };
  await ctx.db.insertInto('assistantFaq').values(row).execute();
  return { id: row.id, question: row.question, answer: row.answer, procedureCode: row.procedureCode, createdAt: now };
}
