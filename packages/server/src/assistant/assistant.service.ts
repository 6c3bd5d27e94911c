import { randomUUID } from 'node:crypto';
import { publishedCatalog } from '../catalog/index';
import type { LookupGuard } from '../dossiers/index';
import { listMine, lookUpDossier, normalizeLookupCode } from '../dossiers/index';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/index';
import { type Answer, declineAnswer, dossierStateAnswer, hoursAnswer, procedureAnswer, statusNeedsFactorAnswer } from './answers';
import { findProcedure, hasContent } from './retrieval';
import { intentOf, words } from './vocabulary';

export interface AssistantQuestion {
  text: string;
  conversationId?: string;
  lookup?: { code: string; phoneLast4: string };
}

export type AssistantReply = Answer & { conversationId: string };

/**
 * Conversations, in memory: only the procedure last talked about, so "còn lệ phí?" follows on; no
 * text, no dossier code, no phone. Kept 30 days from the last message (issue 19 point 6), at most
 * MAX_CONVERSATIONS (the oldest go first). A restart forgets them: the follow-up then asks which procedure.
 */
const KEEP_MS = 30 * 24 * 3_600_000;
const MAX_CONVERSATIONS = 50_000;
const conversations = new Map<string, { procedureCode?: string; lastAt: number }>();

function remember(id: string, procedureCode: string | undefined, now: number): void {
  const previous = conversations.get(id);
  conversations.delete(id);
  conversations.set(id, { procedureCode: procedureCode ?? previous?.procedureCode, lastAt: now });
  while (conversations.size > MAX_CONVERSATIONS) {
    const oldest = conversations.keys().next().value;
    if (oldest === undefined) break;
    conversations.delete(oldest);
  }
}

function recall(id: string | undefined, now: number): string | undefined {
  if (!id) return undefined;
  const kept = conversations.get(id);
  if (!kept || now - kept.lastAt > KEEP_MS) return undefined;
  return kept.procedureCode;
}

/** The assistant's answer to one message: from the catalog, the calendar, or a dossier the asker may see. */
export async function answerMessage(
  ctx: AppContext,
  question: AssistantQuestion,
  actor: Actor | null,
  guard?: LookupGuard,
): Promise<AssistantReply> {
  const now = ctx.now();
  const conversationId = question.conversationId ?? randomUUID();
  const folded = words(question.text).join(' ');
  const asked = intentOf(folded);

  if (asked === 'status' || (question.lookup && asked === undefined)) {
    remember(conversationId, undefined, now.getTime());
    return { conversationId, ...(await statusAnswer(ctx, question, actor, guard)) };
  }
  if (asked === 'hours') {
    remember(conversationId, undefined, now.getTime());
    return { conversationId, ...(await hoursAnswer(ctx)) };
  }
  const entries = await publishedCatalog(ctx.db, ctx.config.PROVINCE_CODE);
  const match = findProcedure(entries, question.text);
  let procedure = match?.procedure.facts;
  if (!procedure && !hasContent(question.text) && asked !== undefined) {
    const code = recall(question.conversationId, now.getTime());
    procedure = entries.find((e) => e.code === code)?.facts;
    if (!procedure) return { conversationId, ...declineAnswer(true) };
  }
  if (!procedure) {
    remember(conversationId, undefined, now.getTime());
    return { conversationId, ...declineAnswer(false) };
  }
  remember(conversationId, procedure.code, now.getTime());
  const intent = asked ?? 'papers';
  return { conversationId, ...procedureAnswer(procedure, intent, now, asked !== undefined) };
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
