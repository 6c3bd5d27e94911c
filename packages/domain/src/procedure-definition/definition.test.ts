import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { catalogFactsOf } from './catalog-facts';
import { compileDefinition } from './compile';
import type { FieldDefinition } from './form-schema';
import { PILOT_DEFINITIONS } from './pilot/index';
import { sampleDefinition } from './test-fixtures';
import { validateProcedureDefinition } from './validate';

// biome-ignore lint/suspicious/noExplicitAny: the cases bend a definition into wrong shapes on purpose
type Bend = (d: any) => void;

function problems(bend: Bend): Array<{ field: string; message: string }> {
  const definition = structuredClone(sampleDefinition());
  bend(definition);
  const r = validateProcedureDefinition(definition);
  return r.ok ? [] : r.errors;
}

function refusedAt(bend: Bend, field: string, message: RegExp): void {
  const errors = problems(bend);
  const hit = errors.find((e) => e.field === field);
  assert.ok(hit, `no problem at ${field}: ${JSON.stringify(errors)}`);
  assert.match(hit.message, message);
}

const fields = (d: { form: { steps: Array<{ fields: FieldDefinition[] }> } }) => d.form.steps[0]?.fields as FieldDefinition[];

test('the sample and the four pilot definitions are valid', () => {
  const sample = validateProcedureDefinition(sampleDefinition());
  assert.equal(sample.ok, true, JSON.stringify(!sample.ok && sample.errors));
  assert.equal(PILOT_DEFINITIONS.length, 4);
  for (const d of PILOT_DEFINITIONS) assert.equal(validateProcedureDefinition(d).ok, true, d.code);
});

test('an unknown field type is refused at the path of its field, naming the library', () => {
  refusedAt(
    (d) => (fields(d)[1]!.type = 'signature'),
    'form.steps.0.fields.1.type',
    /"signature" không có trong thư viện.*citizen-id/,
  );
  // "__proto__" and other object keys are not types either.
  refusedAt((d) => (fields(d)[0]!.type = 'toString'), 'form.steps.0.fields.0.type', /không có trong thư viện/);
});

test('a key used twice in the same block is refused, across steps too', () => {
  refusedAt((d) => (fields(d)[2]!.key = 'fullName'), 'form.steps.0.fields.2.key', /Khóa trường "fullName" bị trùng/);
  refusedAt(
    (d) =>
      d.form.steps.push({
        id: 'buoc-2',
        title: { vi: 'Bước 2' },
        fields: [{ key: 'delivery', type: 'text', label: { vi: 'X' } }],
      }),
    'form.steps.1.fields.0.key',
    /"delivery" bị trùng/,
  );
  // The same key in two different groups is fine (owner.fullName, members.*.fullName).
  assert.deepEqual(
    problems((d) =>
      fields(d).push({
        key: 'owner',
        type: 'group',
        label: { vi: 'Chủ hộ' },
        fields: [{ key: 'fullName', type: 'text', label: { vi: 'Họ tên' } }],
      }),
    ),
    [],
  );
});

test('a condition or a rule that reads an unknown field is refused with the path of the condition', () => {
  refusedAt(
    (d) => (fields(d)[2]!.visibleIf = { '==': [{ var: 'deliveryMode' }, 'post'] }),
    'form.steps.0.fields.2.visibleIf',
    /đọc trường "deliveryMode" không có/,
  );
  refusedAt(
    (d) => (fields(d)[2]!.visibleIf = { '==': [{ var: 'delivery.kind' }, 'post'] }),
    'form.steps.0.fields.2.visibleIf',
    /"delivery.kind"/,
  );
  refusedAt(
    (d) => (d.form.rules = [{ kind: 'logic', id: 'r', assert: { var: 'nope' }, path: 'fullName', message: 'x' }]),
    'form.rules.0.assert',
    /"nope"/,
  );
  refusedAt(
    (d) => (d.form.rules = [{ kind: 'unique', id: 'r', items: ['members.*.citizenId'], message: 'x' }]),
    'form.rules.0.items.0',
    /"members.\*.citizenId"/,
  );
  refusedAt(
    (d) => (d.components[0].requirement = { kind: 'conditional', whenVi: 'Khi ...', condition: { var: 'x' } }),
    'components.0.requirement.condition',
    /"x"/,
  );
  refusedAt(
    (d) => (fields(d)[2]!.visibleIf = { eval: ['alert(1)'] }),
    'form.steps.0.fields.2.visibleIf.eval',
    /"eval" không được hỗ trợ/,
  );
});

