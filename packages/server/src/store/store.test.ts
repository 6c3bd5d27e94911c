import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { monthPeriod } from '@dvc/domain/indicators';
import { get, householdForm, login, post, uploaded } from '../dossiers/dossiers.test-helpers';
import { type SignedIn, signIn } from '../identity/identity.test-helpers';
import { register, verifyPhone } from '../identity/sign-up.service';
import { listRecentSms } from '../identity/sms-outbox';
import { buildIndicatorReport } from '../reports/reports.service';
import { type Desk, driveToResolved, fileDossier, signInDesk } from '../results/results.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

// Mondays 09:00 in Quảng Ngãi: the registration in October, the change and the termination in November.
const OCTOBER = new Date('2026-10-05T02:00:00Z');
const NOVEMBER = new Date('2026-11-09T02:00:00Z');
const OTHER = { phone: '0987650002', password: 'MatKhau@2026', fullName: 'Lê Thị Cúc' };

interface Doc {
  id: string;
  source: string;
  documentKind: string;
  title: string;
  procedureName: string | null;
  issuerName: string;
  dossierCode: string | null;
  digitizedBy: string | null;
  valid: boolean;
  validityText: string;
  downloadUrl: string;
  deletable: boolean;
  business?: { registrationNumber: string; ownerCitizenId: string };
}

let t: TestApp;
let citizen: SignedIn;
let other: SignedIn;
let desk: Desk;
let registration: string;

async function signUpOther(): Promise<SignedIn> {
  const r = await register(t.ctx, OTHER);
  if (!r.ok) throw new Error(`register: ${r.reason}`);
  const [sms] = await listRecentSms(t.ctx.db, t.ctx.config.PROVINCE_CODE, { phone: OTHER.phone, limit: 1 });
  const v = await verifyPhone(t.ctx, {
    phone: OTHER.phone,
    code: sms?.body.match(/\b(\d{6})\b/)?.[1] ?? '',
    signUpToken: r.signUpToken,
  });
  if (!v.ok) throw new Error(`verify: ${v.reason}`);
  return signIn(t.app, OTHER.phone, OTHER.password);
}

