import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorFor, getPath, setPath } from './form-state';

test('fields are written by dotted path without touching the previous state', () => {
  const before = { owner: { fullName: 'A' } };
  const after = setPath(before, 'owner.citizenId', '051090000123');
  assert.deepEqual(after, { owner: { fullName: 'A', citizenId: '051090000123' } });
  assert.deepEqual(before, { owner: { fullName: 'A' } });
  const withMember = setPath<Record<string, unknown>>(after, 'members.0.fullName', 'B');
  assert.ok(Array.isArray(withMember.members));
  assert.equal(getPath(withMember, 'members.0.fullName'), 'B');
  assert.equal(getPath(setPath(withMember, 'owner.fullName', undefined), 'owner.fullName'), undefined);
});

test('an error is shown beside the field it names', () => {
  const errors = [{ field: 'owner.citizenId', message: 'Sai' }];
  assert.equal(errorFor(errors, 'owner.citizenId'), 'Sai');
  assert.equal(errorFor(errors, 'owner.fullName'), undefined);
});
