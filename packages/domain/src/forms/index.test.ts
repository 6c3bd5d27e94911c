import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCEDURES } from '../procedures/index';
import { buildCalendar } from '../working-days';
import { FORM_BY_PROCEDURE, stepOfField, validateForm, validateFormStep } from './index';

const deps = { today: '2026-03-06', calendar: buildCalendar({ years: [2026] }) };

test('every procedure of the catalog has a form: the pilot four guided, the others generic', () => {
  for (const p of PROCEDURES) assert.ok(FORM_BY_PROCEDURE[p.code], p.code);
  const guided = PROCEDURES.filter((p) => FORM_BY_PROCEDURE[p.code]?.kind === 'guided').map((p) => p.code);
  assert.deepEqual(guided.sort(), ['1.001266', '1.001612', '2.000720', 'QNG-TB-KHUYEN-MAI']);
  for (const p of PROCEDURES.filter((x) => x.interlinkGroup)) assert.equal(FORM_BY_PROCEDURE[p.code]?.kind, 'generic');
});

test('a bad form yields dotted field paths with Vietnamese messages', () => {
  const r = validateForm(
    '1.001612',
    { location: { unitCode: 'x' }, businessLines: [{ code: '12', name: '', isMain: true }], owner: { citizenId: '1' } },
    deps,
  );
  assert.equal(r.ok, false);
  const fields = r.ok ? [] : r.errors.map((e) => e.field);
  for (const f of [
    'businessName',
    'location.unitCode',
    'location.street',
    'businessLines.0.code',
    'businessLines.0.name',
    'owner.citizenId',
    'owner.fullName',
    'capital',
    'delivery',
  ]) {
    assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
  }
  // No English or technical zod text reaches the citizen.
  for (const e of r.ok ? [] : r.errors) assert.doesNotMatch(e.message, /Invalid|expected|received|mong đợi/, e.field);
});

test('every error of an empty form belongs to a wizard step', () => {
  for (const [code, form] of Object.entries(FORM_BY_PROCEDURE)) {
    const r = validateForm(code, {}, deps);
    assert.equal(r.ok, false, code);
    for (const e of r.ok ? [] : r.errors) assert.ok(stepOfField(code, e.field), `${code}: ${e.field}`);
    assert.equal(new Set(form.steps.map((s) => s.id)).size, form.steps.length, code);
  }
});

test('a step is validated alone, so the wizard can stop on it while later steps are empty', () => {
  const data = { businessName: 'Hộ kinh doanh Minh Phát', location: { unitCode: '21025' } };
  assert.deepEqual(validateFormStep('1.001612', 'ten', data, deps), []);
  assert.deepEqual(
    validateFormStep('1.001612', 'dia-diem', data, deps).map((e) => e.field),
    ['location.street'],
  );
  // An error on a whole object lands on the step of its fields.
  assert.equal(stepOfField('1.001612', 'owner')?.id, 'chu-ho');
  assert.equal(stepOfField('1.001612', 'members.0.citizenId')?.id, 'thanh-vien');
});

test('the generic form: applicant and an optional note', () => {
  const applicant = { fullName: 'Lê Văn Năm', citizenId: '051085000111', phone: '+84 905 111 222' };
  const r = validateForm('1.001193', { applicant }, deps);
  assert.deepEqual(r, { ok: true, value: { applicant: { ...applicant, phone: '0905111222' } } });
  const bad = validateForm('1.001193', { applicant: { ...applicant, phone: '12' }, note: 'x'.repeat(2001) }, deps);
  assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.field), ['applicant.phone', 'note']);
});

test('an unknown procedure code is refused in Vietnamese', () => {
  assert.deepEqual(validateForm('9.999999', {}, deps), {
    ok: false,
    errors: [{ field: '', message: 'Thủ tục không có trong danh mục' }],
  });
});
