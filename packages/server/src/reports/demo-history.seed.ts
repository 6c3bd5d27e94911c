import { formatDossierCode, procedureDefinitions } from '@dvc/domain';
import { addDays, rangePeriod } from '@dvc/domain/indicators';
import { sql } from 'kysely';
import { type ImportRecord, importHistoricalDossiers } from '../dossiers/dossier-import';
import type { AppContext } from '../http/context';
import { ensureAgencies } from '../identity/index';
import { registerOperationOf } from '../results/index';

/**
 * Reference data of the reports (always) and a synthetic history of the 2022–2023 pilot (demo only).
 * See ./data/README.md for every number and the decisions behind it.
 */

export const PILOT_GROUP = 'HKD-THI-DIEM';

/**
 * The pilot's two procedures, found in the definitions by what they do (the register issuer's
 * registration and termination), not by their codes.
 */
function householdBusinessProcedure(operation: 'register' | 'terminate'): string {
  const found = procedureDefinitions.PILOT_DEFINITIONS.find(
    (d) => d.result.issuer === 'household-business-register' && registerOperationOf(d) === operation,
  );
  if (!found) throw new Error(`no household business procedure that does "${operation}" among the definitions`);
  return found.code;
}
const REGISTRATION = householdBusinessProcedure('register');
const TERMINATION = householdBusinessProcedure('terminate');
const PILOT_PROCEDURES = [REGISTRATION, TERMINATION];
const CV_5226 = 'Công văn 5226/UBND-TTHC ngày 13/10/2022 của Chủ tịch UBND tỉnh Quảng Ngãi';
const TARGETS = [
  {
    validFrom: '2022-11-01',
    validTo: '2022-12-01',
    onlineRate: 0.3,
    legalBasis: `${CV_5226}: tối thiểu 30% trong tháng 11/2022`,
  },
  { validFrom: '2022-12-01', validTo: '2023-06-01', onlineRate: 0.5, legalBasis: `${CV_5226}: đạt 50% từ tháng 12/2022` },
  {
    validFrom: '2023-06-01',
    validTo: null,
    onlineRate: 1,
    legalBasis: `${CV_5226}; Báo cáo thử nghiệm (seed 002): chỉ tiếp nhận trực tuyến từ tháng 6/2023, trừ trường hợp đặc biệt`,
  },
];
const SEED_002 =
  'Báo cáo kết quả triển khai thử nghiệm giải pháp nộp hồ sơ trực tuyến qua thiết bị di động (Văn phòng UBND tỉnh, 2023)';
export const PHASES = [
  { code: 'thi-diem-gd1', name: 'Thử nghiệm — giai đoạn 1', fromDay: '2022-11-01', toDay: '2022-11-30' },
  { code: 'thi-diem-gd2', name: 'Thử nghiệm — giai đoạn 2', fromDay: '2023-01-03', toDay: '2023-03-21' },
  { code: 'thi-diem-gd3', name: 'Thử nghiệm — giai đoạn 3', fromDay: '2023-03-22', toDay: '2023-05-10' },
];

/** Old district-level People's Committees (before 1 Jul 2025), the authority of the pilot's procedures. */
const DISTRICTS: Array<[code: string, name: string]> = [
  ['522', 'thành phố Quảng Ngãi'],
  ['524', 'huyện Bình Sơn'],
  ['525', 'huyện Trà Bồng'],
  ['527', 'huyện Sơn Tịnh'],
  ['528', 'huyện Tư Nghĩa'],
  ['529', 'huyện Sơn Hà'],
  ['530', 'huyện Sơn Tây'],
  ['531', 'huyện Minh Long'],
  ['532', 'huyện Nghĩa Hành'],
  ['533', 'huyện Mộ Đức'],
  ['534', 'thị xã Đức Phổ'],
  ['535', 'huyện Ba Tơ'],
  ['536', 'huyện Lý Sơn'],
];

interface Segment {
  from: string;
  to: string;
  /** district → [total, direct] */
  counts: Record<string, [number, number]>;
  /** Of the segment's online dossiers, how many came from the app (the rest from the web portal). */
  mobile: number;
}

