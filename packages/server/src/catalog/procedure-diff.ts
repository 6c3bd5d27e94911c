import { formatDong, type procedureDefinitions } from '@dvc/domain';

/**
 * What changed between two versions of a procedure, for the administrator who reviews an edit:
 * fields and components are matched by their key / id (a field moved to another step is "moved",
 * not "removed and added"), each change says in Vietnamese what it is, with the values before and after.
 */

type Definition = procedureDefinitions.ProcedureDefinition;
type Field = procedureDefinitions.FieldDefinition;

export interface DefinitionChange {
  /** Where: `fee.amount`, `form.fields.owner.citizenId.label`, `components.giay-de-nghi.accepts`. */
  path: string;
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** One sentence for the admin screen. */
  message: string;
  before?: unknown;
  after?: unknown;
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** JSON with object keys sorted, so key order never counts as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : v === undefined ? '(không có)' : JSON.stringify(v));

const FACT_LABELS: Record<string, string> = {
  code: 'Mã thủ tục',
  slug: 'Địa chỉ trang thủ tục',
  'names.vi': 'Tên thủ tục',
  'names.en': 'Tên tiếng Anh',
  topic: 'Lĩnh vực',
  authority: 'Cơ quan có thẩm quyền',
  onlineLevel: 'Mức độ trực tuyến',
  legalDuration: 'Thời hạn giải quyết',
  notice: 'Thời hạn thông báo trước',
  onlineOnly: 'Chính sách chỉ tiếp nhận trực tuyến',
  interlink: 'Liên thông',
  result: 'Kết quả thực hiện',
  verify: 'Thông tin cần xác minh',
};

export function diffDefinitions(before: Definition, after: Definition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const fact = (path: string, a: unknown, b: unknown) => {
    if (same(a, b)) return;
    const label = FACT_LABELS[path] ?? path;
    changes.push({ path, kind: 'changed', message: `${label}: ${describe(a)} → ${describe(b)}`, before: a, after: b });
  };
  for (const key of ['code', 'slug', 'names.vi', 'names.en', 'topic', 'onlineLevel'] as const) {
    fact(key, pick(before, key), pick(after, key));
  }
  fact('authority', before.authority, after.authority);
  fact('legalDuration', before.legalDuration, after.legalDuration);
  fact('notice', before.notice, after.notice);
  diffFee(before.fee, after.fee, changes);
  diffComponents(before.components, after.components, changes);
  fact('result', before.result, after.result);
  fact('onlineOnly', before.onlineOnly, after.onlineOnly);
  fact('interlink', before.interlink, after.interlink);
  diffList('legalBasis', 'Căn cứ pháp lý', before.legalBasis, after.legalBasis, changes);
  diffForm(before.form, after.form, changes);
  fact('verify', before.verify, after.verify);
  return changes;
}

function pick(d: Definition, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], d);
}

function describe(v: unknown): string {
  if (v === undefined) return '(không có)';
  if (typeof v === 'string') return `"${v}"`;
  const o = v as Record<string, unknown>;
  if (o && typeof o === 'object' && 'unit' in o && 'amount' in o) {
    return `${o.amount} ${o.unit === 'hours' ? 'giờ làm việc' : 'ngày làm việc'}`;
  }
  return JSON.stringify(v);
}

function diffFee(a: Definition['fee'], b: Definition['fee'], changes: DefinitionChange[]): void {
  if (same(a, b)) return;
  const money = (fee: Definition['fee']) => (fee.kind === 'none' ? 'không thu' : formatDong(fee.amount));
  if (a.kind !== b.kind || (a.kind === 'fixed' && b.kind === 'fixed' && a.amount !== b.amount)) {
    changes.push({ path: 'fee.amount', kind: 'changed', message: `Lệ phí: ${money(a)} → ${money(b)}`, before: a, after: b });
  }
  if (a.kind !== 'fixed' || b.kind !== 'fixed') return;
  if (!same(a.onlineReduction, b.onlineReduction)) {
    const r = (x: typeof a.onlineReduction) =>
      x ? `giảm ${x.percent}%${x.from ? ` từ ${x.from}` : ''}${x.until ? ` đến ${x.until}` : ''}` : 'không giảm';
    changes.push({
      path: 'fee.onlineReduction',
      kind: 'changed',
      message: `Mức giảm khi nộp trực tuyến: ${r(a.onlineReduction)} → ${r(b.onlineReduction)}`,
      before: a.onlineReduction,
      after: b.onlineReduction,
    });
  }
  if (a.payableAt !== b.payableAt) {
    const when = (p: string) => (p === 'submission' ? 'khi nộp hồ sơ' : 'khi nhận kết quả');
    changes.push({
      path: 'fee.payableAt',
      kind: 'changed',
      message: `Thời điểm nộp lệ phí: ${when(a.payableAt)} → ${when(b.payableAt)}`,
      before: a.payableAt,
      after: b.payableAt,
    });
  }
  if (a.legalBasis !== b.legalBasis) {
    changes.push({
      path: 'fee.legalBasis',
      kind: 'changed',
      message: `Căn cứ thu lệ phí: ${quote(a.legalBasis)} → ${quote(b.legalBasis)}`,
      before: a.legalBasis,
      after: b.legalBasis,
    });
  }
}

