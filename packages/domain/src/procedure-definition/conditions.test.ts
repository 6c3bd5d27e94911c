import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDefinition } from './compile';
import { checkCondition, evaluateCondition } from './conditions';
import { ProcedureDefinition } from './definition';
import type { FieldDefinition } from './form-schema';
import { sampleDefinition } from './test-fixtures';

function compiled(fields?: FieldDefinition[], rules?: unknown[]) {
  const input = sampleDefinition(fields);
  if (rules) (input.form as { rules?: unknown }).rules = rules;
  return compileDefinition(ProcedureDefinition.parse(input));
}

const fieldsOf = (r: ReturnType<ReturnType<typeof compiled>['validate']>) => (r.ok ? [] : r.errors.map((e) => e.field));

test('a condition names the fields it reads; inside map/filter/reduce `var` names the element', () => {
  const rule = {
    and: [
      { '==': [{ var: 'delivery' }, 'post'] },
      { some: [{ var: 'members' }, { '<': [{ var: 'age' }, 18] }] },
      { missing: ['owner.phone'] },
    ],
  };
  assert.deepEqual(checkCondition(rule), { reads: ['delivery', 'members', 'owner.phone'], problems: [] });
  assert.deepEqual(
    checkCondition({ log: 'x' }).problems.map((p) => p.path),
    [['log']],
  );
  assert.deepEqual(checkCondition({ '==': [1, 1], '!=': [1, 2] }).problems.length, 1);
  assert.equal(evaluateCondition({ in: [{ var: 'a' }, ['x', 'y']] }, { a: 'y' }), true);
  assert.equal(evaluateCondition({ '>': [{ var: 'list.length' }, 0] }, { list: [] }), false);
  // A condition that cannot be evaluated is false, never an exception.
  assert.equal(evaluateCondition({ nope: [] } as never, {}), false);
});

test('visibleIf: a hidden field is not asked and what was typed in it is dropped; shown, it is required', () => {
  const form = compiled();
  assert.deepEqual(form.validate({ fullName: 'Lê Văn Năm', delivery: 'counter', postalAddress: 'cũ' }), {
    ok: true,
    value: { fullName: 'Lê Văn Năm', delivery: 'counter' },
  });
  const shown = form.validate({ fullName: 'Lê Văn Năm', delivery: 'post' });
  assert.deepEqual(shown, { ok: false, errors: [{ field: 'postalAddress', message: 'Vui lòng nhập địa chỉ nhận kết quả' }] });
  assert.equal(form.validate({ fullName: 'Lê Văn Năm', delivery: 'post', postalAddress: '12 Lê Lợi' }).ok, true);
  // A shown field is still checked by its type.
  assert.deepEqual(fieldsOf(form.validate({ fullName: 'A', delivery: 'post', postalAddress: 'x'.repeat(256) })), [
    'postalAddress',
  ]);
});

test('requiredIf: required only while the condition holds, judged once the fields it reads are valid', () => {
  const fields: FieldDefinition[] = [
    { key: 'hasChildren', type: 'checkbox', label: { vi: 'Có con dưới 18 tuổi' } },
    {
      key: 'childrenCount',
      type: 'number',
      label: { vi: 'Số con' },
      params: { positive: true },
      requiredIf: { '==': [{ var: 'hasChildren' }, true] },
      requiredMessage: 'Vui lòng nhập số con dưới 18 tuổi',
    },
  ];
  const form = compiled(fields);
  assert.equal(form.validate({ hasChildren: false }).ok, true);
  assert.deepEqual(form.validate({ hasChildren: true }), {
    ok: false,
    errors: [{ field: 'childrenCount', message: 'Vui lòng nhập số con dưới 18 tuổi' }],
  });
  assert.equal(form.validate({ hasChildren: true, childrenCount: 2 }).ok, true);
  // While the condition's own field is wrong, only that error shows.
  assert.deepEqual(fieldsOf(form.validate({ hasChildren: 'có' })), ['hasChildren']);
});

test('conditions inside a repeat read the item; rules run per item and across the form', () => {
  const fields: FieldDefinition[] = [
    { key: 'applicantId', type: 'citizen-id', label: { vi: 'Số định danh người nộp' } },
    {
      key: 'members',
      type: 'repeat',
      label: { vi: 'Thành viên' },
      name: 'thành viên',
      params: { minItems: 1 },
      fields: [
        { key: 'fullName', type: 'text', label: { vi: 'Họ và tên' } },
        { key: 'isChild', type: 'checkbox', label: { vi: 'Dưới 14 tuổi' } },
        {
          key: 'citizenId',
          type: 'citizen-id',
          label: { vi: 'Số định danh' },
          visibleIf: { '!': { var: 'isChild' } },
        },
      ],
    },
  ];
  const rules = [
    { kind: 'unique', id: 'khong-trung', items: ['applicantId', 'members.*.citizenId'], message: 'Số định danh bị trùng' },
  ];
  const form = compiled(fields, rules);
  const child = { fullName: 'Bé An', isChild: true, citizenId: 'rác' };
  const adult = { fullName: 'Lê Văn Năm', isChild: false, citizenId: '051085000111' };
  assert.deepEqual(form.validate({ applicantId: '051190123456', members: [child, adult] }), {
    ok: true,
    value: { applicantId: '051190123456', members: [{ fullName: 'Bé An', isChild: true }, adult] },
  });
  assert.deepEqual(form.validate({ applicantId: '051190123456', members: [{ ...adult, citizenId: undefined }] }), {
    ok: false,
    errors: [{ field: 'members.0.citizenId', message: 'Vui lòng nhập số định danh' }],
  });
  assert.deepEqual(form.validate({ applicantId: '051085000111', members: [adult] }), {
    ok: false,
    errors: [{ field: 'members.0.citizenId', message: 'Số định danh bị trùng' }],
  });
  assert.deepEqual(fieldsOf(form.validate({ applicantId: '051085000111', members: [] })), ['members']);
});

test('a logic rule with `when` applies only in its case; the compiled form is cached per definition', () => {
  const fields: FieldDefinition[] = [
    { key: 'from', type: 'date', label: { vi: 'Từ ngày' } },
    { key: 'until', type: 'date', label: { vi: 'Đến ngày' }, required: false },
  ];
  const rules = [
    {
      kind: 'logic',
      id: 'den-sau-tu',
      when: { '!!': { var: 'until' } },
      assert: { '>=': [{ var: 'until' }, { var: 'from' }] },
      path: 'until',
      message: 'Ngày kết thúc không được trước ngày bắt đầu',
    },
  ];
  const form = compiled(fields, rules);
  assert.equal(form.validate({ from: '2026-03-01' }).ok, true);
  assert.deepEqual(form.validate({ from: '2026-03-01', until: '2026-02-01' }), {
    ok: false,
    errors: [{ field: 'until', message: 'Ngày kết thúc không được trước ngày bắt đầu' }],
  });
  assert.equal(compileDefinition(form.definition), form);
  // A definition object that never went through validation is not compiled.
  const unchecked = structuredClone(form.definition);
  unchecked.form.steps[0]!.fields[0]!.visibleIf = { log: 'x' };
  assert.throws(() => compileDefinition(unchecked), /invalid at: form.steps.0.fields.0.visibleIf.log/);
  assert.equal(form.schema(), form.schema());
});