// Nov 2022 (phase 1): 787 = 499 direct + 288 online (212 web + 76 mobile); classes of seed 000.
// Phase 2: 978 = 142 + 836 (194 + 642). Phase 3: 801 = 17 + 784 (276 + 508, see README).
const SEGMENTS: Segment[] = [
  {
    from: '2022-11-01',
    to: '2022-11-30',
    mobile: 76,
    counts: {
      522: [180, 150],
      524: [110, 40],
      525: [30, 10],
      527: [70, 58],
      528: [75, 75],
      529: [35, 10],
      530: [15, 9],
      531: [15, 5],
      532: [60, 52],
      533: [70, 32],
      534: [80, 25],
      535: [25, 11],
      536: [22, 22],
    },
  },
  {
    from: '2022-12-01',
    to: '2022-12-31',
    mobile: 40,
    counts: {
      522: [22, 9],
      524: [14, 3],
      525: [4, 1],
      527: [9, 4],
      528: [10, 4],
      529: [5, 1],
      530: [2, 1],
      531: [2, 0],
      532: [8, 6],
      533: [9, 2],
      534: [11, 1],
      535: [3, 1],
      536: [1, 0],
    },
  },
  {
    from: '2023-01-03',
    to: '2023-03-21',
    mobile: 642,
    counts: {
      522: [220, 20],
      524: [140, 10],
      525: [40, 12],
      527: [90, 15],
      528: [95, 8],
      529: [45, 0],
      530: [15, 5],
      531: [20, 0],
      532: [80, 60],
      533: [90, 6],
      534: [110, 0],
      535: [28, 6],
      536: [5, 0],
    },
  },
  {
    from: '2023-03-22',
    to: '2023-05-10',
    mobile: 508,
    counts: {
      522: [180, 0],
      524: [115, 0],
      525: [33, 3],
      527: [75, 3],
      528: [78, 0],
      529: [37, 0],
      530: [12, 2],
      531: [16, 0],
      532: [66, 8],
      533: [74, 0],
      534: [90, 0],
      535: [21, 1],
      536: [4, 0],
    },
  },
  {
    from: '2023-05-11',
    to: '2023-05-31',
    mobile: 18,
    counts: {
      522: [7, 0],
      524: [4, 0],
      525: [1, 0],
      527: [3, 0],
      528: [3, 0],
      529: [1, 0],
      530: [1, 0],
      531: [1, 0],
      532: [2, 0],
      533: [3, 0],
      534: [3, 0],
      535: [1, 0],
      536: [0, 0],
    },
  },
];

/** Groups, targets and phases: reference data, loaded on every start (idempotent). */
export async function seedReportSettings(ctx: AppContext): Promise<string[]> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  await ctx.db
    .insertInto('reportProcedureGroup')
    .values({ provinceCode, code: PILOT_GROUP, name: 'Hộ kinh doanh (thí điểm nộp trực tuyến qua ứng dụng di động)' })
    .onConflict((oc) => oc.columns(['provinceCode', 'code']).doNothing())
    .execute();
  await ctx.db
    .insertInto('reportProcedureGroupMember')
    .values(PILOT_PROCEDURES.map((procedureCode) => ({ provinceCode, groupCode: PILOT_GROUP, procedureCode })))
    .onConflict((oc) => oc.columns(['provinceCode', 'groupCode', 'procedureCode']).doNothing())
    .execute();
  await ctx.db
    .insertInto('reportTarget')
    .values(TARGETS.map((t) => ({ provinceCode, groupCode: PILOT_GROUP, ...t })))
    .onConflict((oc) => oc.columns(['provinceCode', 'groupCode', 'validFrom']).doNothing())
    .execute();
  await ctx.db
    .insertInto('reportPhase')
    .values(PHASES.map((p) => ({ provinceCode, ...p, source: SEED_002 })))
    .onConflict((oc) => oc.columns(['provinceCode', 'code']).doNothing())
    .execute();
  return [];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds working days (Mon–Fri; the demo ignores holidays) to a Vietnam day. */
function addWorkingDays(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}

const at = (day: string, hh: number, mm: number) =>
  `${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+07:00`;

