import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { procedureDefinitions as pd } from '@dvc/domain';
import { BIRTH_GROUP_FORM } from '@dvc/domain/procedure-definition/groups/examples';
import { insertProcedureVersion } from '../catalog/index';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { definitionOfDossier } from './dossier-form';
import { get, householdRegistration, login, post, registrationAttachments, uploaded } from './dossiers.test-helpers';

/** Monday 30 November 2026, 09:00 in Vietnam. */
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
const REGISTRATION = '1.001612';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let hotline: SignedIn;

before(async () => {
  t = await createTestApp({ now: MONDAY_9AM });
  [citizen, receiver, hotline] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver'), login(t.app, 'hotline')]);
});
after(() => t.close());

/** The current definition of `code` with one field added to (or replaced on) its first step: an administrator's edit. */
async function saveVersionWithField(code: string, field: pd.FieldDefinition): Promise<number> {
  const current = (await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${code}` })).json().definition;
  const edited = structuredClone(current) as { form: { steps: Array<{ fields: pd.FieldDefinition[] }> } };
  const fields = edited.form.steps[0]!.fields;
  const at = fields.findIndex((f) => f.key === field.key);
  if (at >= 0) fields[at] = field;
  else fields.push(field);
  const definition = pd.ProcedureDefinition.parse(edited);
  return t.ctx.db.transaction().execute((trx) =>
    insertProcedureVersion(trx, t.ctx.config.PROVINCE_CODE, definition, {
      createdBy: randomUUID(),
      note: `Thêm trường ${field.key}`,
      now: t.ctx.now(),
    }),
  );
}

const signboard = (required: boolean): pd.FieldDefinition => ({
  key: 'signboard',
  type: 'text',
  label: { vi: 'Tên trên biển hiệu', en: 'Signboard' },
  required,
});

async function dossierCount(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('dossier')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function fileRegistration(who: SignedIn, url: string, extra: Record<string, unknown>, key = randomUUID()) {
  const attachments = await registrationAttachments(t.ctx, who);
  const online = url === '/api/v1/dossiers';
  const body = { ...householdRegistration({ attachments, ...(online ? {} : { channel: undefined }) }), ...extra };
  return post(t.app, who, url, body, key);
}

let firstCode: string;

test('a dossier is filed under the current version and says so', async () => {
  const res = await fileRegistration(citizen, '/api/v1/dossiers', {});
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().procedureVersion, 1);
  firstCode = res.json().code;
  const detail = await get(t.app, citizen, `/api/v1/dossiers/${firstCode}`);
  assert.equal(detail.json().procedureVersion, 1);
});

test('a form filled for an older version that the new one accepts is filed under the new version', async () => {
  assert.equal(await saveVersionWithField(REGISTRATION, signboard(false)), 2);
  const res = await fileRegistration(citizen, '/api/v1/dossiers', { procedureVersion: 1 });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().procedureVersion, 2);
  const current = await fileRegistration(citizen, '/api/v1/dossiers', { procedureVersion: 2 });
  assert.equal(current.json().procedureVersion, 2);
});

test('a form filled for an older version that the new one refuses: 409 "Thủ tục đã thay đổi", with the fields, nothing written', async () => {
  assert.equal(await saveVersionWithField(REGISTRATION, signboard(true)), 3);
  const before = await dossierCount();
  const key = randomUUID();
  for (const [who, url] of [
    [citizen, '/api/v1/dossiers'],
    [receiver, '/api/v1/dossiers/counter'],
    [hotline, '/api/v1/dossiers/hotline'],
  ] as const) {
    const extra = {
      procedureVersion: 2,
      ...(url === '/api/v1/dossiers' ? {} : { applicant: { fullName: 'Trần Văn Bình' } }),
      ...(url.endsWith('counter') ? { specialCaseReason: 'Người cao tuổi, không dùng điện thoại thông minh' } : {}),
    };
    const res = await fileRegistration(who, url, extra, key);
    assert.equal(res.statusCode, 409, `${url}: ${res.body}`);
    const problem = res.json();
    assert.equal(problem.type, 'https://dvc.quangngai.gov.vn/problems/procedure-changed');
    assert.equal(problem.title, 'Thủ tục đã thay đổi');
    assert.match(problem.detail, /kiểm tra lại/);
    assert.equal(problem.currentVersion, 3);
    assert.deepEqual(problem.errors, [{ field: 'body.form.signboard', message: 'Vui lòng nhập tên trên biển hiệu' }]);
  }
  assert.equal(await dossierCount(), before, 'nothing written');

  // Without a version the same form is simply invalid for the current one (400), as any filing.
  const plain = await fileRegistration(citizen, '/api/v1/dossiers', {});
  assert.equal(plain.statusCode, 400, plain.body);
  // Checked again and completed, the item goes through under the same key (the refusal kept nothing).
  const fixed = await post(
    t.app,
    citizen,
    '/api/v1/dossiers',
    {
      ...householdRegistration({ attachments: await registrationAttachments(t.ctx, citizen) }),
      form: { ...householdRegistration().form, signboard: 'Bánh xèo Cô Ba' },
      procedureVersion: 3,
    },
    key,
  );
  assert.equal(fixed.statusCode, 201, fixed.body);
  assert.equal(fixed.json().procedureVersion, 3);
});

test('a version not yet published is refused on its field', async () => {
  const res = await fileRegistration(citizen, '/api/v1/dossiers', { procedureVersion: 9 });
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(res.json().errors, [{ field: 'body.procedureVersion', message: 'Phiên bản thủ tục không tồn tại' }]);
});

test('a dossier filed under version 1 stays version 1, shown and judged by version 1 after later versions', async () => {
  const detail = (await get(t.app, receiver, `/api/v1/dossiers/${firstCode}`)).json();
  assert.equal(detail.procedureVersion, 1);
  const served = await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${REGISTRATION}/versions/1` });
  const keys = served.json().definition.form.steps.flatMap((s: { fields: Array<{ key: string }> }) => s.fields.map((f) => f.key));
  assert.ok(!keys.includes('signboard'), 'the form of version 1');
  const row = await t.ctx.db.selectFrom('dossier').selectAll().where('code', '=', firstCode).executeTakeFirstOrThrow();
  const filedUnder = await definitionOfDossier(t.ctx, row);
  assert.equal(filedUnder?.version, 1);
  assert.ok(pd.compileDefinition(filedUnder!.definition).validate(row.form).ok, 'its form is valid by its version');
  const current = (await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${REGISTRATION}` })).json();
  assert.equal(current.version, 3);
  assert.equal(pd.compileDefinition(pd.ProcedureDefinition.parse(current.definition)).validate(row.form).ok, false);
});

async function birthGroup(extra: Record<string, unknown> = {}) {
  const file = async (procedureCode: string, componentId: string) => ({
    procedureCode,
    componentId,
    fileId: await uploaded(t.ctx, citizen, `${procedureCode} ${componentId} ${randomUUID()}`),
  });
  return {
    group: 'birth',
    unitCode: '21025',
    channel: 'mobile',
    form: structuredClone(BIRTH_GROUP_FORM) as Record<string, unknown>,
    attachments: [
      await file('1.001193', 'to-khai'),
      await file('1.001193', 'giay-chung-sinh'),
      await file('1.004222', 'to-khai-ct01'),
      await file('1.004222', 'cho-o-hop-phap'),
      await file('QNG-BHYT-TRE-EM-DUOI-6', 'danh-sach-to-khai'),
    ],
    delivery: 'electronic',
    ...extra,
  };
}

test('a group filing: each member validated by its definition, versions per member, 409 naming the changed one', async () => {
  const filed = await post(t.app, citizen, '/api/v1/dossier-groups', await birthGroup(), randomUUID());
  assert.equal(filed.statusCode, 201, filed.body);
  assert.deepEqual(
    filed.json().members.map((m: { procedureVersion: number }) => m.procedureVersion),
    [1, 1, 1],
  );
  const stored = await t.ctx.db
    .selectFrom('dossier')
    .select(['procedureCode', 'form'])
    .where('groupCode', '=', filed.json().code)
    .execute();
  const birth = stored.find((r) => r.procedureCode === '1.001193')!;
  assert.deepEqual(Object.keys(birth.form).sort(), ['applicant', 'applicantRelationship', 'child', 'father', 'mother', 'note']);

  const unknown = await post(
    t.app,
    citizen,
    '/api/v1/dossier-groups',
    await birthGroup({ form: { ...BIRTH_GROUP_FORM, pet: 'mèo' } }),
    randomUUID(),
  );
  assert.equal(unknown.statusCode, 400, unknown.body);
  assert.ok(unknown.json().errors.some((e: { field: string }) => e.field === 'body.form.pet'));

  await saveVersionWithField('1.001193', {
    key: 'birthOrder',
    type: 'number',
    label: { vi: 'Con thứ mấy', en: 'Birth order' },
    params: { integer: true, min: 1 },
  });
  const before = await dossierCount();
  const changed = await post(
    t.app,
    citizen,
    '/api/v1/dossier-groups',
    await birthGroup({ procedureVersions: { '1.001193': 1, '1.004222': 1, 'QNG-BHYT-TRE-EM-DUOI-6': 1 } }),
    randomUUID(),
  );
  assert.equal(changed.statusCode, 409, changed.body);
  assert.equal(changed.json().title, 'Thủ tục đã thay đổi');
  assert.deepEqual(changed.json().currentVersions, { '1.001193': 2 });
  assert.deepEqual(changed.json().errors, [{ field: 'body.form.birthOrder', message: 'Vui lòng nhập con thứ mấy' }]);
  assert.equal(await dossierCount(), before, 'no member written');

  const completed = await post(
    t.app,
    citizen,
    '/api/v1/dossier-groups',
    await birthGroup({ form: { ...BIRTH_GROUP_FORM, birthOrder: 1 }, procedureVersions: { '1.001193': 1 } }),
    randomUUID(),
  );
  assert.equal(completed.statusCode, 201, completed.body);
  // In the group's order: birth registration (now version 2), permanent residence, health insurance.
  assert.deepEqual(
    completed.json().members.map((m: { procedureVersion: number }) => m.procedureVersion),
    [2, 1, 1],
  );
});

test('a promotion notice must still come 3 working days before the promotion starts', async () => {
  const form = {
    taxCode: '0100109106',
    enterpriseName: 'Công ty TNHH Thương mại Sông Trà',
    programmeName: 'Khuyến mại mừng xuân 2027',
    promotionForm: 'giam-gia',
    goods: 'Nước mắm, gạo',
    prizes: [],
    area: 'Tỉnh Quảng Ngãi',
    startDate: '2026-12-02',
    endDate: '2026-12-31',
  };
  const notice = async (startDate: string) =>
    post(
      t.app,
      citizen,
      '/api/v1/dossiers',
      {
        procedureCode: 'QNG-TB-KHUYEN-MAI',
        unitCode: '21025',
        form: { ...form, startDate },
        attachments: [{ componentId: 'thong-bao-khuyen-mai', fileId: await uploaded(t.ctx, citizen, `tb-km ${startDate}`) }],
        delivery: 'electronic',
      },
      randomUUID(),
    );
  const early = await notice('2026-12-02');
  assert.equal(early.statusCode, 400, early.body);
  assert.deepEqual(early.json().errors, [
    {
      field: 'body.form.startDate',
      message: 'Ngày bắt đầu sớm nhất là 03/12/2026 (thông báo phải gửi trước ít nhất 3 ngày làm việc)',
    },
  ]);
  const onTime = await notice('2026-12-03');
  assert.equal(onTime.statusCode, 201, onTime.body);
});
