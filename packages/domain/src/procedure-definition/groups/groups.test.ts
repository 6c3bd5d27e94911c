import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDefinition } from '../compile';
import type { ProcedureDefinition } from '../definition';
import { BIRTH_GROUP_FORM, DEATH_GROUP_FORM } from './examples';
import { GROUP_DEFINITIONS } from './index';

const members = (group: string) => GROUP_DEFINITIONS.filter((d) => d.interlink?.group === group);

/** What a member takes from the group's one form: the keys its own form declares. */
function partFor(definition: ProcedureDefinition, form: Record<string, unknown>) {
  const keys = new Set(definition.form.steps.flatMap((s) => s.fields.map((f) => f.key)));
  return Object.fromEntries(Object.entries(form).filter(([k]) => keys.has(k)));
}

test('one filled-in group form is valid for each of its three members', () => {
  for (const [group, form] of [
    ['birth', BIRTH_GROUP_FORM],
    ['death', DEATH_GROUP_FORM],
  ] as const) {
    assert.equal(members(group).length, 3, group);
    for (const d of members(group)) {
      const result = compileDefinition(d).validate(partFor(d, form));
      assert.ok(result.ok, `${d.code}: ${JSON.stringify(!result.ok && result.errors)}`);
    }
  }
});

test('a key two members share is the same field in both, so one answer fits both', () => {
  for (const group of ['birth', 'death']) {
    const seen = new Map<string, string>();
    for (const d of members(group)) {
      for (const field of d.form.steps.flatMap((s) => s.fields)) {
        const json = JSON.stringify(field);
        assert.equal(seen.get(field.key) ?? json, json, `${group}: ${field.key} differs in ${d.code}`);
        seen.set(field.key, json);
      }
    }
  }
});

test('the birth registration asks for the child, the mother and checks the parents', () => {
  const birth = compileDefinition(members('birth')[0]!);
  const { child: _child, ...noChild } = partFor(birth.definition, BIRTH_GROUP_FORM);
  const missing = birth.validate(noChild);
  assert.ok(!missing.ok && missing.errors.some((e) => e.field === 'child'));
  const early = birth.validate({
    ...partFor(birth.definition, BIRTH_GROUP_FORM),
    child: { ...BIRTH_GROUP_FORM.child, birthDate: '1991-01-01' },
  });
  assert.deepEqual(early, {
    ok: false,
    errors: [{ field: 'child.birthDate', message: 'Ngày sinh của trẻ phải sau ngày sinh của mẹ' }],
  });
  const { father: _father, ...noFather } = partFor(birth.definition, BIRTH_GROUP_FORM);
  assert.ok(birth.validate(noFather).ok, 'the father may be unknown');
});

test('the death registration refuses a death before the birth and an ID that does not fit the deceased', () => {
  const death = compileDefinition(members('death')[0]!);
  const base = partFor(death.definition, DEATH_GROUP_FORM);
  const before = death.validate({
    ...base,
    deathDate: '1939-01-01',
    deathNotice: { ...DEATH_GROUP_FORM.deathNotice, issuedOn: '1939-01-02' },
  });
  assert.ok(!before.ok && before.errors.some((e) => e.field === 'deathDate'));
  const wrongSex = death.validate({ ...base, deceased: { ...DEATH_GROUP_FORM.deceased, sex: 'female' } });
  assert.ok(!wrongSex.ok && wrongSex.errors.some((e) => e.field === 'deceased.citizenId'));
});

test('the funeral allowance asks for the bank account only for a transfer', () => {
  const funeral = compileDefinition(members('death')[2]!);
  const base = partFor(funeral.definition, DEATH_GROUP_FORM);
  const bank = funeral.validate({ ...base, payment: 'bank' });
  assert.deepEqual(bank, { ok: false, errors: [{ field: 'bankAccount', message: 'Vui lòng nhập tài khoản nhận tiền' }] });
  assert.ok(
    funeral.validate({ ...base, payment: 'bank', bankAccount: { accountNumber: '0123456789', bankName: 'Agribank' } }).ok,
  );
});
