import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MISSING_VALUE } from '../forms/common';
import { stepOfField, validateForm, validateFormStep } from '../forms/index';
import { buildCalendar } from '../working-days';
import { compileDefinition } from './compile';
import { findPilotDefinition } from './pilot/index';

/**
 * The four pilot forms, hand-written in forms/ and re-expressed as definitions, must agree on
 * every input: both accept it with the same normalised value, or both refuse it with the same
 * errors (field path and Vietnamese message). Fixed cases cover each rule; fast-check bends valid
 * drafts at random paths to look for any input where they part.
 */

const calendar = buildCalendar({ years: [2026] });
const deps = { today: '2026-03-06', calendar };

type Draft = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the cases bend a draft into wrong shapes on purpose
type Mutation = [string, (f: any) => void];

function registration(): Draft {
  return {
    businessName: 'Hộ kinh doanh Bánh xèo Cô Ba',
    location: { unitCode: '21025', street: '12 Lê Lợi, tổ dân phố 3' },
    businessLines: [
      { code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', isMain: true },
      { code: '4722', name: 'Bán lẻ thực phẩm trong các cửa hàng chuyên doanh', isMain: false },
    ],
    capital: 50_000_000,
    employees: 2,
    owner: {
      fullName: 'Nguyễn Thị Ba',
      birthDate: '1990-05-12',
      sex: 'female',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      citizenId: '051190123456',
      residence: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
      phone: '0905 123 456',
      email: '',
    },
    members: [{ fullName: 'Trần Văn Tư', birthDate: '1988-01-02', citizenId: '051088654321', contribution: 10_000_000 }],
    delivery: 'electronic',
  };
}

function change(): Draft {
  return {
    registrationNumber: '34H8001234',
    ownerCitizenId: '051190123456',
    changes: { capital: 80_000_000, businessLines: registration().businessLines, owner: registration().owner },
  };
}

function termination(): Draft {
  return {
    registrationNumber: '34H8001234',
    ownerCitizenId: '051190123456',
    reason: 'Nghỉ kinh doanh',
    terminationDate: '2026-03-31',
    hasOriginalCertificate: true,
  };
}

function promotion(): Draft {
  return {
    taxCode: '0300 588 569',
    enterpriseName: 'Công ty Cổ phần Sữa Việt Nam',
    programmeName: 'Mừng xuân 2026',
    promotionForm: 'phieu-du-thi',
    goods: 'Sữa tươi tiệt trùng hộp 180 ml',
    prizes: [
      { description: 'Xe máy', quantity: 2, unitValue: 30_000_000 },
      { description: 'Thùng sữa', quantity: 100, unitValue: 300_000 },
    ],
    area: 'Tỉnh Quảng Ngãi',
    startDate: '2026-03-11',
    endDate: '2026-04-30',
  };
}

const FORMS: Record<string, { draft: () => Draft; cases: Mutation[] }> = {
  '1.001612': {
    draft: registration,
    cases: [
      ['name without the prefix', (f) => (f.businessName = 'Bánh xèo Cô Ba')],
      ['name with "công ty"', (f) => (f.businessName = 'Hộ kinh doanh Công ty Ba')],
      ['name spaced out', (f) => (f.businessName = '  Hộ kinh   doanh  Cô Ba ')],
      ['unit not picked', (f) => (f.location.unitCode = '')],
      ['street empty', (f) => (f.location.street = '  ')],
      ['location with an extra key', (f) => (f.location.ward = 'x')],
      ['no main line', (f) => (f.businessLines[0].isMain = false)],
      ['two main lines', (f) => (f.businessLines[1].isMain = true)],
      ['no line at all', (f) => (f.businessLines = [])],
      ['a line twice', (f) => (f.businessLines[1].code = '5610')],
      ['a 5-digit code', (f) => (f.businessLines[1].code = '56101')],
      ['a code missing from the partial list', (f) => (f.businessLines[1].code = '0139')],
      ['capital zero', (f) => (f.capital = 0)],
      ['capital with decimals', (f) => (f.capital = 1.5)],
      ['capital as text', (f) => (f.capital = '50000000')],
      ['negative employees', (f) => (f.employees = -1)],
      ['ID year contradicts birth date', (f) => (f.owner.birthDate = '1991-05-12')],
      ['ID century contradicts birth date', (f) => (f.owner.citizenId = '051390123456')],
      ['ID sex contradicts sex', (f) => (f.owner.sex = 'male')],
      ['ID of 9 digits', (f) => (f.owner.citizenId = '051190123')],
      ['ID mismatch and another owner error', (f) => Object.assign(f.owner, { sex: 'male', ethnicity: '' })],
      ['foreign owner', (f) => (f.owner.nationality = 'Hàn Quốc')],
      ['nationality without diacritics', (f) => (f.owner.nationality = 'viet nam')],
      ['bad phone', (f) => (f.owner.phone = '0123')],
      ['bad email', (f) => (f.owner.email = 'ba@')],
      ['an email', (f) => (f.owner.email = 'ba@example.vn')],
      ['member ID year', (f) => (f.members[0].birthDate = '1989-01-02')],
      ['member is the owner', (f) => Object.assign(f.members[0], { citizenId: '051190123456', birthDate: '1990-05-12' })],
      ['contributions above capital', (f) => (f.members[0].contribution = 60_000_000)],
      ['contribution absent', (f) => delete f.members[0].contribution],
      ['negative contribution', (f) => (f.members[0].contribution = -5)],
      ['no members', (f) => delete f.members],
      ['post without address', (f) => (f.delivery = 'post')],
      ['post with address', (f) => Object.assign(f, { delivery: 'post', postalAddress: '12 Lê Lợi, Quảng Ngãi' })],
      ['post with a blank address', (f) => Object.assign(f, { delivery: 'post', postalAddress: '   ' })],
      ['unknown delivery', (f) => (f.delivery = 'fax')],
      ['unknown delivery and a member error', (f) => Object.assign(f, { delivery: 'fax', members: [{}] })],
      ['missing owner', (f) => delete f.owner],
      ['unknown top-level key', (f) => (f.extra = 1)],
      ['unknown key and contributions above capital', (f) => Object.assign(f, { extra: 1, capital: 1 })],
      [
        'everything removed',
        (f) => {
          for (const k of Object.keys(f)) delete f[k];
        },
      ],
    ],
  },
  '2.000720': {
    draft: change,
    cases: [
      ['only the capital', (f) => (f.changes = { capital: 80_000_000 })],
      ['only the name', (f) => (f.changes = { businessName: 'Hộ kinh doanh Cô Ba 2' })],
      ['employees 0', (f) => (f.changes = { employees: 0 })],
      ['nothing changes', (f) => (f.changes = {})],
      ['changes not an object', (f) => (f.changes = 'capital')],
      ['changes with an unknown part', (f) => (f.changes = { capital: 1, colour: 'red' })],
      ['unknown part only', (f) => (f.changes = { colour: 'red' })],
      ['lines without a main one', (f) => (f.changes = { businessLines: [{ code: '5610', name: 'Ăn uống', isMain: false }] })],
      ['empty member list', (f) => (f.changes = { members: [] })],
      ['a member with a bad ID', (f) => (f.changes = { members: [{ fullName: 'A', birthDate: '1990-01-01', citizenId: '1' }] })],
      ['new owner with wrong sex', (f) => (f.changes.owner.sex = 'male')],
      ['bad registration number', (f) => (f.registrationNumber = '34H 800')],
      ['long registration number', (f) => (f.registrationNumber = 'A'.repeat(31))],
      ['bad owner ID', (f) => Object.assign(f, { ownerCitizenId: '1234', changes: { employees: 3 } })],
    ],
  },
  '1.001266': {
    draft: termination,
    cases: [
      ['three errors', (f) => Object.assign(f, { reason: '', terminationDate: '2026-02-30', hasOriginalCertificate: undefined })],
      ['reason too long', (f) => (f.reason = 'x'.repeat(1001))],
      ['certificate as text', (f) => (f.hasOriginalCertificate = 'yes')],
      ['no certificate', (f) => (f.hasOriginalCertificate = false)],
      ['date in another shape', (f) => (f.terminationDate = '31/03/2026')],
      ['registration number with a slash', (f) => (f.registrationNumber = '34-H8/001.234')],
    ],
  },
  'QNG-TB-KHUYEN-MAI': {
    draft: promotion,
    cases: [
      ['start too early', (f) => (f.startDate = '2026-03-10')],
      ['start long ago', (f) => (f.startDate = '2026-01-01')],
      ['end before start', (f) => Object.assign(f, { endDate: '2026-03-10', startDate: '2026-03-12' })],
      ['bad check digit', (f) => (f.taxCode = '0300588568')],
      ['branch tax code', (f) => (f.taxCode = '0300588569001')],
      ['form outside the list', (f) => (f.promotionForm = 'xo-so')],
      ['lottery', (f) => (f.promotionForm = 'may-rui')],
      ['lottery without prizes', (f) => Object.assign(f, { promotionForm: 'may-rui', prizes: [] })],
      ['other form', (f) => (f.promotionForm = 'khac')],
      ['contest without prizes', (f) => (f.prizes = [])],
      ['contest with prizes absent', (f) => delete f.prizes],
      ['discount without prizes', (f) => Object.assign(f, { promotionForm: 'giam-gia', prizes: [] })],
      ['prize of 0 đồng', (f) => (f.prizes = [{ description: 'Quà', quantity: 1, unitValue: 0 }])],
      ['prize quantity 0.5', (f) => (f.prizes = [{ description: 'Quà', quantity: 0.5, unitValue: 10 }])],
      ['no goods', (f) => (f.goods = '')],
      ['no area', (f) => (f.area = undefined)],
      ['impossible end date', (f) => (f.endDate = '2026-02-30')],
      ['impossible start date', (f) => (f.startDate = '2026-02-30')],
    ],
  },
};

function compare(code: string, data: unknown, filing = deps, label = ''): void {
  const definition = findPilotDefinition(code);
  assert.ok(definition, code);
  const handWritten = validateForm(code, data, filing);
  const compiled = compileDefinition(definition).validate(data, filing);
  // One known difference: a definition names the field it asks for ("Vui lòng nhập chủ hộ kinh
  // doanh", or its own words) where the hand-written forms, which have no field names, say "Vui lòng nhập thông tin này".
  const unnamedBy = (reference: typeof handWritten) => {
    const missing = new Set(reference.ok ? [] : reference.errors.filter((e) => e.message === MISSING_VALUE).map((e) => e.field));
    return (e: { field: string; message: string }) =>
      missing.has(e.field) && /^Vui lòng /.test(e.message) ? { ...e, message: MISSING_VALUE } : e;
  };
  const sorted = (r: typeof handWritten, reference = r) =>
    r.ok
      ? r
      : {
          ok: false,
          errors: [...r.errors]
            .map(unnamedBy(reference))
            .sort((a, b) => `${a.field}|${a.message}`.localeCompare(`${b.field}|${b.message}`)),
        };
  assert.deepEqual(sorted(compiled, handWritten), sorted(handWritten), `${code} ${label}: ${JSON.stringify(data)}`);
  // The wizard stops on the same step with the same errors.
  const form = compileDefinition(definition);
  for (const step of form.steps) {
    assert.deepEqual(
      sorted(
        { ok: false, errors: form.validateStep(step.id, data, filing) },
        { ok: false, errors: validateFormStep(code, step.id, data, filing) },
      ),
      sorted({ ok: false, errors: validateFormStep(code, step.id, data, filing) }),
      `${code} ${label} step ${step.id}`,
    );
  }
  for (const e of handWritten.ok ? [] : handWritten.errors) {
    assert.equal(form.stepOf(e.field), stepOfField(code, e.field)?.id, `${code} ${label}: step of ${e.field}`);
  }
}

test('each valid pilot draft is accepted by both, with the same normalised value', () => {
  for (const [code, { draft }] of Object.entries(FORMS)) {
    const r = compileDefinition(findPilotDefinition(code) as never).validate(draft(), deps);
    assert.equal(r.ok, true, `${code}: ${JSON.stringify(!r.ok && r.errors)}`);
    compare(code, draft());
  }
});

test('each broken rule is refused by both with the same field paths and messages', () => {
  for (const [code, { draft, cases }] of Object.entries(FORMS)) {
    for (const [label, bend] of cases) {
      const data = draft();
      bend(data);
      compare(code, data, deps, label);
    }
    compare(code, {}, deps, 'empty');
    compare(code, null, deps, 'null');
    compare(code, [], deps, 'array');
  }
});

test('an empty draft from the definition gets the same errors as from the hand-written form', () => {
  for (const code of Object.keys(FORMS)) {
    const draft = compileDefinition(findPilotDefinition(code) as never).defaultValue();
    compare(code, draft, deps, 'default draft');
  }
});

// Values a citizen (or a broken client) may send in place of any field.
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  0,
  -1,
  1.5,
  3,
  1_000_000_000,
  true,
  false,
  [],
  {},
  [{}],
  '2026-02-30',
  '2026-03-12',
  '1990-05-12',
  'male',
  'female',
  'post',
  'counter',
  'may-rui',
  'giam-gia',
  '051190123456',
  '051088654321',
  '0905123456',
  'Hộ kinh doanh Cô Ba',
  '5610',
  '0300588569',
  'a'.repeat(300),
];

