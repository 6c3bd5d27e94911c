import type { TransitionRecord } from '@dvc/domain';
import type { Insertable, Selectable } from 'kysely';
import { type Kysely, type OperationNodeSource, sql } from 'kysely';
import type { Db } from '../db/database';
import { insertTogether } from '../db/insert-together';
import type { Database } from '../db/schema';
import { recordNewDossiers } from '../reports/index';
import type { DossierTable } from './dossiers.tables';

export type DossierRow = Selectable<DossierTable>;
type Tx = Kysely<Database>;

/**
 * Reserves `count` numbers of each code prefix's daily sequence (Circular 01/2018 art. 19: 4 digits a
 * day) in one statement; answers the first number reserved for each agency.
 */
export async function reserveDailySequences(
  trx: Tx,
  provinceCode: string,
  day: string,
  counts: Map<string, number>,
): Promise<Map<string, number>> {
  const rows = await trx
    .insertInto('dossierCodeSequence')
    .values(
      // In code order, so that two servers reserving for the same desks lock their rows in one order.
      [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([agencyCode, n]) => ({ provinceCode, agencyCode, day, lastValue: n })),
    )
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'agencyCode', 'day'])
        .doUpdateSet({ lastValue: sql`dossier_code_sequence.last_value + excluded.last_value` }),
    )
    .returning(['agencyCode', 'lastValue'])
    .execute();
  return new Map(rows.map((r) => [r.agencyCode, r.lastValue - counts.get(r.agencyCode)! + 1]));
}

/**
 * The leading part of each agency's dossier codes: its code prefix set by the administrators, or its
 * own code when it has none (every agency before issue 13, so their codes and counters go on as
 * they were). The daily counter is kept per prefix, not per agency: two agencies sharing one prefix
 * draw from one sequence, so their codes can neither collide nor leave gaps.
 */
export async function codePrefixes(trx: Tx, provinceCode: string, agencyCodes: string[]): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('agency')
    .select(['code', 'codePrefix'])
    .where('provinceCode', '=', provinceCode)
    .where('code', 'in', agencyCodes)
    .execute();
  const prefixes = new Map(rows.map((r) => [r.code, r.codePrefix ?? r.code]));
  for (const code of agencyCodes) if (!prefixes.has(code)) prefixes.set(code, code);
  return prefixes;
}

/** Whether a write failed because a dossier already holds one of its codes. */
export function isCodeTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === 'dossier_province_code_code_key';
}

/**
 * Moves each desk's counter of `day` past the highest number already stored under its codes — a
 * dossier that came in with a code of that day without taking it from the counter (an import), which
 * every new filing of the desk would otherwise collide with, since failed writes take no number.
 */
export async function advanceSequencesPastStoredCodes(
  trx: Tx,
  provinceCode: string,
  day: string,
  agencyCodes: string[],
): Promise<void> {
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  for (const agencyCode of agencyCodes) {
    await sql`update dossier_code_sequence set last_value = greatest(last_value, coalesce((
        select least(max(substring(code from '[0-9]+$')::numeric), 999999999)::integer from dossier
        where province_code = ${provinceCode} and code like ${`${agencyCode}-${yymmdd}-%`}), 0))
      where province_code = ${provinceCode} and agency_code = ${agencyCode} and day = ${day}`.execute(trx);
  }
}

/**
 * Inserts new dossiers and, in the same statement, the rows that go with them (`alongWith`, built by
 * their owners: events, messages, attachments…); then their change rows for the report aggregates, all
 * at once (decision 014).
 */
export async function insertDossiers(
  trx: Tx,
  rows: Array<Insertable<DossierTable> & { id: string }>,
  alongWith: Array<OperationNodeSource | undefined> = [],
): Promise<void> {
  await insertTogether(trx, [trx.insertInto('dossier').values(rows), ...alongWith]);
  const [first] = rows;
  if (first)
    await recordNewDossiers(
      trx,
      first.provinceCode,
      rows.map((r) => r.id),
    );
}

export interface NewDossierEvent {
  provinceCode: string;
  dossierId: string;
  seq: number;
  record: TransitionRecord;
}

export async function appendDossierEvent(
  trx: Tx,
  provinceCode: string,
  dossierId: string,
  seq: number,
  record: TransitionRecord,
): Promise<void> {
  await dossierEventsInsert(trx, [{ provinceCode, dossierId, seq, record }]).execute();
}

