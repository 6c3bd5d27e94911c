// Builds the administrative-unit data of both eras from the published snapshots
// (/work/shared/data/admin-units, beside the project) into packages/server/src/admin-units/data/.
// Run: node --import tsx scripts/build-admin-units.ts [sourceDir]
// Fails (exit 1) listing every old commune-level unit that maps nowhere and every fragment of the
// merger text it could not match, so a change of the source cannot silently lose history.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldVietnamese } from '@dvc/domain';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = resolve(process.argv[2] ?? join(ROOT, '../shared/data/admin-units'));
const OUT = join(ROOT, 'packages/server/src/admin-units/data');

/** The early-2025 commune rearrangement (2024-11 → 2025-03 snapshots). Verify: see data/README.md. */
const REARRANGED_2025 = '2025-01-01';
/** Two-tier local government, merged province (Resolutions 202/2025/QH15, 1677/NQ-UBTVQH15). */
const TWO_TIER = '2025-07-01';

type Kind = 'province' | 'city' | 'town' | 'district' | 'ward' | 'commune' | 'township' | 'special_zone';
type Level = 'province' | 'district' | 'commune';

export interface UnitRow {
  code: string;
  name: string;
  fullName: string;
  kind: Kind;
  level: Level;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

interface SrcWard {
  Code: string;
  Name: string;
  FullName: string;
}
interface SrcDistrict extends SrcWard {
  Ward: SrcWard[] | null;
}
interface SrcProvince extends SrcWard {
  District?: SrcDistrict[];
  Wards?: SrcWard[];
}
interface MergerRow {
  ma: string;
  ten: string;
  magoc: string;
  truocsapnhap: string;
}
interface SpellingRow {
  /** The new unit whose merger text holds the fragment. */
  newCode: string;
  /** The fragment as published, without its kind word. */
  fragment: string;
  oldCode: string;
  reason: string;
}
interface Exceptions {
  spellings: SpellingRow[];
  absorbed: ExceptionRow[];
}
interface ExceptionRow {
  oldCode: string;
  /** Map like this unit (it was absorbed into it before the 2025 merger)… */
  follows?: string;
  /** …or straight to these new units. */
  newCodes?: string[];
  reason: string;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(SOURCE, file), 'utf8')) as T;

// Longest prefixes first: "Thành phố" before nothing, "Thị trấn" before "Thị xã" does not matter.
const KIND_PREFIXES: [string, Kind][] = [
  ['Thành phố', 'city'],
  ['Thị xã', 'town'],
  ['Thị trấn', 'township'],
  ['Huyện', 'district'],
  ['Phường', 'ward'],
  ['Xã', 'commune'],
  ['Đặc khu', 'special_zone'],
  ['Tỉnh', 'province'],
];

function kindOf(fullName: string): Kind {
  const nfc = fullName.normalize('NFC');
  for (const [prefix, kind] of KIND_PREFIXES) if (nfc.startsWith(`${prefix} `)) return kind;
  throw new Error(`unknown kind of unit: ${fullName}`);
}

const nfc = (s: string) => s.normalize('NFC').trim();

function unit(src: SrcWard, level: Level, parentCode: string | null, validFrom: string | null, validTo: string | null): UnitRow {
  return {
    code: src.Code,
    name: nfc(src.Name),
    fullName: nfc(src.FullName),
    kind: kindOf(src.FullName),
    level,
    parentCode,
    validFrom,
    validTo,
  };
}

/** Units of one old snapshot, all with open validity (set afterwards). */
function flatten(snapshot: SrcProvince[]): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const p of snapshot) {
    rows.push(unit(p, 'province', null, null, null));
    for (const d of p.District ?? []) {
      rows.push(unit(d, 'district', p.Code, null, null));
      for (const w of d.Ward ?? []) rows.push(unit(w, 'commune', d.Code, null, null));
    }
  }
  return rows;
}

const same = (a: UnitRow, b: UnitRow) =>
  a.name === b.name && a.fullName === b.fullName && a.kind === b.kind && a.parentCode === b.parentCode;

