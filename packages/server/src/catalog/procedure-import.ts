import { foldVietnamese, procedureDefinitions } from '@dvc/domain';
import { parse } from 'csv-parse/sync';
import type { FieldError } from '../http/problem';
import type { Failure } from '../http/refusal';

/**
 * Reading an import (POST /api/v1/admin/procedures/import): a JSON bundle of definitions, or the
 * national catalog's CSV export (CSDL quốc gia về TTHC) for the facts. This file only reads; the
 * admin service validates every entry and writes each one on its own (procedure-admin.service.ts).
 * The CSV columns and how they map are documented in docs/procedures.md ("Importing the catalog").
 */

type Definition = procedureDefinitions.ProcedureDefinition;
type DefinitionInput = procedureDefinitions.ProcedureDefinitionInput;

/** One entry of an import, before validation: where it came from and what it says. */
export interface ImportEntry {
  /** 1-based position in the bundle, or the CSV line number (the header is line 1). */
  at: number;
  code: string | null;
  /** A JSON entry as given, or a CSV row's facts (merged with the stored form by `definitionFromCsvRow`). */
  source: { kind: 'json'; definition: unknown } | { kind: 'csv'; row: CatalogRow };
}

export type ParsedImport =
  | { ok: true; entries: ImportEntry[]; ignoredColumns: string[] }
  | Failure<'invalid', { errors: FieldError[] }>;

export function readJsonBundle(body: unknown): ParsedImport {
  const list = Array.isArray(body) ? body : (body as { procedures?: unknown } | null)?.procedures;
  if (!Array.isArray(list)) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'procedures', message: 'Gói nhập phải có danh sách "procedures" các định nghĩa thủ tục' }],
    };
  }
  const entries = list.map((definition, i) => {
    const code = (definition as { code?: unknown } | null)?.code;
    return { at: i + 1, code: typeof code === 'string' ? code : null, source: { kind: 'json' as const, definition } };
  });
  return { ok: true, entries, ignoredColumns: [] };
}

/** The national catalog's columns, by what they mean (headers are matched without diacritics or case). */
export const CSV_COLUMNS = {
  code: ['Mã thủ tục', 'Mã TTHC', 'Mã số'],
  name: ['Tên thủ tục', 'Tên TTHC'],
  nameEn: ['Tên tiếng Anh'],
  field: ['Lĩnh vực'],
  agency: ['Cơ quan thực hiện', 'Cơ quan giải quyết'],
  level: ['Mức độ', 'Mức độ DVC', 'Mức độ dịch vụ công trực tuyến'],
  duration: ['Thời hạn giải quyết'],
  fee: ['Phí/lệ phí', 'Phí, lệ phí', 'Lệ phí', 'Phí lệ phí'],
  feeBasis: ['Căn cứ thu phí', 'Căn cứ thu phí, lệ phí'],
  legalBasis: ['Căn cứ pháp lý'],
  components: ['Thành phần hồ sơ'],
  result: ['Kết quả thực hiện', 'Kết quả'],
} as const;
type Column = keyof typeof CSV_COLUMNS;
const REQUIRED: readonly Column[] = ['code', 'name', 'field', 'agency', 'level', 'duration', 'fee', 'legalBasis'];
export type CatalogRow = Partial<Record<Column, string>>;

const headerKey = (h: string) =>
  foldVietnamese(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const COLUMN_OF = new Map<string, Column>(
  Object.entries(CSV_COLUMNS).flatMap(([column, names]) => names.map((n) => [headerKey(n), column as Column] as const)),
);

export function readCatalogCsv(text: string): ParsedImport {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (err) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'csv', message: `Tệp CSV không đọc được: ${(err as Error).message}` }],
    };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, reason: 'invalid', errors: [{ field: 'csv', message: 'Tệp CSV trống' }] };
  const columns = header.map((h) => COLUMN_OF.get(headerKey(h)));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: 'invalid',
      errors: missing.map((c) => ({ field: 'csv', message: `Thiếu cột "${CSV_COLUMNS[c][0]}"` })),
    };
  }
  const entries = rows.map((cells, i) => {
    const row: CatalogRow = {};
    columns.forEach((column, k) => {
      const value = cells[k]?.trim();
      if (column && value) row[column] = value;
    });
    return { at: i + 2, code: row.code ?? null, source: { kind: 'csv' as const, row } };
  });
  const ignoredColumns = header.filter((_h, k) => columns[k] === undefined);
  return { ok: true, entries, ignoredColumns };
}

