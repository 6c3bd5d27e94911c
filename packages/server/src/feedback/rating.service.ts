import { percentNumber } from '@dvc/domain/indicators';
import { sql } from 'kysely';
import { findDossierRow } from '../dossiers/index';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { RATING_EDIT_DAYS, RATING_QUESTIONS, type RatingLevel } from './rating-questions';

/**
 * Satisfaction ratings: one per dossier, once its result is returned, changeable for
 * RATING_EDIT_DAYS after it was first given. The upsert carries the window in its WHERE, so a
 * late change and a double tap are settled by the row itself.
 */
const DAY_MS = 24 * 3_600_000;

export interface RatingView {
  code: string;
  procedureCode: string;
  returnedAt: string | null;
  /** The result is returned and the window is open (or no rating yet). */
  canRate: boolean;
  rating: { answers: Record<string, RatingLevel>; comment: string | null; createdAt: string; updatedAt: string } | null;
  editableUntil: string | null;
}

type DossierRow = NonNullable<Awaited<ReturnType<typeof findDossierRow>>>;

export function findRatedDossier(ctx: AppContext, code: string) {
  return findDossierRow(ctx.db, ctx.config.PROVINCE_CODE, code.trim().toUpperCase());
}

export async function readRating(ctx: AppContext, row: DossierRow): Promise<RatingView> {
  const rating = await ctx.db
    .selectFrom('dossierRating')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('dossierCode', '=', row.code)
    .executeTakeFirst();
  const until = rating ? new Date(rating.createdAt.getTime() + RATING_EDIT_DAYS * DAY_MS) : null;
  const returned = row.status === 'returned';
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    canRate: returned && (!until || until > ctx.now()),
    rating: rating
      ? {
          answers: rating.answers as Record<string, RatingLevel>,
          comment: rating.comment,
          createdAt: rating.createdAt.toISOString(),
          updatedAt: rating.updatedAt.toISOString(),
        }
      : null,
    editableUntil: until?.toISOString() ?? null,
  };
}

export type SaveRatingResult = { ok: true; view: RatingView } | Failure<'not-returned' | 'closed'>;

export async function saveRating(
  ctx: AppContext,
  row: DossierRow,
  input: { answers: Record<string, RatingLevel>; comment?: string | null },
  givenBy: 'applicant' | 'link',
): Promise<SaveRatingResult> {
  if (row.status !== 'returned') return { ok: false, reason: 'not-returned' };
  const now = ctx.now();
  const answers = JSON.stringify(Object.fromEntries(RATING_QUESTIONS.map((q) => [q.code, input.answers[q.code]])));
  const comment = input.comment?.trim() || null;
  const saved = await ctx.db
    .insertInto('dossierRating')
    .values({
      provinceCode: ctx.config.PROVINCE_CODE,
      dossierCode: row.code,
      dossierId: row.id,
      procedureCode: row.procedureCode,
      agencyCode: row.agencyCode,
      unitCode: row.unitCode,
      answers,
      comment,
      givenBy,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'dossierCode'])
        .doUpdateSet({ answers, comment, givenBy, updatedAt: now })
        .where(sql<boolean>`dossier_rating.created_at > ${new Date(now.getTime() - RATING_EDIT_DAYS * DAY_MS)}`),
    )
    .returning('dossierCode')
    .executeTakeFirst();
  if (!saved) return { ok: false, reason: 'closed' };
  return { ok: true, view: await readRating(ctx, row) };
}

export type RatingGroupBy = 'unit' | 'agency' | 'procedure';

export interface RatingReportRow {
  key: string;
  name: string;
  ratings: number;
  /** Per question: answers counted by level, and the share satisfied (very + satisfied) in per cent. */
  questions: Record<string, { very_satisfied: number; satisfied: number; dissatisfied: number; satisfiedPercent: number }>;
  satisfiedPercent: number;
}

/** Ratings given in [from, to) grouped by unit, agency or procedure; `agencies` limits an officer to theirs. */
export async function ratingReport(
  ctx: AppContext,
  q: { from: Date; to: Date; groupBy: RatingGroupBy; agencies?: string[] },
): Promise<RatingReportRow[]> {
  if (q.agencies?.length === 0) return [];
  const column = q.groupBy === 'unit' ? 'unitCode' : q.groupBy === 'agency' ? 'agencyCode' : 'procedureCode';
  let query = ctx.db
    .selectFrom('dossierRating')
    .select([column, 'answers'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('createdAt', '>=', q.from)
    .where('createdAt', '<', q.to);
  if (q.agencies) query = query.where('agencyCode', 'in', q.agencies);
  const rows = (await query.execute()) as { answers: Record<string, string>; [k: string]: unknown }[];
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    const key = String(r[column]);
    groups.set(key, [...(groups.get(key) ?? []), r.answers]);
  }
  const names = await groupNames(ctx, q.groupBy, [...groups.keys()]);
  return [...groups.entries()]
    .map(([key, list]) => {
      const questions: RatingReportRow['questions'] = {};
      let satisfied = 0;
      let answered = 0;
      for (const question of RATING_QUESTIONS) {
        const c = { very_satisfied: 0, satisfied: 0, dissatisfied: 0, satisfiedPercent: 0 };
        for (const a of list) {
          const level = a[question.code] as RatingLevel | undefined;
          if (level && level in c) c[level] += 1;
        }
        const total = c.very_satisfied + c.satisfied + c.dissatisfied;
        c.satisfiedPercent = percent(c.very_satisfied + c.satisfied, total);
        satisfied += c.very_satisfied + c.satisfied;
        answered += total;
        questions[question.code] = c;
      }
      return {
        key,
        name: names.get(key) ?? key,
        ratings: list.length,
        questions,
        satisfiedPercent: percent(satisfied, answered),
      };
    })
    .sort((a, b) => b.ratings - a.ratings || a.key.localeCompare(b.key));
}

// The platform's one percent rounding (domain indicators.ts), not a float rounding of its own.
const percent = (part: number, whole: number) => (whole === 0 ? 0 : (percentNumber(part / whole) ?? 0));

async function groupNames(ctx: AppContext, groupBy: RatingGroupBy, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const province = ctx.config.PROVINCE_CODE;
  if (groupBy === 'agency') {
    const rows = await ctx.db
      .selectFrom('agency')
      .select(['code', 'name'])
      .where('provinceCode', '=', province)
      .where('code', 'in', keys)
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }
  if (groupBy === 'procedure') {
    const rows = await ctx.db
      .selectFrom('procedure')
      .select(['code', 'name'])
      .where('provinceCode', '=', province)
      .where('code', 'in', keys)
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }
  const rows = await ctx.db
    .selectFrom('adminUnit')
    .select(['code', 'fullName'])
    .where('code', 'in', keys)
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.code, r.fullName]));
}
