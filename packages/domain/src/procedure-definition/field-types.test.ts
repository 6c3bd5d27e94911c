import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formErrorMap } from '../forms/common';
import { FIELD_TYPE_NAMES, fieldType } from './field-types';

/** The schema one field type builds, required or not, with its parameters' defaults applied. */
function schemaOf(
  type: string,
  params: Record<string, unknown> = {},
  options: { required?: boolean; name?: string; requiredMessage?: string } = {},
) {
  const spec = fieldType(type);
  assert.ok(spec, type);
  return spec.build({
    params: spec.params.parse(params),
    name: options.name ?? 'thông tin',
    required: options.required ?? true,
    requiredMessage: options.requiredMessage,
  } as never);
}

function accepts(type: string, params: Record<string, unknown>, input: unknown, ...expected: [unknown?]): void {
  check(type, params, input, expected.length > 0 ? expected[0] : input, true);
}

/** An optional field left empty: the value is absent, not an error. */
function acceptsEmpty(type: string, params: Record<string, unknown>, input: unknown): void {
  check(type, params, input, undefined, false);
}

function check(type: string, params: Record<string, unknown>, input: unknown, output: unknown, required: boolean): void {
  const r = schemaOf(type, params, { required }).safeParse(input, { error: formErrorMap });
  assert.equal(r.success, true, `${type} should accept ${JSON.stringify(input)}: ${JSON.stringify(r.error?.issues)}`);
  assert.deepEqual(r.data, output, type);
}

function refuses(type: string, params: Record<string, unknown>, input: unknown, message: RegExp, options = {}): void {
  const r = schemaOf(type, params, options).safeParse(input, { error: formErrorMap });
  assert.equal(r.success, false, `${type} should refuse ${JSON.stringify(input)}`);
  assert.ok(
    r.error?.issues.some((i) => message.test(i.message)),
    `${type}: ${JSON.stringify(r.error?.issues.map((i) => i.message))}`,
  );
}

test('text and long text: trimmed, bounded, optional when empty, with a pattern', () => {
  accepts('text', {}, '  Nguyễn Văn A ', 'Nguyễn Văn A');
  refuses('text', {}, '   ', /^Vui lòng nhập thông tin$/);
  refuses('text', { maxLength: 5 }, 'abcdef', /không được dài quá 5 ký tự/);
  refuses('text', { pattern: '^[0-9]+$', patternMessage: 'Chỉ gồm chữ số' }, '12a', /Chỉ gồm chữ số/);
  acceptsEmpty('text', {}, '');
  accepts('long-text', {}, 'x'.repeat(2000));
  refuses('long-text', {}, 'x'.repeat(2001), /2000 ký tự/);
});

test('number and money: integers, bounds, whole đồng', () => {
  accepts('number', { min: 0 }, 0);
  refuses('number', { min: 0 }, -1, /không được âm/);
  refuses('number', {}, 1.5, /số nguyên/);
  refuses('number', { positive: true }, 0, /lớn hơn 0/);
  refuses('number', {}, '3', /Vui lòng nhập thông tin/);
  accepts('money', {}, 100_000);
  refuses('money', {}, 0, /lớn hơn 0 đồng/);
  accepts('money', { allowZero: true }, 0);
  refuses('money', {}, 10.5, /số nguyên đồng/);
});

test('date: a real calendar day; choices: only listed options, refused ones with their message', () => {
  accepts('date', {}, '2024-02-29');
  refuses('date', {}, '2026-02-29', /không hợp lệ/);
  refuses('date', {}, '29/02/2024', /không hợp lệ/);
  const options = [
    { value: 'a', label: { vi: 'A' } },
    { value: 'b', label: { vi: 'B' }, refusedMessage: 'Lựa chọn B phải làm thủ tục khác' },
  ];
  accepts('select', { options }, 'a');
  refuses('select', { options }, 'c', /Vui lòng chọn thông tin/);
  refuses('select', { options }, 'b', /phải làm thủ tục khác/);
  acceptsEmpty('radio', { options }, '');
  accepts('checkbox', {}, false);
  refuses('checkbox', {}, 'yes', /Có hoặc Không/);
  accepts('checkboxes', { options }, ['a', 'b']);
  refuses('checkboxes', { options }, [], /Vui lòng chọn/);
  refuses('checkboxes', { options }, ['a', 'a'], /một lần/);
});

