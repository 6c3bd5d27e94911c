import assert from 'node:assert/strict';
import { test } from 'node:test';
import { procedureDefinitions as pd } from '@dvc/domain';
import { diffDefinitions } from './procedure-diff';

const base = () => structuredClone(pd.findPilotDefinition('1.001612') as pd.ProcedureDefinition);

test('two identical versions have no change, whatever the order of their keys', () => {
  const a = base();
  const reversed = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reversed)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reversed(x)]),
          )
        : v;
  const b = reversed(a) as pd.ProcedureDefinition;
  assert.notEqual(JSON.stringify(a), JSON.stringify(b));
  assert.deepEqual(diffDefinitions(a, b), []);
});

test('a fee change, a relabelled field, an added and a removed field read as four sentences by path', () => {
  const a = base();
  const b = base();
  if (b.fee.kind !== 'fixed') throw new Error('pilot has a fee');
  b.fee.amount = 50_000;
  const capitalStep = b.form.steps.find((s) => s.id === 'von');
  const capital = capitalStep?.fields.find((f) => f.key === 'capital');
  if (!capital || !capitalStep) throw new Error('pilot has a capital field');
  capital.label = { vi: 'Tổng vốn kinh doanh', en: 'Capital' };
  capitalStep.fields = capitalStep.fields.filter((f) => f.key !== 'employees');
  capitalStep.fields.push({ key: 'premises', type: 'text', label: { vi: 'Diện tích mặt bằng' }, required: false });

  const changes = diffDefinitions(a, b);
  const byPath = new Map(changes.map((c) => [c.path, c]));
  assert.equal(changes.length, 4, JSON.stringify(changes, null, 1));
  assert.equal(byPath.get('fee.amount')?.message, 'Lệ phí: 100.000 đ → 50.000 đ');
  assert.equal(byPath.get('form.fields.capital.label')?.message, 'Trường "Vốn kinh doanh": đổi nhãn thành "Tổng vốn kinh doanh"');
  assert.equal(byPath.get('form.fields.employees')?.kind, 'removed');
  assert.match(
    byPath.get('form.fields.premises')?.message ?? '',
    /^Thêm trường "Diện tích mặt bằng" \(bước "Vốn và lao động", không bắt buộc\)$/,
  );
});

test('a field moved to another step is one "moved" change, and a nested field is named by its dotted path', () => {
  const a = base();
  const b = base();
  const from = b.form.steps.find((s) => s.id === 'von');
  const to = b.form.steps.find((s) => s.id === 'ten');
  const moved = from?.fields.find((f) => f.key === 'employees');
  if (!from || !to || !moved) throw new Error('pilot shape');
  from.fields = from.fields.filter((f) => f !== moved);
  to.fields.push(moved);
  const owner = b.form.steps.find((s) => s.id === 'chu-ho')?.fields[0];
  const email = owner?.fields?.find((f) => f.key === 'email');
  if (!email) throw new Error('pilot shape');
  email.required = true;

  const changes = diffDefinitions(a, b);
  assert.deepEqual(
    changes.map((c) => [c.path, c.kind]),
    [
      ['form.fields.employees', 'moved'],
      ['form.fields.owner.email.required', 'changed'],
    ],
  );
  assert.equal(changes[0]?.message, 'Trường "Số lao động": chuyển từ bước "Vốn và lao động" sang bước "Tên hộ kinh doanh"');
});

test('components are matched by id: a renamed one and a new accepted type, a removed legal basis', () => {
  const a = base();
  const b = base();
  const first = b.components[0];
  if (!first) throw new Error('pilot has components');
  first.name = { vi: 'Giấy đề nghị (mẫu mới)' };
  first.accepts = ['pdf'];
  b.legalBasis = b.legalBasis.slice(1);
  const changes = diffDefinitions(a, b);
  assert.deepEqual(
    changes.map((c) => c.path),
    ['components.giay-de-nghi.name', 'components.giay-de-nghi.accepts', 'legalBasis'],
  );
  assert.equal(changes[2]?.kind, 'removed');
  assert.match(changes[2]?.message ?? '', /^Căn cứ pháp lý: bỏ "Nghị định 01\/2021/);
});