/** The INSERT of these events, not yet run (for insertDossiers' `alongWith`). */
export function dossierEventsInsert(trx: Tx, events: NewDossierEvent[]) {
  return trx.insertInto('dossierEvent').values(
    events.map(({ provinceCode, dossierId, seq, record }) => ({
      provinceCode,
      dossierId,
      seq,
      type: record.event,
      fromStatus: record.from,
      toStatus: record.to,
      fromStep: record.fromStep ?? null,
      toStep: record.toStep ?? null,
      actorId: record.actorUserId && /^[0-9a-f-]{36}$/.test(record.actorUserId) ? record.actorUserId : null,
      actorRole: record.actorRole,
      at: record.at,
      note: record.note ?? null,
      payload: JSON.stringify(record.payload),
    })),
  );
}

export async function findDossierRow(db: Tx, provinceCode: string, code: string, lock = false): Promise<DossierRow | undefined> {
  let q = db.selectFrom('dossier').selectAll().where('provinceCode', '=', provinceCode).where('code', '=', code);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listDossierEvents(db: Db, dossierId: string) {
  return db.selectFrom('dossierEvent').selectAll().where('dossierId', '=', dossierId).orderBy('seq').execute();
}

export async function listDossierAttachments(db: Db, dossierId: string) {
  return db.selectFrom('dossierAttachment').selectAll().where('dossierId', '=', dossierId).orderBy('id').execute();
}

export async function listByApplicant(db: Db, provinceCode: string, applicantId: string, limit = 100) {
  return db
    .selectFrom('dossier')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('applicantId', '=', applicantId)
    .orderBy('submittedAt', 'desc')
    .limit(limit)
    .execute();
}

export const OFFICER_TABS = ['new', 'received', 'processing', 'supplement', 'resolved', 'withdrawal', 'finished', 'all'] as const;
export type OfficerTab = (typeof OFFICER_TABS)[number];

const TAB_STATUSES: Record<Exclude<OfficerTab, 'all'>, string[]> = {
  new: ['new'],
  received: ['received'],
  processing: ['processing', 'financial_obligation_requested'],
  supplement: ['supplement_requested'],
  resolved: ['resolved'],
  withdrawal: ['withdrawal_requested'],
  finished: ['returned', 'not_received', 'withdrawn', 'stopped'],
};

export interface OfficerFilter {
  provinceCode: string;
  /** null = every agency of the province (province-level roles). */
  agencyCodes: string[] | null;
  tab: OfficerTab;
  procedureCode?: string;
  channel?: string;
  /** Folded search words (code or applicant name). */
  words: string[];
  dueSoonBefore?: Date;
  overdueAt?: Date;
  receivedFrom?: Date;
  receivedTo?: Date;
  limit: number;
}

function scoped(db: Db, f: OfficerFilter) {
  let q = db.selectFrom('dossier').where('provinceCode', '=', f.provinceCode);
  if (f.agencyCodes) q = q.where('agencyCode', 'in', f.agencyCodes.length ? f.agencyCodes : ['']);
  if (f.procedureCode) q = q.where('procedureCode', '=', f.procedureCode);
  if (f.channel) q = q.where('channel', '=', f.channel);
  for (const w of f.words) q = q.where('searchText', 'like', `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.receivedFrom) q = q.where('receivedAt', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('receivedAt', '<', f.receivedTo);
  return q;
}

export async function listForOfficer(db: Db, f: OfficerFilter) {
  let q = scoped(db, f).selectAll();
  if (f.tab !== 'all') q = q.where('status', 'in', TAB_STATUSES[f.tab]);
  if (f.overdueAt) q = q.where('finishedAt', 'is', null).where('dueAt', '<', f.overdueAt);
  if (f.dueSoonBefore && f.overdueAt) q = q.where('dueAt', '<', f.dueSoonBefore);
  else if (f.dueSoonBefore) q = q.where('finishedAt', 'is', null).where('dueAt', '<', f.dueSoonBefore);
  return q.orderBy('dueAt', 'asc').orderBy('submittedAt', 'desc').limit(f.limit).execute();
}

/** Counters per tab (and overdue / due soon) for the same scope and filters. */
export async function countForOfficer(db: Db, f: OfficerFilter, now: Date, dueSoonBefore: Date) {
  const row = await scoped(db, f)
    .select((eb) => [
      ...Object.entries(TAB_STATUSES).map(([tab, statuses]) =>
        eb.fn.countAll<number>().filterWhere('status', 'in', statuses).as(tab),
      ),
      eb.fn.countAll<number>().as('all'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) =>
          w.and([
            w('finishedAt', 'is', null),
            w('dueAt', '<', now),
            w('status', 'not in', ['supplement_requested', 'financial_obligation_requested']),
          ]),
        )
        .as('overdue'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('finishedAt', 'is', null), w('dueAt', '>=', now), w('dueAt', '<', dueSoonBefore)]))
        .as('dueSoon'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<
    OfficerTab | 'overdue' | 'dueSoon',
    number
  >;
}
