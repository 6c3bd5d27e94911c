import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { procedureDefinitions } from '@dvc/domain';
import { sql } from 'kysely';
import { insertProcedureVersion } from '../../catalog/index';
import { get, householdForm, login } from '../../dossiers/dossiers.test-helpers';
import { pdfText } from '../../test/pdf-text';
import { agencyHeading } from '../result-documents';
import { newVerificationCode } from '../results.service';
import {
  createResultsTestApp,
  driveToResolved,
  fileDossier,
  PUBLIC_URL,
  type ResultsTestApp,
  signInDesk,
} from '../results.test-helpers';
import { issuerOf } from './index';
import type { Definition, IssueBase, ResultDossier } from './issuer';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const NOW = new Date('2026-11-30T02:00:00Z');

/** A procedure that is not one of the ten: what an administrator might add for the hotline's fishermen. */
const FISHING_LICENCE: Definition = procedureDefinitions.ProcedureDefinition.parse({
  code: 'QNG-XAC-NHAN-TAU-CA',
  slug: 'xac-nhan-tau-ca',
  names: { vi: 'Xác nhận đăng ký tàu cá hoạt động ven bờ', en: 'Confirmation of a coastal fishing vessel' },
  topic: 'ho-tich',
  authority: [{ level: 'commune', agencyKind: 'commune_people_committee' }],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 2 },
  fee: { kind: 'none' },
  components: [
    {
      id: 'to-khai',
      name: { vi: 'Tờ khai' },
      requirement: { kind: 'mandatory' },
      accepts: ['pdf'],
      maxBytes: 1_000_000,
      copyKind: 'original',
    },
  ],
  result: { kind: 'certificate', isDocument: true, issuer: 'certificate', template: 'giay-xac-nhan-tau-ca' },
  legalBasis: ['Luật Thủy sản 2017'],
  form: {
    steps: [
      {
        id: 'chu-tau',
        title: { vi: 'Chủ tàu' },
        fields: [
          { key: 'ownerName', type: 'text', label: { vi: 'Họ và tên chủ tàu' } },
          { key: 'home', type: 'address', label: { vi: 'Nơi thường trú' } },
        ],
      },
      {
        id: 'tau',
        title: { vi: 'Tàu cá' },
        fields: [
          {
            key: 'vessel',
            type: 'group',
            label: { vi: 'Thông tin tàu' },
            fields: [
              { key: 'registration', type: 'text', label: { vi: 'Số đăng ký tàu' } },
              { key: 'builtOn', type: 'date', label: { vi: 'Ngày hạ thủy' } },
              { key: 'value', type: 'money', label: { vi: 'Giá trị tàu' } },
              {
                key: 'gear',
                type: 'radio',
                label: { vi: 'Nghề khai thác' },
                params: {
                  options: [
                    { value: 'luoi-re', label: { vi: 'Lưới rê' } },
                    { value: 'cau', label: { vi: 'Câu tay' } },
                  ],
                },
              },
            ],
          },
          {
            key: 'crew',
            type: 'repeat',
            label: { vi: 'Thuyền viên' },
            fields: [{ key: 'fullName', type: 'text', label: { vi: 'Họ và tên thuyền viên' } }],
          },
          { key: 'insured', type: 'checkbox', label: { vi: 'Đã mua bảo hiểm thân tàu' } },
          { key: 'note', type: 'long-text', label: { vi: 'Ghi chú' }, required: false },
        ],
      },
    ],
  },
});

const FORM = {
  ownerName: 'Trần Văn Biển',
  home: { unitCode: '21025', street: '7 Bạch Đằng' },
  vessel: { registration: 'QNg-90123-TS', builtOn: '2019-04-15', value: 850_000_000, gear: 'cau' },
  crew: [{ fullName: 'Lê Văn Sóng' }, { fullName: 'Phạm Văn Gió' }],
  insured: true,
};

let t: ResultsTestApp;
before(async () => {
  t = await createResultsTestApp(NOW);
});
after(() => t.close());

function dossierAt(agencyCode: string, code = `TEST-${randomUUID().slice(0, 8)}`): ResultDossier {
  return {
    id: randomUUID(),
    code,
    provinceCode: t.ctx.config.PROVINCE_CODE,
    procedureCode: FISHING_LICENCE.code,
    procedureVersion: 1,
    agencyCode,
    unitCode: '21025',
    form: FORM,
    applicantPhone: null,
    receivedAt: NOW,
    submittedAt: NOW,
  };
}

async function baseFor(dossier: ResultDossier, at = NOW): Promise<IssueBase> {
  const name = 'Ủy ban nhân dân phường Cẩm Thành';
  return {
    agency: await agencyHeading(t.ctx.db, dossier.provinceCode, { name, unitCode: '21025', level: 'commune' }, at),
    issuerName: name,
    dossierCode: dossier.code,
    issuedAt: at,
    publicUrl: PUBLIC_URL,
    verificationCode: newVerificationCode(),
    signer: { title: 'Lãnh đạo phê duyệt', name: 'Phạm Thị Dung' },
  };
}