test('conditions that depend on themselves, directly or in a loop, are refused', () => {
  refusedAt(
    (d) => (fields(d)[0]!.visibleIf = { var: 'fullName' }),
    'form.steps.0.fields.0.visibleIf',
    /vòng lặp: fullName → fullName/,
  );
  const loop = problems((d) => {
    fields(d)[1]!.visibleIf = { '!!': { var: 'postalAddress' } };
  });
  assert.deepEqual(loop, [
    { field: 'form.steps.0.fields.1.visibleIf', message: 'Điều kiện tạo thành vòng lặp: delivery → postalAddress → delivery' },
  ]);
  // Reading a field inside a group counts as reading the group.
  refusedAt(
    (d) => {
      fields(d).push({
        key: 'owner',
        type: 'group',
        label: { vi: 'Chủ hộ' },
        visibleIf: { var: 'fullName' },
        fields: [{ key: 'a', type: 'text', label: { vi: 'A' } }],
      });
      fields(d)[0]!.requiredIf = { var: 'owner.a' };
      fields(d)[0]!.required = false;
    },
    'form.steps.0.fields.0.requiredIf',
    /vòng lặp: fullName → owner → fullName/,
  );
});

test('a fee without a legal basis, or a component that accepts no file type, is refused', () => {
  refusedAt((d) => delete d.fee.legalBasis, 'fee.legalBasis', /Lệ phí phải có căn cứ pháp lý/);
  refusedAt((d) => (d.fee.legalBasis = '   '), 'fee.legalBasis', /Lệ phí phải có căn cứ pháp lý/);
  refusedAt((d) => (d.components[0].accepts = []), 'components.0.accepts', /ít nhất một loại tệp/);
  // Beyond what the upload server takes at all: the definition would promise what no phone can send.
  refusedAt((d) => (d.components[0].maxBytes = 30 * 1024 * 1024), 'components.0.maxBytes', /tối đa của một tệp là 20 MB/);
  // A procedure without a fee needs no basis for it.
  assert.deepEqual(
    problems((d) => (d.fee = { kind: 'none' })),
    [],
  );
});

test('parameters, person links, the notice rule and eras are checked against the form', () => {
  refusedAt((d) => (fields(d)[1]!.params = { options: [] }), 'form.steps.0.fields.1.params.options', /./);
  refusedAt((d) => (fields(d)[0]!.params = { maxLenght: 10 }), 'form.steps.0.fields.0.params', /maxLenght/);
  refusedAt(
    (d) => (fields(d)[0]!.params = { pattern: '([a-z' }),
    'form.steps.0.fields.0.params.pattern',
    /chính quy không hợp lệ/,
  );
  refusedAt((d) => (fields(d)[0]!.key = 'constructor'), 'form.steps.0.fields.0.key', /thuộc tính có sẵn/);
  refusedAt(
    (d) =>
      fields(d).push({ key: 'citizenId', type: 'citizen-id', label: { vi: 'Số định danh' }, params: { birthDateKey: 'dob' } }),
    'form.steps.0.fields.3.params.birthDateKey',
    /"dob"/,
  );
  refusedAt((d) => (d.notice = { workingDaysBefore: 3, eventField: 'fullName' }), 'notice.eventField', /trường ngày/);
  refusedAt((d) => (fields(d)[0]!.fields = []), 'form.steps.0.fields.0.fields', /không chứa trường con/);
  refusedAt(
    (d) => fields(d).push({ key: 'members', type: 'repeat', label: { vi: 'Thành viên' } }),
    'form.steps.0.fields.3.fields',
    /ít nhất một trường/,
  );
  refusedAt(
    (d) =>
      (d.authority = [
        { until: '2025-06-30', level: 'district', agencyKind: 'district_people_committee' },
        { from: '2025-06-01', level: 'commune', agencyKind: 'commune_people_committee' },
      ]),
    'authority.1.from',
    /không chồng lấn/,
  );
  refusedAt(
    (d) => Object.assign(fields(d)[2]!, { required: true, requiredIf: { var: 'delivery' } }),
    'form.steps.0.fields.2.requiredIf',
    /cùng lúc/,
  );
});