/** Old era: the 2024-11 state, the changes of early 2025, everything ending with the two-tier reform. */
function oldEra(before: UnitRow[], after: UnitRow[]): UnitRow[] {
  const afterByCode = new Map(after.map((u) => [u.code, u]));
  const beforeCodes = new Set(before.map((u) => u.code));
  const rows: UnitRow[] = [];
  for (const b of before) {
    const a = afterByCode.get(b.code);
    if (a && same(a, b)) rows.push({ ...b, validTo: TWO_TIER });
    else {
      rows.push({ ...b, validTo: REARRANGED_2025 });
      if (a) rows.push({ ...a, validFrom: REARRANGED_2025, validTo: TWO_TIER });
    }
  }
  for (const a of after) if (!beforeCodes.has(a.code)) rows.push({ ...a, validFrom: REARRANGED_2025, validTo: TWO_TIER });
  return rows;
}

function newEra(snapshot: SrcProvince[]): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const p of snapshot) {
    rows.push(unit(p, 'province', null, TWO_TIER, null));
    for (const w of p.Wards ?? []) rows.push(unit(w, 'commune', p.Code, TWO_TIER, null));
  }
  return rows;
}

// ---- The merger text -------------------------------------------------------------------------

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
/**
 * Exact spelling, but blind to where the tone mark sits ("Thuỷ" = "Thủy"): each word's tone moved
 * to its end. Unlike folding it keeps "Bình Thạnh" and "Bình Thanh" apart.
 */
const exact = (s: string) =>
  s
    .normalize('NFD')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(TONES, '') + (w.match(TONES) ?? []).join(''))
    .join(' ');

/** Fold for matching; also the "la"/"Ia" slip of the published text (Ia Chim written "la Chim"). */
const key = (s: string) =>
  foldVietnamese(s)
    .replace(/\bla (?=[a-z])/g, 'ia ')
    .replace(/\s*-\s*/g, '-');

const PREFIX_RE = /^(thành phố|thị xã|thị trấn|huyện|phường|xã|đặc khu|tỉnh)\s+/i;

interface Fragment {
  text: string;
  prefix: string | null;
  name: string;
  qualifier: string | null;
}

/** "Phường A (thành phố X), B, C" → three fragments, the kind word carried forward. */
function fragments(text: string): Fragment[] {
  const parts = text
    .split(/,|;|\s+và\s+/)
    .map((s) => nfc(s))
    .filter(Boolean);
  const out: Fragment[] = [];
  let prefix: string | null = null;
  for (const part of parts) {
    let rest = part;
    let qualifier: string | null = null;
    const q = /\(([^)]*)\)\s*$/.exec(rest);
    if (q) {
      qualifier = q[1]!.replace(/^thuộc\s+/i, '').trim();
      rest = rest.slice(0, q.index).trim();
    }
    const p = PREFIX_RE.exec(rest);
    if (p) {
      prefix = p[1]!.toLowerCase();
      rest = rest.slice(p[0].length).trim();
    }
    out.push({ text: part, prefix, name: rest, qualifier });
  }
  return out;
}