const TOPICS: readonly [string, Definition['topic']][] = [
  ['ho kinh doanh', 'ho-kinh-doanh'],
  ['dang ky kinh doanh', 'ho-kinh-doanh'],
  ['thuong mai', 'thuong-mai'],
  ['ho tich', 'ho-tich'],
  ['cu tru', 'cu-tru'],
  ['bao hiem', 'bao-hiem'],
  ['bao tro xa hoi', 'chinh-sach-xa-hoi'],
  ['nguoi co cong', 'chinh-sach-xa-hoi'],
  ['chinh sach xa hoi', 'chinh-sach-xa-hoi'],
];

const AGENCIES: readonly [RegExp, Definition['authority'][number]][] = [
  [/cong an/, { level: 'commune', agencyKind: 'commune_police' }],
  [/bao hiem xa hoi|bhxh/, { level: 'province', agencyKind: 'social_insurance_agency' }],
  [/so cong thuong/, { level: 'province', agencyKind: 'department_industry_trade' }],
  [/(uy ban nhan dan|ubnd) (cap )?huyen/, { level: 'district', agencyKind: 'district_people_committee' }],
  [/(uy ban nhan dan|ubnd) (cap )?(xa|phuong)/, { level: 'commune', agencyKind: 'commune_people_committee' }],
];

const TOPICS_ARE_DATA = 'topicName' in procedureDefinitions.ProcedureDefinitionShape.shape;

const MIB = 1024 * 1024;
const splitList = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n|;/)
    .map((s) => s.replace(/^[-–•+*\d.)\s]+(?=\D)/, '').trim())
    .filter((s) => s.length > 0);
const kebab = (text: string, max: number) =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '') || 'muc';

export function parseDuration(text: string): Definition['legalDuration'] | undefined {
  const folded = foldVietnamese(text);
  const hours = /(\d+)\s*gio/.exec(folded);
  if (hours) return { unit: 'hours', amount: Math.max(1, Number(hours[1])), note: text };
  if (/(ngay )?trong ngay/.test(folded) && !/\d/.test(folded)) return { unit: 'hours', amount: 8, note: text };
  const days = /(\d+)\s*ngay/.exec(folded);
  if (days) return { unit: 'working-days', amount: Number(days[1]), note: text };
  return undefined;
}

type ReadFee = { kind: 'none' } | { kind: 'fixed'; amount: number; payableAt: 'submission' | 'result'; legalBasis?: string };

/** "Lệ phí: 100.000 đồng/hồ sơ (Nghị quyết 11/2022/NQ-HĐND)" → 100000, basis in brackets (or its own column). */
export function parseFee(text: string | undefined, basisColumn: string | undefined): ReadFee | string {
  const folded = foldVietnamese(text ?? '');
  if (folded === '' || /^(khong|mien|0\b|khong thu|khong co)/.test(folded) || /^(phi|le phi)\s*:?\s*khong/.test(folded)) {
    return { kind: 'none' };
  }
  const amount = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(dong|d\b|vnd)/.exec(folded);
  if (!amount) return 'Không đọc được mức phí, lệ phí (ví dụ: "50.000 đồng")';
  const value = Number((amount[1] as string).replace(/[.,]/g, ''));
  if (value === 0) return { kind: 'none' };
  const bracket = /\(([^)]*\d[^)]*)\)/.exec(text ?? '')?.[1]?.trim();
  const basis = basisColumn?.trim() || bracket;
  const payableAt = /nhan ket qua/.test(folded) ? 'result' : 'submission';
  return basis ? { kind: 'fixed', amount: value, payableAt, legalBasis: basis } : { kind: 'fixed', amount: value, payableAt };
}

