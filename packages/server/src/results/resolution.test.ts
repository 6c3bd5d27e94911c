import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, get, householdForm, login } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import {
  approvedWithSameName,
  createResultsTestApp,
  type Desk,
  driveToApproved,
  driveToResolved,
  fileDossier,
  type ResultsTestApp,
  signInDesk,
} from './results.test-helpers';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const NOW = new Date('2026-11-30T02:00:00Z');
const REGISTRATION = ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan'];

let t: ResultsTestApp;
let citizen: SignedIn;
let desk: Desk;

before(async () => {
  t = await createResultsTestApp(NOW);
  citizen = await login(t.app, 'citizen');
  desk = await signInDesk(t.app);
});
after(() => t.close());

const registration = (name: string) => ({ ...householdForm(), businessName: name });

async function dossierRow(code: string) {
  return t.ctx.db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}

async function resolveEvent(code: string) {
  const row = await dossierRow(code);
  return t.ctx.db
    .selectFrom('dossierEvent')
    .selectAll()
    .where('dossierId', '=', row.id)
    .where('type', '=', 'resolve')
    .executeTakeFirst();
}

describe('the result is issued with the resolution and recorded by its event (decision 010)', () => {
  test('the resolve event names the result it issued, and the dossier’s result flags are that event’s', async () => {
    const code = await fileDossier(t, citizen, '1.001612', '21025', registration('Hộ kinh doanh Quán Gió Biển'), REGISTRATION);
    await driveToResolved(t.app, desk, code);
    const event = await resolveEvent(code);
    assert.ok(event, 'a resolve event');
    const result = (event.payload as { result?: Record<string, unknown> }).result;
    assert.ok(result, `the event records the result: ${JSON.stringify(event.payload)}`);
    assert.equal(result.kind, 'certificate');
    assert.match(String(result.number), /^51210258\d{6}$/);
    assert.equal(result.electronic, true);
    assert.equal(result.digitized, true);
    const row = await dossierRow(code);
    assert.equal(row.resultElectronic, true);
    assert.equal(row.resultDigitized, true);

    // The detail the leader gets back already lists the certificate, and its file is named by the template.
    const detail = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
    assert.ok(detail.json().documents.some((d: { kind: string }) => d.kind === 'result-certificate'));
    const file = await get(t.app, citizen, `/api/v1/dossiers/${code}/result`);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), /giay-chung-nhan-dang-ky-ho-kinh-doanh-/);
  });

  test('a refused proposal resolves without a result, and its flags say so', async () => {
    const code = await fileDossier(t, citizen, '1.001612', '21025', registration('Hộ kinh doanh Bị Bác'), REGISTRATION);
    for (const [who, event] of [
      [desk.receiver, { type: 'receive' }],
      [desk.receiver, { type: 'assign', specialistId: desk.specialist.body.user.id }],
      [desk.specialist, { type: 'propose', outcome: 'reject', draft: 'Từ chối: ngành nghề cấm' }],
      [desk.leader, { type: 'approve' }],
      [desk.leader, { type: 'resolve' }],
    ] as const) {
      const res = await act(t.app, who, code, event);
      assert.equal(res.statusCode, 200, res.body);
    }
    const event = await resolveEvent(code);
    assert.ok(event, 'a resolve event');
    assert.equal((event.payload as { result?: unknown }).result, undefined);
    const row = await dossierRow(code);
    assert.equal(row.status, 'resolved');
    assert.equal(row.resultElectronic, false);
    assert.equal(row.resultDigitized, false);
  });

  test('leaders racing two dossiers for one name: the one refused is not resolved at all', async () => {
    const name = 'Hộ kinh doanh Đôi Bạn';
    const codes = await approvedWithSameName(t, desk, citizen, registration, name, 2, REGISTRATION);
    const approved = (await dossierRow(codes[0] as string)).status;
    const answers = await Promise.all(codes.map((c) => act(t.app, desk.leader, c, { type: 'resolve' })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body.slice(0, 200)).join('\n'));
    for (const [i, answer] of answers.entries()) {
      const row = await dossierRow(codes[i] as string);
      if (answer.statusCode === 409) {
        assert.match(answer.json().title, /đăng ký/);
        assert.equal(row.status, approved, 'nothing of the refused resolution was written');
        assert.equal(await resolveEvent(row.code), undefined);
      } else {
        assert.equal(row.status, 'resolved');
        assert.equal(row.resultElectronic, true);
      }
    }
  });
});
