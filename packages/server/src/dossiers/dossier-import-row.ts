import { randomUUID } from 'node:crypto';
import { CHANNELS, type Channel, DOSSIER_STATES, type DossierState, vietnamLocalDate } from '@dvc/domain';
import type { Insertable } from 'kysely';
import type { DossierTable } from './dossiers.tables';

/**
 * One row of the historical import (DOMAIN.md §9), checked on its own: the columns, the reason a row
 * is refused (by column), and the dossier row and events it becomes.
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
  /** The CSV column at fault ('' when the row as a whole is refused, e.g. a wrong number of columns). */
  column: string;
  /** Vietnamese, starting with the column: "submitted_at: ngày không tồn tại (…)". */
  reason: string;
  /** The code is already there (in the file or the database) with other data. */
  conflict?: true;
}

/** Why one row is refused, before its line is known. */
export type RowRefusal = Omit<ImportRowError, 'line'>;

export function refuse(column: string, message: string): RowRefusal {
  return { column, reason: column ? `${column}: ${message}` : message };
}

export interface ImportLookup {
  units: Map<string, Array<{ level: string; validFrom: string | null; validTo: string | null }>>;
  procedures: Map<
    string,
    /** foldedName: foldVietnamese(name), once per procedure rather than once per row. */
    { foldedName: string; provinceLevelBefore: boolean; provinceLevelAfter: boolean; industryTrade: boolean }
  >;
}

const TWO_TIER_FROM = '2025-07-01';
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|([+-])(\d{2}):?(\d{2}))$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const FINISHED: ReadonlySet<DossierState> = new Set(['resolved', 'returned', 'not_received', 'stopped']);
/** Column limits of migration 007: integer columns, and fee_amount bigint kept exact in a JS number. */
const COUNT_MAX = { components_total: 2_147_483_647, components_digitized: 2_147_483_647, fee_amount: Number.MAX_SAFE_INTEGER };
const number = new Intl.NumberFormat('vi-VN');

/** One event of the minimal history, in order: its type, from and to status, and instant. */
export type ImportStep = [type: string, fromStatus: string | null, toStatus: string, at: Date];
export type ParsedImportRow = { row: Insertable<DossierTable>; events: ImportStep[] };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Date.parse shifts what does not exist (30 Feb → 2 Mar): every field is checked against its range first.
function parseInstant(v: string | undefined, name: string): Date | null | RowRefusal {
  if (v === undefined || v.trim() === '') return null;
  const t = v.trim();
  const m = ISO_INSTANT.exec(t);
  if (!m) return refuse(name, `không phải thời điểm ISO 8601 có múi giờ ("${t}")`);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return refuse(name, `ngày không tồn tại ("${t}")`);
  if (hour > 23 || minute > 59 || second > 59) return refuse(name, `giờ không tồn tại ("${t}")`);
  if (m[9] && (Number(m[10]) > 14 || Number(m[11]) > 59)) return refuse(name, `múi giờ không hợp lệ ("${t}")`);
  const at = new Date(t);
  if (Number.isNaN(at.getTime())) return refuse(name, `không phải thời điểm ISO 8601 có múi giờ ("${t}")`);
  return at;
}

function parseBool(v: string | undefined, name: string): boolean | RowRefusal {
  const t = (v ?? '').trim().toLowerCase();
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  return refuse(name, `phải là true hoặc false ("${v}")`);
}

function parseCount(v: string | undefined, name: keyof typeof COUNT_MAX): number | RowRefusal {
  const t = (v ?? '').trim();
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return refuse(name, `phải là số nguyên không âm ("${t}")`);
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > COUNT_MAX[name])
    return refuse(name, `vượt quá giới hạn ${number.format(COUNT_MAX[name])} ("${t}")`);
  return n;
}

const refused = (x: unknown): x is RowRefusal => typeof x === 'object' && x !== null && 'reason' in x;