test('Vietnamese identifiers: citizen ID, phone, email, tax code', () => {
  accepts('citizen-id', {}, '0511 9012 3456', '051190123456');
  refuses('citizen-id', {}, '051190123', /đúng 12 chữ số/);
  refuses('citizen-id', {}, '999190123456', /mã tỉnh/);
  accepts('phone', {}, '+84 905 123 456', '0905123456');
  refuses('phone', {}, '0123', /không hợp lệ/);
  acceptsEmpty('email', {}, '');
  refuses('email', {}, 'ba@', /thư điện tử/);
  accepts('tax-code', {}, '0300 588 569', '0300588569');
  accepts('tax-code', {}, '0300588569001', '0300588569-001');
  refuses('tax-code', {}, '0300588568', /chữ số kiểm tra/);
});

test('industry lines, address, business name, nationality', () => {
  const lines = [
    { code: '5610', name: 'Nhà hàng', isMain: true },
    { code: '4722', name: 'Bán lẻ thực phẩm', isMain: false },
  ];
  accepts('vsic-lines', {}, lines);
  refuses('vsic-lines', {}, [{ ...lines[0], isMain: false }], /Chọn một ngành, nghề kinh doanh chính/);
  refuses('vsic-lines', {}, [lines[0], { ...lines[1], isMain: true }], /Chỉ được chọn một ngành/);
  refuses('vsic-lines', {}, [lines[0], { ...lines[1], code: '5610' }], /Ngành 5610 đã được chọn/);
  refuses('vsic-lines', {}, [{ ...lines[0], code: '9999' }], /không thuộc nhóm ngành/);
  accepts('address', {}, { unitCode: '21025', street: ' 12 Lê Lợi ' }, { unitCode: '21025', street: '12 Lê Lợi' });
  refuses('address', {}, { unitCode: '2102', street: '12 Lê Lợi' }, /trong danh sách/);
  refuses('address', { streetName: 'thôn, xóm' }, { unitCode: '21025', street: '' }, /Vui lòng nhập thôn, xóm/);
  accepts('business-name', {}, 'Hộ kinh doanh  Bánh xèo  Cô Ba', 'Hộ kinh doanh Bánh xèo Cô Ba');
  refuses('business-name', {}, 'Bánh xèo Cô Ba', /"Hộ kinh doanh"/);
  accepts('nationality', { vietnameseOnly: true }, 'Viet Nam');
  refuses(
    'nationality',
    { vietnameseOnly: true, vietnameseOnlyMessage: 'Phải là công dân Việt Nam' },
    'Lào',
    /công dân Việt Nam/,
  );
  accepts('nationality', {}, 'Lào');
});

test('every type has a default value for a new draft and a summary line for the officer', () => {
  const sample: Record<string, [unknown, string]> = {
    text: ['Nguyễn Văn A', 'Nguyễn Văn A'],
    money: [50_000_000, '50.000.000 đồng'],
    date: ['2026-03-06', '06/03/2026'],
    checkbox: [true, 'Có'],
    'tax-code': ['0300588569001', '0300588569-001'],
    'vsic-lines': [[{ code: '5610', name: 'Nhà hàng', isMain: true }], '5610 Nhà hàng (ngành chính)'],
    repeat: [[{}, {}], '2 mục'],
  };
  for (const name of FIELD_TYPE_NAMES) {
    const spec = fieldType(name);
    assert.ok(spec, name);
    const params = spec.params.parse(
      name === 'select' || name === 'radio' || name === 'checkboxes' ? { options: [{ value: 'a', label: { vi: 'Mục A' } }] } : {},
    );
    spec.defaultValue(params, () => ({}));
    assert.equal(spec.summary(undefined, params), '—', `${name}: nothing given`);
    const [value, text] = sample[name] ?? [undefined, '—'];
    if (sample[name]) assert.equal(spec.summary(value, params), text, name);
    assert.ok(spec.descriptionVi.length > 5, name);
  }
  assert.equal(fieldType('select')?.summary('a', { options: [{ value: 'a', label: { vi: 'Mục A' } }] }), 'Mục A');
  assert.equal(fieldType('nope'), undefined);
  assert.equal(fieldType('constructor'), undefined);
});