test('one refusal lists every problem at once, each with its path', () => {
  const errors = problems((d) => {
    fields(d)[0]!.type = 'signature';
    fields(d)[2]!.key = 'delivery';
    fields(d)[1]!.visibleIf = { var: 'ghost' };
    delete d.fee.legalBasis;
    d.components[0].accepts = [];
  });
  const paths = errors.map((e) => e.field);
  for (const path of [
    'form.steps.0.fields.0.type',
    'form.steps.0.fields.2.key',
    'form.steps.0.fields.1.visibleIf',
    'fee.legalBasis',
    'components.0.accepts',
  ]) {
    assert.ok(paths.includes(path), `${path} in ${JSON.stringify(errors)}`);
  }
  for (const e of errors) assert.doesNotMatch(e.message, /Invalid|expected|received/, e.field);
});

test('fast-check: any bent definition gets an answer (valid and compilable, or refused with paths), never an exception', () => {
  const odd = fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    'x',
    0,
    -1,
    true,
    [],
    {},
    [{}],
    { var: 'nope' },
    { '==': [1] },
    'signature',
  );
  const paths = (v: unknown, at: PropertyKey[] = []): PropertyKey[][] =>
    v === null || typeof v !== 'object'
      ? [at]
      : [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, Array.isArray(v) ? Number(k) : k]))];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), odd), { minLength: 1, maxLength: 3 }), (mutations) => {
      const definition = structuredClone(sampleDefinition()) as Record<PropertyKey, unknown>;
      for (const [pick, value] of mutations) {
        const all = paths(definition).filter((p) => p.length > 0);
        const path = all[pick % all.length] as PropertyKey[];
        let node = definition;
        for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
        node[path.at(-1) as PropertyKey] = structuredClone(value);
      }
      const r = validateProcedureDefinition(definition);
      // A definition that passes always compiles and judges a draft.
      if (r.ok)
        assert.equal(
          typeof compileDefinition(r.definition).validate(compileDefinition(r.definition).defaultValue()).ok,
          'boolean',
        );
      else {
        assert.ok(r.errors.length > 0);
        for (const e of r.errors) assert.equal(typeof e.message, 'string');
      }
    }),
    { numRuns: 500, seed: 12 },
  );
});

test('a component may name the stored documents that stand for it; the kinds are ids, and the facts carry them', () => {
  refusedAt((d) => (d.components[0].reusableFrom = ['Giấy chứng nhận']), 'components.0.reusableFrom.0', /chữ thường không dấu/);
  assert.deepEqual(
    problems((d) => (d.components[0].reusableFrom = ['giay-chung-nhan-dang-ky-ho-kinh-doanh'])),
    [],
  );
  const termination = PILOT_DEFINITIONS.find((d) => d.code === '1.001266')!;
  const checked = validateProcedureDefinition(termination);
  assert.ok(checked.ok);
  assert.deepEqual(catalogFactsOf(checked.definition).components.find((c) => c.id === 'giay-chung-nhan-goc')?.reusableFrom, [
    'giay-chung-nhan-dang-ky-ho-kinh-doanh',
  ]);
});