/** Validates one record; returns the dossier row and its events, or the reason it is refused. */
export function parseImportRecord(
  rec: ImportRecord,
  lookup: ImportLookup,
  provinceCode: string,
  now: Date,
): ParsedImportRow | RowRefusal {
  const v = rec.values;
  const code = (v.code ?? '').trim();
  if (!CODE.test(code)) return refuse('code', `mã hồ sơ trống hoặc có ký tự không hợp lệ ("${code}")`);
  const procedure = lookup.procedures.get((v.procedure_code ?? '').trim());
  if (!procedure) return refuse('procedure_code', `thủ tục "${v.procedure_code ?? ''}" không có trong danh mục`);
  const channel = (v.channel ?? '').trim() as Channel;
  if (!CHANNELS.includes(channel)) return refuse('channel', `phải là một trong ${CHANNELS.join(', ')} ("${v.channel ?? ''}")`);
  const status = (v.status ?? '').trim() as DossierState;
  if (!DOSSIER_STATES.includes(status)) return refuse('status', `trạng thái "${v.status ?? ''}" không hợp lệ`);

  const times: Record<string, Date | null> = {};
  for (const k of ['submitted_at', 'received_at', 'due_at', 'resolved_at', 'returned_at'] as const) {
    const t = parseInstant(v[k], k);
    if (refused(t)) return t;
    times[k] = t;
  }
  const { received_at: receivedAt, due_at: dueAt, resolved_at: resolvedAt, returned_at: returnedAt } = times;
  // A counter dossier is filed and received in the same act and has no submission time of its own
  // (DOMAIN.md §9: empty = unknown): it is counted from its reception, as the live counter records it.
  const submittedAt = times.submitted_at ?? (channel === 'direct' ? receivedAt : null);
  if (!submittedAt)
    return channel === 'direct'
      ? refuse('received_at', 'bắt buộc với hồ sơ trực tiếp không có submitted_at')
      : refuse('submitted_at', 'bắt buộc');
  if (submittedAt > now) return refuse(times.submitted_at ? 'submitted_at' : 'received_at', 'ở tương lai');
  if (receivedAt && receivedAt < submittedAt) return refuse('received_at', 'sớm hơn submitted_at');
  if (resolvedAt && resolvedAt < (receivedAt ?? submittedAt)) return refuse('resolved_at', 'sớm hơn thời điểm nộp/tiếp nhận');
  if (returnedAt && (!resolvedAt || returnedAt < resolvedAt)) return refuse('returned_at', 'cần resolved_at và không sớm hơn nó');
  if (FINISHED.has(status) && !resolvedAt) return refuse('resolved_at', `bắt buộc khi trạng thái là ${status}`);
  if (!FINISHED.has(status) && status !== 'withdrawn' && resolvedAt)
    return refuse('resolved_at', `hồ sơ trạng thái ${status} chưa kết thúc`);
  if (status === 'returned' && !returnedAt) return refuse('returned_at', 'bắt buộc khi trạng thái là returned');

  const withdrawn = parseBool(v.withdrawn, 'withdrawn');
  if (refused(withdrawn)) return withdrawn;
  if (withdrawn !== (status === 'withdrawn' || status === 'withdrawal_requested')) {
    return refuse('withdrawn', 'không khớp với trạng thái (withdrawn=true chỉ đi với withdrawn hoặc withdrawal_requested)');
  }
  const counts: Record<string, number> = {};
  for (const k of ['components_total', 'components_digitized', 'fee_amount'] as const) {
    const n = parseCount(v[k], k);
    if (refused(n)) return n;
    counts[k] = n;
  }
  if ((counts.components_digitized ?? 0) > (counts.components_total ?? 0))
    return refuse('components_digitized', 'lớn hơn components_total');
  const flags: Record<string, boolean> = {};
  for (const k of ['result_digitized', 'result_electronic', 'paid_online'] as const) {
    const b = parseBool(v[k], k);
    if (refused(b)) return b;
    flags[k] = b;
  }

  const day = vietnamLocalDate(submittedAt);
  const unitCode = (v.unit_code ?? '').trim();
  const unit = lookup.units
    .get(unitCode)
    ?.find((u) => (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || day < u.validTo));
  if (!unit) return refuse('unit_code', `đơn vị hành chính "${unitCode}" không tồn tại vào ngày ${day}`);
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
    // The same as foldVietnamese(`${code} ${name}`): a code has no diacritics or spaces.
    searchText: procedure.foldedName ? `${code.toLowerCase()} ${procedure.foldedName}` : code.toLowerCase(),
    updatedAt: now,
  };
  return { row, events: historyOf(row, status, resolvedAt ?? null) };
}

/** One event per known instant; the constant columns (system actor, note, payload) are the mover's. */
function historyOf(d: Insertable<DossierTable>, status: DossierState, resolvedAt: Date | null): ImportStep[] {
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
  return steps.map((s) => [s.type, s.from, s.to, s.at]);
}