/** The synthetic history as import rows (DOMAIN.md §9 format): deterministic, the same on every run. */
export function demoHistoryRecords(): ImportRecord[] {
  const out: ImportRecord[] = [];
  const sequences = new Map<string, number>();
  SEGMENTS.forEach((seg, s) => {
    const days = rangeDays(seg.from, seg.to);
    const online = Object.values(seg.counts).reduce((n, [t, d]) => n + t - d, 0);
    let j = 0;
    for (const [unit] of DISTRICTS) {
      const [total, direct] = seg.counts[unit] ?? [0, 0];
      const rnd = mulberry32(s * 1000 + Number(unit));
      for (let i = 0; i < total; i += 1) {
        // Paper dossiers and online ones interleave through the segment.
        const isDirect = Math.floor(((i + 1) * direct) / total) > Math.floor((i * direct) / total);
        let channel = 'direct';
        if (!isDirect) {
          channel = Math.floor(((j + 1) * seg.mobile) / online) > Math.floor((j * seg.mobile) / online) ? 'mobile' : 'web';
          j += 1;
        }
        const day = days[Math.floor((i * days.length) / total)] as string;
        const registration = i % 10 < 7;
        out.push(dossier(out.length + 2, unit, day, channel, registration, rnd, sequences));
      }
    }
  });
  return out;
}

function rangeDays(from: string, toInclusive: string): string[] {
  const { to } = rangePeriod(from, toInclusive);
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

function dossier(
  line: number,
  unit: string,
  day: string,
  channel: string,
  registration: boolean,
  rnd: () => number,
  seqs: Map<string, number>,
): ImportRecord {
  const agency = `UBND.H${unit}`;
  const seqKey = `${agency}/${day}`;
  const seq = (seqs.get(seqKey) ?? 0) + 1;
  seqs.set(seqKey, seq);
  const hh = 7 + Math.floor(rnd() * 9);
  const mm = Math.floor(rnd() * 60);
  const submitted = at(day, hh, mm);
  const received = channel === 'direct' ? submitted : at(day, Math.min(hh + 1, 17), mm);
  const due = at(addWorkingDays(day, 3), 17, 0);
  const late = rnd() < 0.03;
  const endDay = addWorkingDays(day, late ? 5 : 1 + Math.floor(rnd() * 2));
  const open = endDay > '2023-05-31';
  const withdrawn = !open && rnd() < 0.006;
  const status = open ? 'processing' : withdrawn ? 'withdrawn' : 'returned';
  const resolved = open ? '' : at(endDay, 10, 0);
  const returned = status === 'returned' ? at(endDay, 15, 30) : '';
  const isOnline = channel !== 'direct';
  const fee = registration ? (isOnline ? 50_000 : 100_000) : 0;
  const total = registration ? 3 : 2;
  const digitized = isOnline || rnd() < 0.9 ? total : total - 1;
  const finishedWithResult = status === 'returned';
  return {
    line,
    values: {
      code: formatDossierCode(agency, day, seq),
      procedure_code: registration ? REGISTRATION : TERMINATION,
      unit_code: unit,
      channel,
      submitted_at: submitted,
      received_at: received,
      due_at: due,
      resolved_at: resolved,
      returned_at: returned,
      status,
      withdrawn: String(withdrawn),
      components_total: String(total),
      components_digitized: String(digitized),
      result_digitized: String(finishedWithResult && rnd() < 0.85),
      result_electronic: String(finishedWithResult && isOnline && rnd() < 0.5),
      fee_amount: String(fee),
      paid_online: String(isOnline && fee > 0 && rnd() < 0.7),
    },
  };
}

/**
 * Loads the history once: the old districts' People's Committees as agencies (identity's table,
 * through its ensureAgencies), then the dossiers through the historical import. A second start finds
 * the last dossier and stops there.
 */
export async function seedDemoHistory(ctx: AppContext): Promise<string[]> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const records = demoHistoryRecords();
  const last = records[records.length - 1]?.values.code ?? '';
  const done = await ctx.db
    .selectFrom('dossier')
    .select('id')
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', last)
    .executeTakeFirst();
  if (done) return [];
  await ensureAgencies(
    ctx,
    DISTRICTS.map(([code, name]) => ({
      code: `UBND.H${code}`,
      name: `Ủy ban nhân dân ${name}`,
      unitCode: code,
      level: 'commune' as const,
      kind: 'district_people_committee' as const,
      validTo: '2025-07-01',
    })),
  );
  const result = await importHistoricalDossiers(ctx, records);
  if (result.errors.length > 0) throw new Error(`demo history: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const n = await sql<{
    n: number;
  }>`select count(*)::int as n from dossier where province_code = ${provinceCode} and code like 'UBND.H%'`.execute(ctx.db);
  return [
    `  Dữ liệu lịch sử demo: ${n.rows[0]?.n ?? 0} hồ sơ hộ kinh doanh 11/2022 – 5/2023 (báo cáo: /api/v1/reports/indicators?period=phase:thi-diem-gd3)`,
  ];
}