function main() {
  const before = flatten(read<SrcProvince[]>('before-2025-snapshot-2024-11.json'));
  const after = flatten(read<SrcProvince[]>('before-2025-snapshot-2025-03.json'));
  const now = newEra(read<SrcProvince[]>('from-2025-07-snapshot-2026-07.json'));
  const merger = read<MergerRow[]>('merger-2025-07-quang-ngai.json');
  const exceptions = JSON.parse(readFileSync(join(OUT, 'mapping-exceptions.json'), 'utf8')) as Exceptions;

  const units = [...oldEra(before, after), ...now];
  const byCode = new Map(after.map((u) => [u.code, u]));
  const newCodes = new Set(now.map((u) => u.code));
  const problems: string[] = [];
  const pairs = new Map<string, Set<string>>();
  const link = (oldCode: string, newCode: string) => {
    if (!pairs.has(oldCode)) pairs.set(oldCode, new Set());
    pairs.get(oldCode)!.add(newCode);
  };

  /** Old units (as of 2025-03) a fragment can name, by its kind word. */
  const candidates = (f: Fragment): UnitRow[] => {
    const level: Level =
      f.prefix === 'tỉnh' ? 'province' : ['huyện', 'thị xã', 'thành phố'].includes(f.prefix ?? '') ? 'district' : 'commune';
    return after.filter(
      (u) => u.level === level && key(u.name) === key(f.name) && (f.prefix === null || key(u.fullName).startsWith(key(f.prefix))),
    );
  };
  const districtOf = (u: UnitRow) => (u.level === 'commune' ? byCode.get(u.parentCode ?? '') : undefined);

  for (const row of merger) {
    if (!newCodes.has(row.ma)) {
      problems.push(`merger row ${row.ma} ${row.ten}: no such unit in the 2025-07 snapshot`);
      continue;
    }
    if (/^giữ nguyên$/i.test(nfc(row.truocsapnhap))) {
      // Unchanged: the old unit of the same name (the same code when there are several).
      const name = key(now.find((u) => u.code === row.ma)!.fullName);
      const found = after.filter((u) => u.level === 'commune' && key(u.fullName) === name);
      const pick = found.length === 1 ? found[0] : found.find((u) => u.code === row.ma);
      if (pick) link(pick.code, row.ma);
      else problems.push(`merger row ${row.ma} ${row.ten}: "giữ nguyên" but ${found.length} old units of that name`);
      continue;
    }
    for (const f of fragments(row.truocsapnhap)) {
      const spelled = exceptions.spellings.find((x) => x.newCode === row.ma && key(x.fragment) === key(f.name));
      let found = spelled ? after.filter((u) => u.code === spelled.oldCode) : candidates(f);
      if (found.length > 1) {
        const strict = found.filter((u) => exact(u.name) === exact(f.name));
        if (strict.length > 0) found = strict;
      }
      if (found.length > 1 && f.qualifier) {
        const q = key(f.qualifier);
        found = found.filter((u) => key(districtOf(u)?.fullName ?? '') === q);
      }
      if (found.length > 1) {
        // Same name twice in the old province list: the one that kept its code is the one meant.
        const byNewCode = found.filter((u) => u.code === row.ma);
        if (byNewCode.length === 1) found = byNewCode;
      }
      if (found.length !== 1) {
        problems.push(`merger row ${row.ma} ${row.ten}: fragment "${f.text}" matches ${found.length} old units`);
        continue;
      }
      const old = found[0]!;
      link(old.code, row.ma);
      // A whole district named ("Huyện Lý Sơn") carries its communes with it.
      if (old.level === 'district') for (const c of after.filter((u) => u.parentCode === old.code)) link(c.code, row.ma);
    }
  }

  for (const sp of exceptions.spellings) if (!sp.reason) problems.push(`spelling ${sp.fragment}: a reason is required`);
  for (const ex of exceptions.absorbed) {
    if (!ex.reason) problems.push(`exception ${ex.oldCode}: a reason is required`);
    const targets = ex.follows ? [...(pairs.get(ex.follows) ?? [])] : (ex.newCodes ?? []);
    if (targets.length === 0) problems.push(`exception ${ex.oldCode}: maps to nothing`);
    for (const t of targets) {
      if (!newCodes.has(t)) problems.push(`exception ${ex.oldCode}: ${t} is not a new unit`);
      link(ex.oldCode, t);
    }
  }

  // A district maps to wherever its communes went (reports that only know the district).
  for (const d of after.filter((u) => u.level === 'district' && !pairs.has(u.code))) {
    for (const c of after.filter((u) => u.parentCode === d.code)) for (const n of pairs.get(c.code) ?? []) link(d.code, n);
  }

  const oldCodes = new Set(units.filter((u) => u.validFrom === null || u.validFrom < TWO_TIER).map((u) => u.code));
  for (const u of after) if (!pairs.has(u.code)) problems.push(`old unit ${u.code} ${u.fullName} maps nowhere`);
  const vanished = before.filter((u) => !byCode.has(u.code) && !pairs.has(u.code));
  for (const u of vanished) problems.push(`old unit ${u.code} ${u.fullName} (gone ${REARRANGED_2025}) maps nowhere`);
  for (const c of pairs.keys()) if (!oldCodes.has(c)) problems.push(`mapping from ${c}: not an old unit`);

  if (problems.length > 0) {
    console.error(`build-admin-units: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  const mapping = [...pairs]
    .flatMap(([oldCode, set]) => [...set].map((newCode) => ({ oldCode, newCode })))
    .sort((a, b) => a.oldCode.localeCompare(b.oldCode) || a.newCode.localeCompare(b.newCode));
  const sorted = units.sort((a, b) => a.code.localeCompare(b.code) || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  writeFileSync(join(OUT, 'units.json'), `${JSON.stringify(sorted, null, 1)}\n`);
  writeFileSync(join(OUT, 'mapping.json'), `${JSON.stringify(mapping, null, 1)}\n`);
  const count = (pred: (u: UnitRow) => boolean) => units.filter(pred).length;
  console.log(
    `build-admin-units: ${units.length} units (old era ${count((u) => u.validTo !== null)}, ` +
      `from ${TWO_TIER} ${count((u) => u.validTo === null)}), ${mapping.length} old → new links → ${OUT}`,
  );
}

main();