/** Every path of a draft (objects and arrays included), so a mutation may hit a leaf or a whole part. */
function pathsOf(value: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}

function setAt(root: Draft, path: PropertyKey[], value: unknown, remove: boolean): Draft {
  if (path.length === 0) return root;
  let node = root as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
  const last = path.at(-1) as PropertyKey;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return root;
}

test('fast-check: bent drafts are judged the same by the hand-written form and the definition', () => {
  for (const [code, { draft, cases }] of Object.entries(FORMS)) {
    // Start from the valid draft or one of the fixed cases, so mutations also land beside other errors.
    const starts = [
      draft(),
      ...cases.map(([, bend]) => {
        const d = draft();
        bend(d);
        return d;
      }),
    ];
    const mutation = fc.record({
      pick: fc.nat(),
      value: fc.constantFrom(...ODD_VALUES),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: starts.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 40 }),
        (start, mutations, dayOffset) => {
          const data = structuredClone(starts[start]) as Draft;
          for (const m of mutations) {
            const paths = pathsOf(data).filter((p) => p.length > 0);
            if (paths.length === 0) break;
            setAt(data, paths[m.pick % paths.length] as PropertyKey[], structuredClone(m.value), m.remove);
          }
          const today = new Date(Date.UTC(2026, 2, 1 + dayOffset)).toISOString().slice(0, 10);
          compare(code, data, { today, calendar });
        },
      ),
      { numRuns: 250, seed: 20261201 },
    );
  }
});
