import { randomUUID } from 'node:crypto';
import { publishedCatalog } from '../catalog/index';
import type { LookupGuard } from '../dossiers/index';
import { listMine, lookUpDossier, normalizeLookupCode } from '../dossiers/index';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/index';
import { type Answer, declineAnswer, dossierStateAnswer, hoursAnswer, procedureAnswer, statusNeedsFactorAnswer } from './answers';
import { recallProcedure, recordExchange } from './conversation.repository';
import { faqAnswer, findFaq } from './faq';
import { findProcedure, hasContent } from './retrieval';
import { intentOf, QUESTION_WORDS, words } from './vocabulary';

export interface AssistantQuestion {
  text: string;
  conversationId?: string;
  lookup?: { code: string; phoneLast4: string };
}

export type AssistantReply = Answer & { conversationId: string };

/** The assistant's answer to one message: from the catalog, the calendar, or a dossier the asker may see. */
export async function answerMessage(
  ctx: AppContext,
  question: AssistantQuestion,
  actor: Actor | null,
  guard?: LookupGuard,
  channel: 'chat' | 'voice' = 'chat',
): Promise<AssistantReply> {
  const now = ctx.now();
  const conversationId = question.conversationId ?? randomUUID();
  const answer = await answerOf(ctx, question, actor, guard, now);
  await recordExchange(
    ctx,
    {
      conversationId,
      channel,
      question: question.text,
      answer: answer.answer,
      // "Which procedure?" is not a question the catalog failed: officers' list leaves it out.
      intent: answer.intent === 'unknown' && words(question.text).every((w) => QUESTION_WORDS.has(w)) ? 'clarify' : answer.intent,
      confident: answer.confident,
      procedureCode: answer.intent === 'status' ? null : (answer.sources[0]?.procedureCode ?? null),
      aboutDossier: answer.intent === 'status' && answer.confident,
    },
    now,
  );
  return { conversationId, ...answer };
}

async function answerOf(
  ctx: AppContext,
  question: AssistantQuestion,
  actor: Actor | null,
  guard: LookupGuard | undefined,
  now: Date,
): Promise<Answer> {
  const folded = words(question.text).join(' ');
  const asked = intentOf(folded);

  if (asked === 'status' || (question.lookup && asked === undefined)) return statusAnswer(ctx, question, actor, guard);
  if (asked === 'hours') return hoursAnswer(ctx);
  const entries = await publishedCatalog(ctx.db, ctx.config.PROVINCE_CODE);
  const match = findProcedure(entries, question.text);
  let procedure = match?.procedure.facts;
  // The province's own answers, for what the catalog does not say (issue 19 point 3).
  const faq = procedure ? undefined : await findFaq(ctx, question.text);
  if (faq) return faqAnswer(faq);
  if (!procedure && !hasContent(question.text) && asked !== undefined) {
    const code = await recallProcedure(ctx, question.conversationId, now);
    procedure = entries.find((e) => e.code === code)?.facts;
    if (!procedure) return declineAnswer(true);
  }
  if (!procedure) return declineAnswer(false);
  return procedureAnswer(procedure, asked ?? 'papers', now, asked !== undefined);
}

/** A dossier's state only with its code and the filer's phone's last 4 digits, or to its signed-in filer. */
async function statusAnswer(
  ctx: AppContext,
  question: AssistantQuestion,
  actor: Actor | null,
  guard?: LookupGuard,
): Promise<Answer> {
  const lookup = question.lookup;
  if (lookup) {
    const check = () => lookUpDossier(ctx, lookup.code, { phoneLast4: lookup.phoneLast4 });
    // The same per-code lock as the public lookup: guessing the 4 digits here is no easier than there.
    const guarded = guard
      ? await guard.run(normalizeLookupCode(lookup.code), () => ctx.now(), check)
      : { locked: false as const, value: await check() };
    if (guarded.locked) return statusNeedsFactorAnswer(true);
    return guarded.value ? dossierStateAnswer(guarded.value) : statusNeedsFactorAnswer(true);
  }
  if (actor?.kind === 'citizen') {
    const mine = (await listMine(ctx, actor)).filter((d) => d.finishedAt === null).slice(0, 5);
    if (mine.length > 0) {
      return {
        answer: mine.map((d) => `Hồ sơ ${d.code} (${d.procedureName}): ${d.statusLabel}.`).join(' '),
        intent: 'status',
        confident: true,
        sources: mine.map((d) => ({ procedureCode: d.procedureCode, field: 'dossierStatus' })),
        actions: mine.map((d) => ({ label: `Xem hồ sơ ${d.code}`, href: `/ho-so/${encodeURIComponent(d.code)}` })),
      };
    }
  }
  return statusNeedsFactorAnswer(false);
}