async function issue(dossier: ResultDossier, at = NOW) {
  const base = await baseFor(dossier, at);
  const issued = await t.ctx.db
    .transaction()
    .execute((trx) => issuerOf(FISHING_LICENCE).issue(trx, { base, dossier, definition: FISHING_LICENCE }));
  assert.ok(issued, 'the certificate issuer issues a document');
  return { issued, base };
}

describe('the generic certificate of a procedure added as data', () => {
  test('prints the procedure name, every given field under its label, the number and the verification QR', async () => {
    const dossier = dossierAt('UBND.21025', 'UBND.21025-261130-0001');
    const { issued, base } = await issue(dossier);
    assert.equal(issued.kind, 'certificate');
    assert.equal(issued.summary.title, 'Xác nhận đăng ký tàu cá hoạt động ven bờ');
    assert.match(issued.summary.number, /^\d+\/2026\/GCN$/);
    const text = await pdfText(issued.buffer);
    for (const needle of [
      'XÁC NHẬN ĐĂNG KÝ TÀU CÁ HOẠT ĐỘNG VEN BỜ',
      `Số: ${issued.summary.number}`,
      '1. Họ và tên chủ tàu: Trần Văn Biển',
      '2. Nơi thường trú: 7 Bạch Đằng, Phường Cẩm Thành',
      '3. Thông tin tàu',
      'Số đăng ký tàu: QNg-90123-TS',
      'Ngày hạ thủy: 15/04/2019',
      'Giá trị tàu: 850.000.000 đồng',
      'Nghề khai thác: Câu tay',
      '4. Thuyền viên',
      'Thuyền viên thứ 2',
      'Họ và tên thuyền viên: Phạm Văn Gió',
      '5. Đã mua bảo hiểm thân tàu: Có',
      'UBND.21025-261130-0001',
      'Phạm Thị Dung',
      `${PUBLIC_URL}/xac-minh/${base.verificationCode}`,
    ]) {
      assert.ok(text.includes(needle), `missing "${needle}" in ${text.slice(0, 1500)}`);
    }
    assert.ok(!text.includes('Ghi chú'), 'a field the citizen left empty is not printed');
    for (const personal of ['Trần Văn Biển', 'Bạch Đằng']) {
      assert.ok(!JSON.stringify(issued.summary).includes(personal), 'the public summary holds no form value');
    }
  });

  test('numbers run per agency and per year, without repeats when issued at once', async () => {
    const numbers = await Promise.all(Array.from({ length: 8 }, () => issue(dossierAt('UBND.21040'))));
    const serials = numbers.map(({ issued }) => issued.summary.number).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    assert.deepEqual(
      serials,
      Array.from({ length: 8 }, (_, i) => `${i + 1}/2026/GCN`),
      'another agency starts at 1; eight at once get eight numbers',
    );
    const nextYear = await issue(dossierAt('UBND.21040'), new Date('2027-01-04T02:00:00Z'));
    assert.equal(nextYear.issued.summary.number, '1/2027/GCN');
    // 31 Dec 2026, 23:30 in Vietnam is still 2026 there.
    const lastEvening = await issue(dossierAt('UBND.21040'), new Date('2026-12-31T16:30:00Z'));
    assert.equal(lastEvening.issued.summary.number, '9/2026/GCN');
  });
});

test('a procedure added to the catalog as data gets its certificate when the leader resolves it', async () => {
  const version = await t.ctx.db
    .transaction()
    .execute((trx) =>
      insertProcedureVersion(trx, t.ctx.config.PROVINCE_CODE, FISHING_LICENCE, { createdBy: null, note: null, now: NOW }),
    );
  const citizen = await login(t.app, 'citizen');
  const desk = await signInDesk(t.app);
  // Filing by a stored definition is proc-store's part (not on main yet): the dossier is filed as a
  // household registration and becomes one of the added procedure before the desk handles it.
  const code = await fileDossier(t, citizen, '1.001612', '21025', householdForm(), ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan']);
  await sql`update dossier set procedure_code = ${FISHING_LICENCE.code}, procedure_version = ${version},
    form = ${JSON.stringify(FORM)}::jsonb where code = ${code}`.execute(t.ctx.db);
  await driveToResolved(t.app, desk, code);
  const detail = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
  const result = detail.json().documents.find((d: { kind: string }) => d.kind === 'result-certificate');
  assert.equal(result?.title, 'Xác nhận đăng ký tàu cá hoạt động ven bờ', detail.body.slice(0, 400));
  const file = await get(t.app, citizen, `/api/v1/dossiers/${code}/result`);
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-disposition']), /giay-xac-nhan-tau-ca-/);
  const text = await pdfText(file.rawPayload);
  for (const needle of [
    'XÁC NHẬN ĐĂNG KÝ TÀU CÁ HOẠT ĐỘNG VEN BỜ',
    'Họ và tên chủ tàu: Trần Văn Biển',
    'Lê Văn Sóng',
    '/xac-minh/',
  ]) {
    assert.ok(text.includes(needle), `missing "${needle}" in ${text.slice(0, 1200)}`);
  }
});