function diffList(path: string, label: string, a: readonly string[], b: readonly string[], changes: DefinitionChange[]): void {
  for (const item of a)
    if (!b.includes(item)) changes.push({ path, kind: 'removed', message: `${label}: bỏ ${quote(item)}`, before: item });
  for (const item of b)
    if (!a.includes(item)) changes.push({ path, kind: 'added', message: `${label}: thêm ${quote(item)}`, after: item });
}

const COMPONENT_PARTS: Record<string, string> = {
  requirement: 'điều kiện nộp',
  accepts: 'loại tệp nhận',
  maxBytes: 'dung lượng tối đa',
  copies: 'số bản',
  copyKind: 'loại bản',
  notes: 'ghi chú',
};

function diffComponents(a: Definition['components'], b: Definition['components'], changes: DefinitionChange[]): void {
  const beforeById = new Map(a.map((c) => [c.id, c]));
  const afterById = new Map(b.map((c) => [c.id, c]));
  for (const [id, c] of beforeById) {
    const next = afterById.get(id);
    const path = `components.${id}`;
    if (!next) {
      changes.push({ path, kind: 'removed', message: `Bỏ thành phần hồ sơ "${c.name.vi}"`, before: c });
      continue;
    }
    if (!same(c.name, next.name)) {
      changes.push({
        path: `${path}.name`,
        kind: 'changed',
        message: `Thành phần hồ sơ "${c.name.vi}": đổi tên thành "${next.name.vi}"`,
        before: c.name,
        after: next.name,
      });
    }
    for (const [part, label] of Object.entries(COMPONENT_PARTS)) {
      const x = (c as Record<string, unknown>)[part];
      const y = (next as Record<string, unknown>)[part];
      if (same(x, y)) continue;
      changes.push({
        path: `${path}.${part}`,
        kind: 'changed',
        message: `Thành phần hồ sơ "${next.name.vi}": ${label} ${describe(x)} → ${describe(y)}`,
        before: x,
        after: y,
      });
    }
  }
  for (const [id, c] of afterById) {
    if (!beforeById.has(id)) {
      changes.push({ path: `components.${id}`, kind: 'added', message: `Thêm thành phần hồ sơ "${c.name.vi}"`, after: c });
    }
  }
}

interface PlacedField {
  field: Field;
  /** Step id for a top-level field; the parent's path inside a group. */
  step: string;
  stepTitle: string;
}

/** Every field by its dotted key path (`owner.citizenId`), groups and repeats walked. */
function fieldsByPath(form: Definition['form']): Map<string, PlacedField> {
  const out = new Map<string, PlacedField>();
  const walk = (fields: readonly Field[], prefix: string, step: string, stepTitle: string) => {
    for (const field of fields) {
      const path = prefix ? `${prefix}.${field.key}` : field.key;
      out.set(path, { field, step, stepTitle });
      if (field.fields) walk(field.fields, path, step, stepTitle);
    }
  };
  for (const step of form.steps) walk(step.fields, '', step.id, step.title.vi);
  return out;
}

const FIELD_PARTS: Record<string, string> = {
  type: 'loại trường',
  help: 'hướng dẫn',
  name: 'tên trong thông báo lỗi',
  required: 'bắt buộc',
  requiredIf: 'điều kiện bắt buộc',
  visibleIf: 'điều kiện hiển thị',
  requiredMessage: 'thông báo khi thiếu',
  params: 'tham số',
  rules: 'quy tắc của nhóm',
};