/** The minimal form of a procedure the CSV brings without one: who asks, how to reach them, what for. */
export function minimalForm(): Definition['form'] {
  return {
    steps: [
      {
        id: 'nguoi-nop',
        title: { vi: 'Thông tin người nộp', en: 'Applicant' },
        fields: [
          { key: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, params: { maxLength: 100 } },
          { key: 'citizenId', type: 'citizen-id', label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' } },
          { key: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' } },
          { key: 'request', type: 'long-text', label: { vi: 'Nội dung đề nghị', en: 'Request' } },
        ],
      },
    ],
  };
}

function componentsOf(text: string | undefined): Definition['components'] {
  const names = splitList(text);
  const used = new Set<string>();
  const list = names.length > 0 ? names : ['Đơn (tờ khai) đề nghị theo mẫu'];
  return list.map((name) => {
    let id = kebab(name, 40);
    for (let n = 2; used.has(id); n++) id = `${kebab(name, 36)}-${n}`;
    used.add(id);
    const folded = foldVietnamese(name);
    const copyKind = /chung thuc/.test(folded) ? 'certified-copy' : /ban sao/.test(folded) ? 'copy' : 'original';
    return {
      id,
      name: { vi: name },
      requirement: { kind: 'mandatory' },
      accepts: ['pdf', 'jpeg', 'png'],
      maxBytes: 10 * MIB,
      copies: 1,
      copyKind,
    };
  });
}

function resultOf(text: string | undefined): Definition['result'] {
  const folded = foldVietnamese(text ?? '');
  const kind = /giay chung nhan/.test(folded)
    ? 'certificate'
    : /^the\b/.test(folded)
      ? 'card'
      : /xac nhan|thong bao/.test(folded)
        ? 'acknowledgement'
        : 'document';
  return { kind, isDocument: kind !== 'acknowledgement', issuer: 'certificate', template: 'giay-xac-nhan' };
}

export type CsvEntryResult =
  | { ok: true; definition: DefinitionInput; warnings: string[] }
  | Failure<'invalid', { errors: FieldError[] }>;

/**
 * The definition a CSV row makes. A new procedure gets a minimal form and one component per line of
 * "Thành phần hồ sơ"; an existing one (`current`) keeps its form, components (filed dossiers name
 * them), result and policies, and takes the row's facts (name, field, level, duration, fee, legal basis).
 */
export function definitionFromCsvRow(row: CatalogRow, current: Definition | undefined): CsvEntryResult {
  const errors: FieldError[] = [];
  const warnings: string[] = [];
  const fail = (column: Column, message: string) => errors.push({ field: CSV_COLUMNS[column][0], message });
  const code = row.code ?? '';
  if (!/^(\d\.\d{6}|QNG-[A-Z0-9-]+)$/.test(code)) fail('code', `Mã thủ tục "${code}" không đúng dạng (ví dụ 1.001612)`);
  if (!row.name) fail('name', 'Thiếu tên thủ tục');
  const field = foldVietnamese(row.field ?? '');
  const known = TOPICS.find(([words]) => field.includes(words))?.[1];
  // Topics are data (bulletin 12:37): another field becomes its own topic, named as the CSV names it,
  // once the definition format has `topicName`; before that, only the six known topics exist.
  const topic = (known ?? (TOPICS_ARE_DATA && row.field ? kebab(row.field, 60) : undefined)) as Definition['topic'] | undefined;
  const topicName = known || !row.field ? undefined : { vi: row.field };
  if (!topic) {
    fail(
      'field',
      `Lĩnh vực "${row.field ?? ''}" chưa có trong danh mục lĩnh vực của DVC (hộ kinh doanh, thương mại, hộ tịch, cư trú, bảo hiểm y tế, chính sách xã hội)`,
    );
  }
  const agency = foldVietnamese(row.agency ?? '');
  const era = AGENCIES.find(([pattern]) => pattern.test(agency))?.[1];
  if (!era)
    fail(
      'agency',
      `Cơ quan thực hiện "${row.agency ?? ''}" chưa nhận diện được (UBND cấp xã, UBND cấp huyện, Sở Công Thương, Công an xã, Bảo hiểm xã hội)`,
    );
  const level = foldVietnamese(row.level ?? '');
  const onlineLevel = /toan trinh|muc do 4|^4$/.test(level)
    ? 'full'
    : /mot phan|muc do 3|^3$/.test(level)
      ? 'partial'
      : undefined;
  if (!onlineLevel) fail('level', `Mức độ "${row.level ?? ''}": DVC tiếp nhận thủ tục trực tuyến toàn trình hoặc một phần`);
  const legalDuration = parseDuration(row.duration ?? '');
  if (!legalDuration) fail('duration', `Không đọc được thời hạn giải quyết "${row.duration ?? ''}" (ví dụ "03 ngày làm việc")`);
  const read = parseFee(row.fee, row.feeBasis);
  const fee = typeof read === 'string' ? read : withBasis(read, current);
  if (typeof fee === 'string') fail('fee', fee);
  const legalBasis = splitList(row.legalBasis);
  if (legalBasis.length === 0) fail('legalBasis', 'Thủ tục phải có căn cứ pháp lý');
  if (errors.length > 0 || !topic || !era || !onlineLevel || !legalDuration || typeof fee === 'string')
    return { ok: false, reason: 'invalid', errors };

  const name = row.name as string;
  if (!current) {
    if (!row.nameEn) warnings.push('Chưa có tên tiếng Anh: tạm dùng tên tiếng Việt');
    warnings.push('Biểu mẫu tối thiểu (họ tên, số định danh, điện thoại, nội dung): bổ sung trường riêng của thủ tục bằng JSON');
    return {
      ok: true,
      warnings,
      definition: {
        code,
        slug: `${kebab(name, 60)}-${kebab(code, 20)}`,
        names: { vi: name, en: row.nameEn ?? name },
        topic,
        ...(topicName ? { topicName } : {}),
        authority: [era],
        onlineLevel,
        legalDuration,
        fee,
        components: componentsOf(row.components),
        result: resultOf(row.result),
        legalBasis,
        form: minimalForm(),
        verify: row.nameEn ? undefined : ['Tên tiếng Anh chưa dịch (tạm dùng tên tiếng Việt)'],
      },
    };
  }
  const last = current.authority[current.authority.length - 1];
  if (last && (last.level !== era.level || last.agencyKind !== era.agencyKind)) {
    warnings.push(
      'Cơ quan thực hiện khác với thẩm quyền hiện hành của định nghĩa: giữ nguyên các thời kỳ thẩm quyền, sửa bằng JSON nếu cần',
    );
  }
  // The stored fee keeps its online reduction (and when it is paid, unless the row says), which the CSV does not carry.
  const keptFee =
    fee.kind === 'fixed' && current.fee.kind === 'fixed'
      ? {
          ...current.fee,
          amount: fee.amount,
          legalBasis: fee.legalBasis,
          payableAt: /nhan ket qua/.test(foldVietnamese(row.fee ?? '')) ? fee.payableAt : current.fee.payableAt,
        }
      : fee;
  return {
    ok: true,
    warnings,
    definition: {
      ...current,
      names: { vi: name, en: row.nameEn ?? current.names.en },
      topic,
      ...(topicName ? { topicName } : {}),
      onlineLevel,
      legalDuration: sameDuration(current.legalDuration, legalDuration) ? current.legalDuration : legalDuration,
      fee: keptFee,
      legalBasis,
    },
  };
}

const NO_BASIS = 'Lệ phí phải có căn cứ pháp lý: ghi ở cột "Căn cứ thu phí" hoặc trong ngoặc sau mức phí';

/** A fee without its basis in the row keeps the stored one, if the amount is the same; else it is refused. */
function withBasis(fee: ReadFee, current: Definition | undefined): Definition['fee'] | string {
  if (fee.kind === 'none' || fee.legalBasis) return fee as Definition['fee'];
  if (current?.fee.kind === 'fixed' && current.fee.amount === fee.amount) return { ...fee, legalBasis: current.fee.legalBasis };
  return NO_BASIS;
}

const sameDuration = (a: Definition['legalDuration'], b: Definition['legalDuration']) =>
  a.unit === b.unit && a.amount === b.amount;
