import { randomUUID } from 'node:crypto';
import { CHANNELS, type Channel, DOSSIER_STATES, type DossierState, foldVietnamese, vietnamLocalDate } from '@dvc/domain';
import { type Insertable, sql } from 'kysely';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';
import type { DossierEventTable, DossierTable } from './dossiers.tables';

/**
 * Historical dossiers (DOMAIN.md §9): validated one by one, inserted idempotently on (province_code,
 * code) — importing the same rows twice changes nothing — with a minimal event history (one event per
 * known instant). The only writer of old dossiers; the report aggregates follow through the trigger
 * of migration 010, in the same transaction.
 */
export const IMPORT_COLUMNS = [
  'code',
  'procedure_code',
  'unit_code',
  'channel',
  'submitted_at',
  'received_at',
  'due_at',
  'resolved_at',
  'returned_at',
  'status',
  'withdrawn',
  'components_total',
  'components_digitized',
  'result_digitized',
  'result_electronic',
  'fee_amount',
  'paid_online',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface ImportRecord {
  /** Line in the source file (the header is line 1), for the error report. */
  line: number;
  values: Partial<Record<ImportColumn, string>>;
}

export interface ImportRowError {
  line: number;
  reason: string;
}

export interface ImportResult {
  inserted: number;
  /** Rows whose code was already there (a second import of the same file). */
  duplicates: number;
  errors: ImportRowError[];
}

interface Lookup {
  units: Map<string, Array<{ level: string; validFrom: string | null; validTo: string | null }>>;
  procedures: Map<string, { name: string; provinceLevelBefore: boolean; provinceLevelAfter: boolean; industryTrade: boolean }>;
}

const lookups = new WeakMap<Db, Promise<Lookup>>();
const TWO_TIER_FROM = '2025-07-01';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const FINISHED: ReadonlySet<DossierState> = new Set(['resolved', 'returned', 'not_received', 'stopped']);
const CHUNK = 500;

async function loadLookup(db: Db, provinceCode: string): Promise<Lookup> {
  const [unitRows, procRows] = await Promise.all([
    db.selectFrom('adminUnit').select(['code', 'level', 'validFrom', 'validTo']).execute(),
    db.selectFrom('procedure').select(['code', 'name', 'definition']).where('provinceCode', '=', provinceCode).execute(),
  ]);
  const units: Lookup['units'] = new Map();
  for (const u of unitRows) {
    const list = units.get(u.code) ?? [];
    list.push({ level: u.level, validFrom: u.validFrom, validTo: u.validTo });
    units.set(u.code, list);
  }
  const procedures: Lookup['procedures'] = new Map();
  for (const p of procRows) {
    const a = (p.definition as { authority?: { before2025?: string; from2025?: string; agencyKind?: string } }).authority ?? {};
    procedures.set(p.code, {
      name: p.name,
      provinceLevelBefore: a.before2025 === 'province',
      provinceLevelAfter: a.from2025 === 'province',
      industryTrade: a.agencyKind === 'department_industry_trade',
    });
  }
  return { units, procedures };
}

/** Forget cached reference data (tests that add units or procedures). */
export function resetImportLookup(db: Db): void {
  lookups.delete(db);
}

type Parsed = { row: Insertable<DossierTable>; events: Array<Omit<Insertable<DossierEventTable>, 'dossierId'>> };

function parseInstant(v: string | undefined, name: string): Date | null | string {
  if (v === undefined || v.trim() === '') return null;
  const t = v.trim();
  if (!ISO_INSTANT.test(t) || Number.isNaN(Date.parse(t))) return `${name}: không phải thời điểm ISO 8601 có múi giờ ("${t}")`;
  return new Date(t);
}

function parseBool(v: string | undefined, name: string): boolean | string {
  const t = (v ?? '').trim().toLowerCase();
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  return `${name}: phải là true hoặc false ("${v}")`;
}

function parseCount(v: string | undefined, name: string): number | string {
  const t = (v ?? '').trim();
  if (t === '') return 0;
  if (!/^\d{1,12}$/.test(t)) return `${name}: phải là số nguyên không âm ("${t}")`;
  return Number(t);
}

/** Validates one record; returns the dossier row and its events, or the reason it is refused. */
export function parseImportRecord(rec: ImportRecord, lookup: Lookup, provinceCode: string, now: Date): Parsed | string {
  const v = rec.values;
  const code = (v.code ?? '').trim();
  if (!CODE.test(code)) return `code: mã hồ sơ trống hoặc có ký tự không hợp lệ ("${code}")`;
  const procedure = lookup.procedures.get((v.procedure_code ?? '').trim());
  if (!procedure) return `procedure_code: thủ tục "${v.procedure_code ?? ''}" không có trong danh mục`;
  const channel = (v.channel ?? '').trim() as Channel;
  if (!CHANNELS.includes(channel)) return `channel: phải là một trong ${CHANNELS.join(', ')} ("${v.channel ?? ''}")`;
  const status = (v.status ?? '').trim() as DossierState;
  if (!DOSSIER_STATES.includes(status)) return `status: trạng thái "${v.status ?? ''}" không hợp lệ`;

  const times: Record<string, Date | null> = {};
  for (const k of ['submitted_at', 'received_at', 'due_at', 'resolved_at', 'returned_at'] as const) {
    const t = parseInstant(v[k], k);
    if (typeof t === 'string') return t;
    times[k] = t;
  }
  const submittedAt = times.submitted_at;
  if (!submittedAt) return 'submitted_at: bắt buộc';
  if (submittedAt > now) return 'submitted_at: ở tương lai';
  const { received_at: receivedAt, due_at: dueAt, resolved_at: resolvedAt, returned_at: returnedAt } = times;
  if (receivedAt && receivedAt < submittedAt) return 'received_at: sớm hơn submitted_at';
  if (resolvedAt && resolvedAt < (receivedAt ?? submittedAt)) return 'resolved_at: sớm hơn thời điểm nộp/tiếp nhận';
  if (returnedAt && (!resolvedAt || returnedAt < resolvedAt)) return 'returned_at: cần resolved_at và không sớm hơn nó';
  if (FINISHED.has(status) && !resolvedAt) return `resolved_at: bắt buộc khi trạng thái là ${status}`;
  if (!FINISHED.has(status) && status !== 'withdrawn' && resolvedAt)
    return `resolved_at: hồ sơ trạng thái ${status} chưa kết thúc`;
  if (status === 'returned' && !returnedAt) return 'returned_at: bắt buộc khi trạng thái là returned';

  const withdrawn = parseBool(v.withdrawn, 'withdrawn');
  if (typeof withdrawn === 'string') return withdrawn;
  if (withdrawn !== (status === 'withdrawn' || status === 'withdrawal_requested')) {
    return 'withdrawn: không khớp với trạng thái (withdrawn=true chỉ đi với withdrawn hoặc withdrawal_requested)';
  }
  const counts: Record<string, number> = {};
  for (const k of ['components_total', 'components_digitized', 'fee_amount'] as const) {
    const n = parseCount(v[k], k);
    if (typeof n === 'string') return n;
    counts[k] = n;
  }
  if ((counts.components_digitized ?? 0) > (counts.components_total ?? 0))
    return 'components_digitized: lớn hơn components_total';
  const flags: Record<string, boolean> = {};
  for (const k of ['result_digitized', 'result_electronic', 'paid_online'] as const) {
    const b = parseBool(v[k], k);
    if (typeof b === 'string') return b;
    flags[k] = b;
  }

  const day = vietnamLocalDate(submittedAt);
  const unitCode = (v.unit_code ?? '').trim();
  const unit = lookup.units
    .get(unitCode)
    ?.find((u) => (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || day < u.validTo));
  if (!unit) return `unit_code: đơn vị hành chính "${unitCode}" không tồn tại vào ngày ${day}`;
  const oldEra = day < TWO_TIER_FROM;
  const agencyCode =
    (oldEra ? procedure.provinceLevelBefore : procedure.provinceLevelAfter) || unit.level === 'province'
      ? procedure.industryTrade
        ? 'SCT'
        : 'TTPVHCC'
      : oldEra
        ? `UBND.${unit.level === 'district' ? 'H' : 'X'}${unitCode}`
        : `UBND.${unitCode}`;

  const finishedAt = FINISHED.has(status) ? resolvedAt : null;
  // The CSV has no withdrawal instant: the end instant (resolved_at) when given, else the last known one.
  const withdrawnAt = status === 'withdrawn' ? (resolvedAt ?? receivedAt ?? submittedAt) : null;
  const snapshot: Record<string, unknown> = { status, channel, submittedAt, supplementCount: 0, apologyCount: 0 };
  if (receivedAt) snapshot.receivedAt = receivedAt;
  if (dueAt) snapshot.dueAt = dueAt;
  if (finishedAt) snapshot.finishedAt = finishedAt;
  if (status === 'resolved' || status === 'returned') snapshot.resolvedAt = resolvedAt;
  if (returnedAt) snapshot.returnedAt = returnedAt;
  if (withdrawnAt) snapshot.withdrawnAt = withdrawnAt;

  const row: Insertable<DossierTable> = {
    id: randomUUID(),
    provinceCode,
    code,
    procedureCode: (v.procedure_code ?? '').trim(),
    agencyCode,
    unitCode,
    applicantId: null,
    applicantName: 'Dữ liệu lịch sử',
    applicantPhone: null,
    applicantCitizenId: null,
    filedBy: null,
    channel,
    status,
    step: null,
    delivery: flags.result_electronic ? 'electronic' : null,
    form: '{}',
    snapshot: JSON.stringify(snapshot),
    submittedAt,
    receivedAt,
    dueAt,
    finishedAt,
    returnedAt,
    withdrawnAt,
    supplementCount: 0,
    apologyCount: 0,
    assigneeId: null,
    feeAmount: counts.fee_amount ?? 0,
    paidOnline: flags.paid_online ?? false,
    componentsTotal: counts.components_total ?? 0,
    componentsDigitized: counts.components_digitized ?? 0,
    resultDigitized: flags.result_digitized ?? false,
    resultElectronic: flags.result_electronic ?? false,
    specialCaseReason: null,
    groupCode: null,
    searchText: foldVietnamese(`${code} ${procedure.name}`),
    updatedAt: now,
  };
  return { row, events: historyOf(provinceCode, row, status, resolvedAt ?? null) };
}

function historyOf(provinceCode: string, d: Insertable<DossierTable>, status: DossierState, resolvedAt: Date | null) {
  const base = {
    provinceCode,
    fromStep: null,
    toStep: null,
    actorId: null,
    actorRole: 'system',
    note: 'Nhập dữ liệu lịch sử',
    payload: '{"import":true}',
  };
  const creation = d.channel === 'direct' ? 'record_at_counter' : d.channel === 'phone' ? 'file_by_phone' : 'submit_online';
  const counter = d.channel === 'direct';
  const steps: Array<{ type: string; from: string | null; to: string; at: Date }> = [
    { type: creation, from: null, to: counter ? 'received' : 'new', at: d.submittedAt as Date },
  ];
  let current = steps[0]?.to ?? 'new';
  const push = (type: string, to: string, at: Date | null | undefined) => {
    if (!at) return;
    steps.push({ type, from: current, to, at });
    current = to;
  };
  if (!counter) push('receive', 'received', (d.receivedAt ?? null) as Date | null);
  if (status === 'not_received') push('refuse', 'not_received', resolvedAt);
  if (status === 'stopped') push('stop', 'stopped', resolvedAt);
  if (status === 'resolved' || status === 'returned') push('resolve', 'resolved', resolvedAt);
  if (status === 'returned') push('return_result', 'returned', d.returnedAt as Date | null);
  if (status === 'withdrawal_requested')
    push('request_withdrawal', 'withdrawal_requested', (d.receivedAt ?? d.submittedAt) as Date);
  if (status === 'withdrawn') push('accept_withdrawal', 'withdrawn', d.withdrawnAt as Date | null);
  if (current !== status) steps.push({ type: 'import', from: current, to: status, at: steps[steps.length - 1]?.at as Date });
  return steps.map((s, i) => ({ ...base, seq: i + 1, type: s.type, fromStatus: s.from, toStatus: s.to, at: s.at }));
}

/**
 * Validates and inserts historical dossiers. Bad rows are reported with their line and reason and
 * never stop the good ones; a code already present is counted as a duplicate and left untouched.
 * Each call commits in one transaction: the caller (the CLI) bounds memory by the batch size.
 */
export async function importHistoricalDossiers(ctx: AppContext, records: ImportRecord[]): Promise<ImportResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  let lookupP = lookups.get(ctx.db);
  if (!lookupP) {
    lookupP = loadLookup(ctx.db, provinceCode);
    lookups.set(ctx.db, lookupP);
  }
  const lookup = await lookupP;
  const now = ctx.now();
  const errors: ImportRowError[] = [];
  const good: Parsed[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const rec of records) {
    const p = parseImportRecord(rec, lookup, provinceCode, now);
    if (typeof p === 'string') errors.push({ line: rec.line, reason: p });
    else if (seen.has(p.row.code as string)) duplicates += 1;
    else {
      seen.add(p.row.code as string);
      good.push(p);
    }
  }
  let inserted = 0;
  if (good.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      // Aggregates in bulk, still in this transaction (migration 010): far faster than the row trigger.
      await sql`select set_config('dvc.report_bulk', 'on', true)`.execute(trx);
      for (let i = 0; i < good.length; i += CHUNK) {
        const chunk = good.slice(i, i + CHUNK);
        const ids = await trx
          .insertInto('dossier')
          .values(chunk.map((g) => g.row))
          .onConflict((oc) => oc.columns(['provinceCode', 'code']).doNothing())
          .returning(['id'])
          .execute();
        const fresh = new Set(ids.map((r) => r.id));
        if (fresh.size > 0) await sql`select report_daily_add_ids(${[...fresh]}::uuid[])`.execute(trx);
        inserted += fresh.size;
        const events = chunk
          .filter((g) => fresh.has(g.row.id))
          .flatMap((g) => g.events.map((e) => ({ ...e, dossierId: g.row.id })));
        for (let j = 0; j < events.length; j += CHUNK * 2) {
          await trx
            .insertInto('dossierEvent')
            .values(events.slice(j, j + CHUNK * 2))
            .execute();
        }
      }
      await sql`select set_config('dvc.report_bulk', 'off', true)`.execute(trx);
    });
  }
  return { inserted, duplicates: duplicates + good.length - inserted, errors };
}
