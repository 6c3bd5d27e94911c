import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProcedureDefinition } from './definition';
import type { FieldDefinition } from './form-schema';
import { householdBusinessRegistrationDefinition } from './pilot/household-business-registration';
import { sampleDefinition } from './test-fixtures';
import { validateProcedureDefinition } from './validate';
import { identityMismatches, lockedByIdentity, prefillFromIdentity, waivedComponentIds } from './verified-identity';

const identity = {
  citizenId: '051085000456',
  fullName: 'NGUYỄN VĂN AN',
  birthDate: '1985-03-12',
  sex: 'male' as const,
  residence: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
};
const registration = ProcedureDefinition.parse(householdBusinessRegistrationDefinition);

const person: FieldDefinition = {
  key: 'owner',
  type: 'group',
  label: { vi: 'Chủ hộ' },
  prefill: 'verified-identity',
  fields: [
    { key: 'fullName', type: 'text', label: { vi: 'Họ và tên' } },
    { key: 'citizenId', type: 'citizen-id', label: { vi: 'Số định danh cá nhân' } },
  ],
};

function withComponentWaived(fields: FieldDefinition[]) {
  const d = sampleDefinition(fields);
  d.components[0] = { ...d.components[0]!, waivedByVerifiedIdentity: true };
  return validateProcedureDefinition(d);
}

test('the built-in registration fills its owner from a verified identity and waives the ID copy', () => {
  assert.deepEqual(waivedComponentIds(registration), ['giay-to-phap-ly-ca-nhan']);
  assert.deepEqual(lockedByIdentity(registration, identity), [
    'owner.fullName',
    'owner.citizenId',
    'owner.birthDate',
    'owner.sex',
    'owner.residence',
  ]);
  const form = prefillFromIdentity(registration, { owner: { fullName: 'X', phone: '0905000001' }, capital: 1 }, identity);
  assert.deepEqual(form, { owner: { ...identity, phone: '0905000001' }, capital: 1 });
});

test('a changed owner field is named; case and spacing of the name are not a change', () => {
  const filled = prefillFromIdentity(registration, {}, identity) as { owner: Record<string, unknown> };
  assert.deepEqual(identityMismatches(registration, { owner: { ...filled.owner, fullName: ' Nguyễn  Văn An ' } }, identity), []);
  const changed = identityMismatches(registration, { owner: { ...filled.owner, citizenId: '051085000457' } }, identity);
  assert.deepEqual(
    changed.map((c) => c.path),
    ['owner.citizenId'],
  );
  assert.match(changed[0]!.message, /VNeID/);
});

test('a definition without a prefilled group waives nothing and locks nothing', () => {
  const d = ProcedureDefinition.parse(sampleDefinition());
  assert.deepEqual(waivedComponentIds(d), []);
  assert.deepEqual(lockedByIdentity(d, identity), []);
});

test('a waived component needs a group the identity fills', () => {
  const refused = withComponentWaived([{ key: 'fullName', type: 'text', label: { vi: 'Họ và tên' } }]);
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok && refused.errors.some((e) => e.field === 'components.0.waivedByVerifiedIdentity'));
  assert.equal(withComponentWaived([person]).ok, true);
});

test('prefill is taken only on one top-level group', () => {
  const onText = validateProcedureDefinition(
    sampleDefinition([{ key: 'fullName', type: 'text', label: { vi: 'Họ và tên' }, prefill: 'verified-identity' }]),
  );
  assert.ok(!onText.ok && onText.errors.some((e) => e.field === 'form.steps.0.fields.0.prefill'));
  const twice = validateProcedureDefinition(sampleDefinition([person, { ...person, key: 'other' }]));
  assert.ok(!twice.ok && twice.errors.some((e) => e.field === 'form.steps.0.fields.1.prefill'));
  const nested = validateProcedureDefinition(
    sampleDefinition([{ key: 'outer', type: 'group', label: { vi: 'Ngoài' }, fields: [{ ...person }] }]),
  );
  assert.ok(!nested.ok && nested.errors.some((e) => e.field === 'form.steps.0.fields.0.fields.0.prefill'));
});
