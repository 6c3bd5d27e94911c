import type { z } from 'zod';
import { isKnownTopic } from '../procedures/procedure';
import { checkCondition } from './conditions';
import { FIELD_TYPE_NAMES, fieldType } from './field-types';

/**
 * The checks a schema cannot express: every field type exists, keys are unique, conditions and
 * rules only read fields that exist and never depend on themselves, parameters fit their type.
 * Written against the raw input (anything may be malformed), so one refusal lists every problem.
 */

type Path = PropertyKey[];
type Ctx = z.core.$RefinementCtx<unknown>;
interface Entry {
  field: Record<string, unknown>;
  path: Path;
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const ARRAY_TYPES = new Set(['repeat', 'checkboxes', 'vsic-lines']);
const PART_KEYS: Record<string, readonly string[]> = {
  address: ['unitCode', 'street'],
  'vsic-lines': ['code', 'name', 'isMain'],
};

export function checkDefinition(input: unknown, ctx: Ctx): void {
  const def = obj(input) ?? {};
  const report = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const form = obj(def.form);
  const steps = list(form?.steps);
  const top: Entry[] = [];
  const stepIds = new Set<string>();
  steps.forEach((s, i) => {
    const step = obj(s);
    if (typeof step?.id === 'string') {
      if (stepIds.has(step.id)) report(['form', 'steps', i, 'id'], `Mã bước "${step.id}" bị trùng`);
      stepIds.add(step.id);
    }
    list(step?.fields).forEach((f, j) => {
      const field = obj(f);
      if (field) top.push({ field, path: ['form', 'steps', i, 'fields', j] });
    });
  });
  checkScope(top, report);
  list(form?.rules).forEach((r, i) => {
    checkRule(r, ['form', 'rules', i], top, report);
  });

  if (typeof def.topic === 'string' && !isKnownTopic(def.topic) && def.topicName === undefined) {
    report(['topicName'], `Lĩnh vực "${def.topic}" không có sẵn: phải có tên lĩnh vực (topicName)`);
  }

  const notice = obj(def.notice);
  if (notice && typeof notice.eventField === 'string') {
    const target = top.find((e) => e.field.key === notice.eventField);
    if (target?.field.type !== 'date') {
      report(
        ['notice', 'eventField'],
        `Quy tắc báo trước phải chỉ vào một trường ngày của biểu mẫu, không có trường "${notice.eventField}"`,
      );
    }
  }

  const prefillGroups = checkPrefill(top, report);
  const componentIds = new Set<string>();
  list(def.components).forEach((c, i) => {
    const component = obj(c);
    if (typeof component?.id === 'string') {
      if (componentIds.has(component.id)) report(['components', i, 'id'], `Mã thành phần hồ sơ "${component.id}" bị trùng`);
      componentIds.add(component.id);
    }
    const condition = obj(component?.requirement)?.condition;
    if (condition !== undefined) checkConditionReads(condition, ['components', i, 'requirement', 'condition'], top, report);
    if (component?.waivedByVerifiedIdentity === true && prefillGroups === 0)
      report(
        ['components', i, 'waivedByVerifiedIdentity'],
        'Thành phần chỉ được miễn khi biểu mẫu có nhóm thông tin điền từ danh tính đã xác thực (prefill: "verified-identity")',
      );
  });

  const fee = obj(def.fee);
  const reduction = obj(fee?.onlineReduction);
  if (typeof reduction?.from === 'string' && typeof reduction.until === 'string' && reduction.from > reduction.until) {
    report(['fee', 'onlineReduction', 'until'], 'Ngày hết hiệu lực của mức giảm trước ngày bắt đầu');
  }
  checkEras(list(def.authority), report);
  let previous = '';
  list(def.onlineOnly).forEach((p, i) => {
    const from = obj(p)?.from;
    if (typeof from !== 'string') return;
    if (from <= previous)
      report(['onlineOnly', i, 'from'], 'Các chính sách chỉ nhận trực tuyến phải theo thứ tự ngày, không trùng ngày');
    previous = from;
  });
}

/** `prefill` marks one top-level group (the person the citizen is); anywhere else it means nothing. Returns how many. */
function checkPrefill(top: Entry[], report: (path: Path, message: string) => void): number {
  let groups = 0;
  const walk = (entries: Entry[], topLevel: boolean) => {
    for (const { field, path } of entries) {
      if (field.prefill !== undefined) {
        if (!topLevel || field.type !== 'group')
          report([...path, 'prefill'], 'Chỉ một nhóm trường (group) ở cấp ngoài cùng được điền từ danh tính đã xác thực');
        else if (++groups > 1) report([...path, 'prefill'], 'Chỉ một nhóm trường được điền từ danh tính đã xác thực');
      }
      walk(
        list(field.fields).flatMap((f, j) => (obj(f) ? [{ field: obj(f)!, path: [...path, 'fields', j] }] : [])),
        false,
      );
    }
  };
  walk(top, true);
  return groups;
}

function checkEras(eras: unknown[], report: (path: Path, message: string) => void): void {
  let previousUntil: string | undefined;
  eras.forEach((e, i) => {
    const era = obj(e);
    const from = typeof era?.from === 'string' ? era.from : undefined;
    const until = typeof era?.until === 'string' ? era.until : undefined;
    if (from && until && from > until) report(['authority', i, 'until'], 'Thời kỳ kết thúc trước khi bắt đầu');
    if (i > 0 && (previousUntil === undefined || from === undefined || from <= previousUntil)) {
      report(['authority', i, 'from'], 'Các thời kỳ thẩm quyền phải nối tiếp nhau, không chồng lấn');
    }
    previousUntil = until;
  });
}

/** Checks the fields of one object (the form, or a group / repeat item) and then their children. */
function checkScope(entries: Entry[], report: (path: Path, message: string) => void): void {
  const keys = new Map<string, Path>();
  for (const { field, path } of entries) {
    const key = field.key;
    if (typeof key === 'string') {
      if (keys.has(key)) report([...path, 'key'], `Khóa trường "${key}" bị trùng (đã dùng ở ${(keys.get(key) ?? []).join('.')})`);
      else keys.set(key, path);
    }
    const type = typeof field.type === 'string' ? fieldType(field.type) : undefined;
    if (!type) {
      report(
        [...path, 'type'],
        `Loại trường "${String(field.type)}" không có trong thư viện (chỉ dùng: ${FIELD_TYPE_NAMES.join(', ')})`,
      );
      continue;
    }
    const params = type.params.safeParse(field.params ?? {});
    if (!params.success) {
      for (const issue of params.error.issues) report([...path, 'params', ...issue.path], issue.message);
    }
    const children = list(field.fields);
    if (type.hasChildren && children.length === 0) report([...path, 'fields'], 'Nhóm trường phải có ít nhất một trường');
    if (!type.hasChildren && field.fields !== undefined)
      report([...path, 'fields'], `Loại "${field.type}" không chứa trường con`);
    if (!type.hasChildren && field.rules !== undefined) report([...path, 'rules'], `Loại "${field.type}" không có quy tắc riêng`);
    if (field.required === true && field.requiredIf !== undefined) {
      report([...path, 'requiredIf'], 'Không dùng cùng lúc "required": true và "requiredIf"');
    }
    if (field.type === 'citizen-id' && params.success) checkPersonKeys(field, path, entries, report);
    if (type.hasChildren && children.length > 0) {
      const inner = children.flatMap((c, i) => {
        const child = obj(c);
        return child ? [{ field: child, path: [...path, 'fields', i] }] : [];
      });
      checkScope(inner, report);
      list(field.rules).forEach((r, i) => {
        checkRule(r, [...path, 'rules', i], inner, report);
      });
    }
  }
  for (const { field, path } of entries) {
    for (const which of ['visibleIf', 'requiredIf'] as const) {
      if (field[which] !== undefined) checkConditionReads(field[which], [...path, which], entries, report);
    }
  }
  checkCycles(entries, report);
}

function checkPersonKeys(field: Record<string, unknown>, path: Path, siblings: Entry[], report: (p: Path, m: string) => void) {
  const params = obj(field.params) ?? {};
  const find = (key: unknown) => siblings.find((e) => e.field.key === key)?.field;
  if (params.birthDateKey !== undefined && find(params.birthDateKey)?.type !== 'date') {
    report([...path, 'params', 'birthDateKey'], `Không có trường ngày sinh "${String(params.birthDateKey)}" cùng nhóm`);
  }
  if (params.sexKey !== undefined) {
    const sex = find(params.sexKey);
    const values = list(obj(sex?.params)?.options).map((o) => obj(o)?.value);
    if (!sex || !['radio', 'select'].includes(String(sex.type)) || !values.includes('male') || !values.includes('female')) {
      report(
        [...path, 'params', 'sexKey'],
        `Không có trường giới tính "${String(params.sexKey)}" (lựa chọn male/female) cùng nhóm`,
      );
    }
  }
}

/** Whether a dotted path names a field of the scope (into groups, a list's items or `length`, an address's parts). */
export function resolvesIn(entries: ReadonlyArray<{ field: Record<string, unknown> }>, segments: string[]): boolean {
  const [head, ...rest] = segments;
  const field = entries.find((e) => e.field.key === head)?.field;
  if (!field) return false;
  if (rest.length === 0) return true;
  const type = String(field.type);
  const children = list(field.fields).flatMap((c) => (obj(c) ? [{ field: obj(c) as Record<string, unknown> }] : []));
  if (type === 'group') return resolvesIn(children, rest);
  if (ARRAY_TYPES.has(type)) {
    const [index, ...below] = rest;
    if (index === 'length') return below.length === 0;
    if (index !== '*' && !/^\d+$/.test(index ?? '')) return false;
    if (below.length === 0) return true;
    if (type === 'repeat') return resolvesIn(children, below);
    return below.length === 1 && (PART_KEYS[type] ?? []).includes(below[0] as string);
  }
  const parts = PART_KEYS[type];
  return parts !== undefined && rest.length === 1 && parts.includes(rest[0] as string);
}

function checkConditionReads(condition: unknown, path: Path, scope: Entry[], report: (p: Path, m: string) => void) {
  const { reads, problems } = checkCondition(condition);
  for (const p of problems) report([...path, ...p.path], p.message);
  for (const name of reads) {
    if (!resolvesIn(scope, name.split('.'))) report(path, `Điều kiện đọc trường "${name}" không có trong biểu mẫu`);
  }
}

function checkRule(input: unknown, path: Path, scope: Entry[], report: (p: Path, m: string) => void) {
  const rule = obj(input);
  if (!rule) return;
  if (rule.kind === 'logic') {
    if (rule.when !== undefined) checkConditionReads(rule.when, [...path, 'when'], scope, report);
    checkConditionReads(rule.assert, [...path, 'assert'], scope, report);
    if (typeof rule.path === 'string' && rule.path !== '' && !resolvesIn(scope, rule.path.split('.'))) {
      report([...path, 'path'], `Quy tắc báo lỗi ở trường "${rule.path}" không có trong biểu mẫu`);
    }
  } else if (rule.kind === 'unique') {
    list(rule.items).forEach((item, i) => {
      if (typeof item === 'string' && !resolvesIn(scope, item.split('.'))) {
        report([...path, 'items', i], `Quy tắc đọc trường "${item}" không có trong biểu mẫu`);
      }
    });
  }
}

/** A field shown or required depending on itself, directly or through others, can never be filled in. */
function checkCycles(entries: Entry[], report: (p: Path, m: string) => void): void {
  const edges = new Map<string, string[]>();
  const pathOf = new Map<string, Path>();
  for (const { field, path } of entries) {
    if (typeof field.key !== 'string') continue;
    const reads = ['visibleIf', 'requiredIf'].flatMap((w) =>
      field[w] === undefined ? [] : checkCondition(field[w]).reads.map((r) => r.split('.')[0] as string),
    );
    edges.set(field.key, [...new Set(reads)]);
    pathOf.set(field.key, path);
  }
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (key: string, trail: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'open') {
      const cycle = [...trail.slice(trail.indexOf(key)), key];
      const at = cycle[0] as string;
      if (!reported.has(at)) {
        reported.add(at);
        const field = entries.find((e) => e.field.key === at)?.field;
        const which = field?.visibleIf !== undefined ? 'visibleIf' : 'requiredIf';
        report([...(pathOf.get(at) ?? []), which], `Điều kiện tạo thành vòng lặp: ${cycle.join(' → ')}`);
      }
      return;
    }
    state.set(key, 'open');
    for (const next of edges.get(key) ?? []) if (edges.has(next)) visit(next, [...trail, key]);
    state.set(key, 'done');
  };
  for (const key of edges.keys()) visit(key, []);
}
