import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDefinition } from '@dvc/domain/procedure-definition/compile';
import { findPilotDefinition } from '@dvc/domain/procedure-definition/pilot/index';
import { sampleDefinition } from '@dvc/domain/procedure-definition/test-fixtures';
import {
  formRows,
  initialValue,
  isOptionalPart,
  keepKnown,
  parseDefinition,
  parseNumber,
  placementOf,
  prefillPerson,
  shownFieldErrors,
  valueText,
} from './definition-form';

const registration = findPilotDefinition('1.001612')!;
const change = findPilotDefinition('2.000720')!;
const termination = findPilotDefinition('1.001266')!;
const fieldsOf = (d: typeof registration) => d.form.steps.flatMap((s) => s.fields);

test('a detail without a valid definition has no form to file', () => {
  assert.equal(parseDefinition(undefined), undefined);
  assert.equal(parseDefinition({ code: '1.001612' }), undefined);
  assert.equal(parseDefinition(JSON.parse(JSON.stringify(registration)))?.code, '1.001612');
});

test('a change form starts with no part given: the citizen ticks what changes', () => {
  const changes = change.form.steps[1]!.fields[0]!;
  assert.deepEqual(
    changes.fields!.filter(isOptionalPart).map((f) => f.key),
    ['businessName', 'location', 'businessLines', 'owner', 'members'],
    'capital and employees are plain optional inputs: empty is absent',
  );
  const start = initialValue(fieldsOf(change));
  assert.deepEqual(start.changes, {});
  const checked = compileDefinition(change).validateStep('noi-dung-thay-doi', start);
  assert.deepEqual(
    checked.map((e) => e.message),
    ['Chọn ít nhất một nội dung cần thay đổi'],
  );
});

test('a new registration starts as the types say, and the signed-in citizen is the owner', () => {
  const start = prefillPerson(fieldsOf(registration), initialValue(fieldsOf(registration)), {
    fullName: 'Phạm Thị Hoa',
    phone: '0907123456',
  });
  assert.equal(start.businessName, 'Hộ kinh doanh ');
  assert.deepEqual(start.members, []);
  const owner = start.owner as Record<string, unknown>;
  assert.equal(owner.fullName, 'Phạm Thị Hoa');
  assert.equal(owner.phone, '0907123456');
  assert.equal(owner.nationality, 'Việt Nam');
});

test('where the dossier goes is the form’s own address and delivery choice, else a step of the wizard', () => {
  assert.deepEqual(placementOf(fieldsOf(registration)), { unitField: 'location', deliveryField: 'delivery' });
  assert.deepEqual(placementOf(fieldsOf(termination)), { unitField: undefined, deliveryField: undefined });
  assert.deepEqual(placementOf(fieldsOf(change)), { unitField: undefined, deliveryField: undefined });
});

test('values of an older version keep only what the new form asks (the server refuses unknown keys)', () => {
  const kept = keepKnown(fieldsOf(registration), {
    businessName: 'Hộ kinh doanh Hoa Mai',
    fax: '0255',
    owner: { fullName: 'A', pager: '1' },
    members: [{ fullName: 'B', shoeSize: 40 }],
  });
  assert.deepEqual(kept, { businessName: 'Hộ kinh doanh Hoa Mai', owner: { fullName: 'A' }, members: [{ fullName: 'B' }] });
});

test('the filed form reads with the definition’s labels, in English when asked, empty optional fields left out', () => {
  const value = {
    businessName: 'Hộ kinh doanh Hoa Mai',
    location: { unitCode: '21115', street: 'Thôn 2' },
    businessLines: [{ code: '4711', name: 'Bán lẻ', isMain: true }],
    capital: 50_000_000,
    owner: { fullName: 'Phạm Thị Hoa', sex: 'female', birthDate: '1985-03-12' },
    members: [{ fullName: 'Lê Văn B', citizenId: '051085001235' }],
    delivery: 'counter',
    postalAddress: '',
    extra: 'kept',
  };
  const rows = formRows(fieldsOf(registration), value, 'vi');
  const byPath = new Map(rows.map((r) => [r.path, r]));
  assert.equal(byPath.get('capital')?.text, '50.000.000 đ');
  assert.equal(byPath.get('capital')?.label, 'Vốn kinh doanh');
  assert.equal(byPath.get('owner.sex')?.text, 'Nữ');
  assert.equal(byPath.get('owner.birthDate')?.text, '12/03/1985');
  assert.equal(byPath.get('location')?.unitCode, '21115');
  assert.equal(byPath.get('members.0')?.label, 'Thành viên 1');
  assert.equal(byPath.get('members.0.fullName')?.depth, 2);
  assert.equal(byPath.get('delivery')?.text, 'Nhận tại bộ phận một cửa');
  assert.equal(byPath.has('postalAddress'), false, 'empty and not required: delivery is not by post');
  assert.equal(byPath.get('email'), undefined);
  assert.equal(byPath.get('extra')?.text, 'kept', 'a key the definition does not know still shows');
  const en = new Map(formRows(fieldsOf(registration), value, 'en').map((r) => [r.path, r]));
  assert.equal(en.get('owner.sex')?.text, 'Female');
  assert.equal(en.get('capital')?.label, 'Capital');
  const oneStep = formRows(registration.form.steps[3]!.fields, value, 'vi', { unknown: false });
  assert.deepEqual(
    oneStep.map((r) => r.path),
    ['capital', 'employees'],
    'a wizard step lists its own fields only',
  );
});

test('a yes/no answer reads as Có / Không', () => {
  const held = termination.form.steps[1]!.fields.find((f) => f.type === 'checkbox')!;
  assert.equal(valueText(held, true, 'vi'), 'Có');
  assert.equal(valueText(held, false, 'vi'), 'Không');
  assert.equal(valueText(held, undefined, 'vi'), '—');
});

test('numbers as people type them: dots group thousands, a comma is the decimal mark', () => {
  assert.equal(parseNumber('1.500', true), 1500);
  assert.equal(parseNumber('', true), undefined);
  assert.equal(parseNumber('hai', true), 'hai', 'kept as typed, for the schema’s message');
  assert.equal(parseNumber('2,5', false), 2.5);
  assert.equal(parseNumber('2,', false), 2);
});

test('in English the form’s messages read in English, fields named by the definition’s English labels', () => {
  const imported = parseDefinition(
    sampleDefinition([
      { key: 'fullName', type: 'text', label: { vi: 'Họ và tên người nhận', en: 'Recipient’s full name' } },
      { key: 'householdSize', type: 'number', label: { vi: 'Số nhân khẩu', en: 'Household size' }, params: { min: 1 } },
      { key: 'village', type: 'text', label: { vi: 'Thôn cũ' } },
    ]),
  )!;
  const result = compileDefinition(imported).validate({ fullName: '', householdSize: 0, village: '' });
  assert.equal(result.ok, false);
  const errors = result.ok ? [] : result.errors;
  assert.deepEqual(
    shownFieldErrors(errors, 'en', imported).map((e) => [e.field, e.message]),
    [
      ['fullName', 'Please enter the recipient’s full name'],
      ['householdSize', 'The household size must be 1 or more'],
      // No English label: the message stays whole in Vietnamese.
      ['village', 'Vui lòng nhập thôn cũ'],
    ],
  );
  assert.deepEqual(shownFieldErrors(errors, 'vi', imported), errors);
});