async function store(who: SignedIn, procedureCode?: string) {
  const res = await get(t.app, who, `/api/v1/me/documents${procedureCode ? `?procedureCode=${procedureCode}` : ''}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Doc[]; offers?: Array<{ componentId: string; documentIds: string[] }> };
}

const del = (who: SignedIn, id: string) =>
  t.app.inject({
    method: 'DELETE',
    url: `/api/v1/me/documents/${id}`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
  });

before(async () => {
  t = await createTestApp({ now: OCTOBER, config: { PUBLIC_URL: 'https://dichvucong.quangngai.gov.vn' } });
  citizen = await login(t.app, 'citizen');
  desk = await signInDesk(t.app);
  other = await signUpOther();
  registration = await fileDossier(t, citizen, '1.001612', '21025', householdForm(), ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan']);
  await driveToResolved(t.app, desk, registration);
});
after(() => t.close());

test('Kho dữ liệu lists the citizen’s result and accepted papers, with type, issuer, date and validity; another citizen sees none of it', async () => {
  const { items } = await store(citizen);
  const certificate = items.find((d) => d.source === 'result' && d.dossierCode === registration);
  assert.ok(certificate, JSON.stringify(items));
  assert.equal(certificate.title, 'Giấy chứng nhận đăng ký hộ kinh doanh');
  assert.equal(certificate.documentKind, 'giay-chung-nhan-dang-ky-ho-kinh-doanh');
  assert.match(certificate.issuerName, /\S/);
  assert.equal(certificate.validityText, 'Không thời hạn');
  assert.equal(certificate.deletable, false);
  const pdf = await get(t.app, citizen, certificate.downloadUrl);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const id = items.find((d) => d.source === 'component' && d.documentKind === 'giay-to-phap-ly-ca-nhan');
  assert.ok(id, 'the ID copy the desk accepted is in the store');
  assert.equal(id.procedureName, 'Đăng ký thành lập hộ kinh doanh');
  assert.equal(id.digitizedBy, 'citizen');
  assert.equal((await get(t.app, citizen, id.downloadUrl)).statusCode, 200);

  assert.deepEqual((await store(other)).items, []);
  assert.equal((await get(t.app, other, `/api/v1/me/documents/${certificate.id}`)).statusCode, 404);
  assert.equal((await get(t.app, other, `/api/v1/me/documents/${id.id}`)).statusCode, 404);
  assert.equal((await get(t.app, citizen, `/api/v1/me/documents/${certificate.id}`)).json().id, certificate.id);
});

test('only the citizen’s own uploads that no dossier holds can be deleted; results and dossier papers get a 409', async () => {
  const loose = await uploaded(t.ctx, citizen, 'ảnh chụp nhầm');
  const { items } = await store(citizen);
  const upload = items.find((d) => d.id === `upload-${loose}`);
  assert.ok(upload?.deletable);
  const result = items.find((d) => d.source === 'result')!;
  const paper = items.find((d) => d.source === 'component')!;
  const refusedResult = await del(citizen, result.id);
  assert.equal(refusedResult.statusCode, 409);
  assert.match(refusedResult.json().title, /Kết quả giải quyết .* không xóa/);
  const refusedPaper = await del(citizen, paper.id);
  assert.equal(refusedPaper.statusCode, 409);
  assert.match(refusedPaper.json().title, new RegExp(`thuộc hồ sơ ${registration}`));
  const inDossier = items.find((d) => d.source === 'component' && d.digitizedBy === 'citizen')!;
  const refusedUpload = await del(citizen, `upload-${inDossier.downloadUrl.split('/').pop()}`);
  assert.equal(refusedUpload.statusCode, 409);
  assert.equal(refusedUpload.json().title, 'Tệp này đã nộp kèm hồ sơ, không xóa được');
  assert.equal((await del(other, upload.id)).statusCode, 404, 'not theirs');
  assert.equal((await del(citizen, upload.id)).statusCode, 204);
  assert.ok(!(await store(citizen)).items.some((d) => d.id === upload.id));
});

test('a stored paper is offered and attached without an upload; another citizen’s or a replaced one is refused at its field', async () => {
  t.setNow(NOVEMBER);
  // A month later every session has ended: everyone signs in again.
  [citizen, other, desk] = await Promise.all([
    login(t.app, 'citizen'),
    signIn(t.app, OTHER.phone, OTHER.password),
    signInDesk(t.app),
  ]);
  const before = (await store(citizen)).items;
  const firstCertificate = before.find((d) => d.source === 'result')!;
  const ownerId = firstCertificate.business!.ownerCitizenId;
  const number = firstCertificate.business!.registrationNumber;
  // The change issues a new certificate: the first one is replaced, so no longer valid.
  const change = await fileDossier(
    t,
    citizen,
    '2.000720',
    '21025',
    { registrationNumber: number, ownerCitizenId: ownerId, changes: { capital: 80_000_000 } },
    ['thong-bao-thay-doi'],
  );
  await driveToResolved(t.app, desk, change);
  const { items, offers } = await store(citizen, '1.001266');
  const replaced = items.find((d) => d.id === firstCertificate.id)!;
  assert.equal(replaced.valid, false);
  assert.match(replaced.validityText, /Đã được thay thế/);
  const current = items.find((d) => d.source === 'result' && d.dossierCode === change)!;
  assert.deepEqual(offers, [{ componentId: 'giay-chung-nhan-goc', documentIds: [current.id] }]);
  // The register's entry comes with the certificate: the termination's form is filled from it.
  assert.deepEqual(current.business && [current.business.registrationNumber, current.business.ownerCitizenId], [number, ownerId]);

  const termination = async (who: SignedIn, documentId: string, key = randomUUID()) =>
    post(
      t.app,
      who,
      '/api/v1/dossiers',
      {
        procedureCode: '1.001266',
        unitCode: '21025',
        channel: 'mobile',
        form: {
          registrationNumber: current.business!.registrationNumber,
          ownerCitizenId: current.business!.ownerCitizenId,
          reason: 'Không tiếp tục kinh doanh',
          terminationDate: '2026-11-30',
          hasOriginalCertificate: true,
        },
        attachments: [
          { componentId: 'thong-bao-cham-dut', fileId: await uploaded(t.ctx, who, `thong-bao ${who.body.user.id}`) },
          { componentId: 'thong-bao-co-quan-thue', fileId: await uploaded(t.ctx, who, `thue ${who.body.user.id}`) },
          { componentId: 'giay-chung-nhan-goc', reusedDocumentId: documentId },
        ],
        delivery: 'electronic',
      },
      key,
    );
  const stale = await termination(citizen, replaced.id);
  assert.equal(stale.statusCode, 400, stale.body);
  const staleError = stale.json().errors.find((e: { field: string }) => e.field === 'body.attachments.2.reusedDocumentId');
  assert.match(staleError?.message ?? '', /hết hiệu lực: Đã được thay thế/);
  const foreign = await termination(other, current.id);
  assert.equal(foreign.statusCode, 400, foreign.body);
  assert.ok(
    foreign
      .json()
      .errors.some(
        (e: { field: string; message: string }) =>
          e.field === 'body.attachments.2.reusedDocumentId' && /Kho dữ liệu của bạn/.test(e.message),
      ),
  );

  // A double tap: one key, two requests at once — one dossier.
  const key = randomUUID();
  const [a, b] = await Promise.all([termination(citizen, current.id, key), termination(citizen, current.id, key)]);
  const filed = [a, b].filter((r) => r.statusCode === 201).map((r) => r.json().code as string);
  assert.ok(filed.length >= 1, `${a.statusCode} ${a.body} / ${b.statusCode} ${b.body}`);
  assert.equal(new Set(filed).size, 1);
  const count = await t.ctx.db
    .selectFrom('dossier')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('procedureCode', '=', '1.001266')
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1);

  // The desk sees the certificate marked reused, with its source, and can open it.
  const detail = await get(t.app, desk.receiver, `/api/v1/dossiers/${filed[0]}`);
  const attached = detail.json().attachments.find((x: { componentId: string }) => x.componentId === 'giay-chung-nhan-goc');
  assert.deepEqual(attached.reusedFrom, {
    kind: 'result',
    dossierCode: change,
    label: `Tái sử dụng: kết quả giải quyết của hồ sơ ${change}`,
  });
  assert.equal((await get(t.app, desk.receiver, `/api/v1/files/${attached.fileId}`)).statusCode, 200);

  // November at phường Cẩm Thành: the change and the termination, one of them reusing → 50%.
  const report = await buildIndicatorReport(t.ctx, {
    period: monthPeriod('2026-11'),
    periodLabel: 'Tháng 11/2026',
    groupBy: 'procedure',
  });
  assert.ok(report.ok);
  const total = report.value.total;
  assert.equal(total.received, 2);
  assert.equal(total.rates.reuse, 0.5);
  assert.equal(total.ratesText.reuse, '50,00%');
  assert.equal(report.value.rows.find((r) => r.key === '2.000720')?.ratesText.reuse, '0,00%');
  assert.equal(report.value.rows.find((r) => r.key === '1.001266')?.ratesText.reuse, '100,00%');
  assert.equal('reuse' in report.value.unavailable, false);
  // October had no reuse, but the province now has reuse data: its rate is a figure, 0 of 1.
  const october = await buildIndicatorReport(t.ctx, {
    period: monthPeriod('2026-10'),
    periodLabel: 'Tháng 10/2026',
    groupBy: 'unit',
  });
  assert.ok(october.ok);
  assert.equal(october.value.total.ratesText.reuse, '0,00%');
});

test('a digitized paper of an earlier dossier stands for the same component of a new one', async () => {
  const paper = (await store(citizen)).items.find(
    (d) => d.source === 'component' && d.documentKind === 'giay-to-phap-ly-ca-nhan',
  )!;
  const res = await post(
    t.app,
    citizen,
    '/api/v1/dossiers',
    {
      procedureCode: '1.001612',
      unitCode: '21025',
      channel: 'mobile',
      form: householdForm(),
      attachments: [
        { componentId: 'giay-de-nghi', fileId: await uploaded(t.ctx, citizen, 'de nghi 2') },
        { componentId: 'giay-to-phap-ly-ca-nhan', reusedDocumentId: paper.id },
      ],
      delivery: 'electronic',
    },
    randomUUID(),
  );
  assert.equal(res.statusCode, 201, res.body);
  const detail = (await get(t.app, citizen, `/api/v1/dossiers/${res.json().code}`)).json();
  const attached = detail.attachments.find((a: { componentId: string }) => a.componentId === 'giay-to-phap-ly-ca-nhan');
  assert.equal(attached.reusedFrom.dossierCode, registration);
  assert.equal(attached.reusedFrom.kind, 'component');
  assert.equal(detail.componentsDigitized, 2);
  // The other citizen cannot name it.
  const theirs = await post(
    t.app,
    other,
    '/api/v1/dossiers',
    {
      procedureCode: '1.001612',
      unitCode: '21025',
      channel: 'mobile',
      form: householdForm(),
      attachments: [
        { componentId: 'giay-de-nghi', fileId: await uploaded(t.ctx, other, 'de nghi cua Cuc') },
        { componentId: 'giay-to-phap-ly-ca-nhan', reusedDocumentId: paper.id },
      ],
      delivery: 'electronic',
    },
    randomUUID(),
  );
  assert.equal(theirs.statusCode, 400);
  assert.equal(theirs.json().errors[0].field, 'body.attachments.1.reusedDocumentId');
});