function diffForm(a: Definition['form'], b: Definition['form'], changes: DefinitionChange[]): void {
  const beforeSteps = new Map(a.steps.map((s) => [s.id, s]));
  const afterSteps = new Map(b.steps.map((s) => [s.id, s]));
  for (const [id, s] of beforeSteps) {
    const next = afterSteps.get(id);
    if (!next) changes.push({ path: `form.steps.${id}`, kind: 'removed', message: `Bỏ bước "${s.title.vi}"`, before: s.title });
    else if (!same(s.title, next.title)) {
      changes.push({
        path: `form.steps.${id}.title`,
        kind: 'changed',
        message: `Bước "${s.title.vi}": đổi tiêu đề thành "${next.title.vi}"`,
        before: s.title,
        after: next.title,
      });
    }
  }
  for (const [id, s] of afterSteps) {
    if (!beforeSteps.has(id))
      changes.push({ path: `form.steps.${id}`, kind: 'added', message: `Thêm bước "${s.title.vi}"`, after: s.title });
  }
  if (
    !same(
      a.steps.map((s) => s.id),
      b.steps.map((s) => s.id),
    ) &&
    a.steps.length === b.steps.length
  ) {
    changes.push({
      path: 'form.steps',
      kind: 'moved',
      message: 'Đổi thứ tự các bước',
      before: a.steps.map((s) => s.id),
      after: b.steps.map((s) => s.id),
    });
  }

  const before = fieldsByPath(a);
  const after = fieldsByPath(b);
  for (const [path, { field, stepTitle, step }] of before) {
    const next = after.get(path);
    const where = `form.fields.${path}`;
    if (!next) {
      // A removed group lists once, not once per child.
      const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined;
      if (parent && !after.has(parent)) continue;
      changes.push({
        path: where,
        kind: 'removed',
        message: `Bỏ trường "${field.label.vi}" (bước "${stepTitle}")`,
        before: field,
      });
      continue;
    }
    if (!path.includes('.') && next.step !== step) {
      changes.push({
        path: where,
        kind: 'moved',
        message: `Trường "${field.label.vi}": chuyển từ bước "${stepTitle}" sang bước "${next.stepTitle}"`,
        before: step,
        after: next.step,
      });
    }
    if (!same(field.label, next.field.label)) {
      changes.push({
        path: `${where}.label`,
        kind: 'changed',
        message: `Trường "${field.label.vi}": đổi nhãn thành "${next.field.label.vi}"`,
        before: field.label,
        after: next.field.label,
      });
    }
    for (const [part, label] of Object.entries(FIELD_PARTS)) {
      const x = (field as Record<string, unknown>)[part];
      const y = (next.field as Record<string, unknown>)[part];
      if (same(x, y)) continue;
      changes.push({
        path: `${where}.${part}`,
        kind: 'changed',
        message: `Trường "${next.field.label.vi}": ${label} ${describe(x)} → ${describe(y)}`,
        before: x,
        after: y,
      });
    }
  }
  for (const [path, { field, stepTitle }] of after) {
    if (before.has(path)) continue;
    const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined;
    if (parent && !before.has(parent)) continue;
    changes.push({
      path: `form.fields.${path}`,
      kind: 'added',
      message: `Thêm trường "${field.label.vi}" (bước "${stepTitle}"${field.required === false ? ', không bắt buộc' : ''})`,
      after: field,
    });
  }

  const rulesBefore = new Map((a.rules ?? []).map((r) => [r.id, r]));
  const rulesAfter = new Map((b.rules ?? []).map((r) => [r.id, r]));
  for (const [id, r] of rulesBefore) {
    const next = rulesAfter.get(id);
    if (!next) changes.push({ path: `form.rules.${id}`, kind: 'removed', message: `Bỏ quy tắc "${r.message}"`, before: r });
    else if (!same(r, next))
      changes.push({
        path: `form.rules.${id}`,
        kind: 'changed',
        message: `Sửa quy tắc "${next.message}"`,
        before: r,
        after: next,
      });
  }
  for (const [id, r] of rulesAfter) {
    if (!rulesBefore.has(id))
      changes.push({ path: `form.rules.${id}`, kind: 'added', message: `Thêm quy tắc "${r.message}"`, after: r });
  }
}
