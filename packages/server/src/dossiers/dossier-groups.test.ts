import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BIRTH_GROUP_FORM } from '@dvc/domain/procedure-definition/groups/examples';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { get, login, post, uploaded } from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  citizen = await login(t.app, 'citizen');
});
after(() => t.close());

const BIRTH = '1.001193';
const RESIDENCE = '1.004222';
const CARD = 'QNG-BHYT-TRE-EM-DUOI-6';

async function birthGroup() {
  const file = (label: string) => uploaded(t.ctx, citizen, label);
  return {
    group: 'birth',
    unitCode: '21025',
    channel: 'mobile',
    // The members' real declarations (child, mother, father, residence, health insurance) in one form.
    form: structuredClone(BIRTH_GROUP_FORM) as Record<string, unknown>,
    attachments: [
      { procedureCode: BIRTH, componentId: 'to-khai', fileId: await file('to-khai-khai-sinh') },
      { procedureCode: BIRTH, componentId: 'giay-chung-sinh', fileId: await file('giay-chung-sinh') },
      { procedureCode: RESIDENCE, componentId: 'to-khai-ct01', fileId: await file('ct01') },
      { procedureCode: RESIDENCE, componentId: 'cho-o-hop-phap', fileId: await file('cho-o') },
      { procedureCode: CARD, componentId: 'danh-sach-to-khai', fileId: await file('bhyt') },
    ],
    delivery: 'electronic',
  };
}

test('one birth-group filing fans out to the three agencies, each with its own dossier, seen as one group', async () => {
  const res = await post(t.app, citizen, '/api/v1/dossier-groups', await birthGroup(), randomUUID());
  assert.equal(res.statusCode, 201, res.body);
  const group = res.json();
  assert.equal(group.members.length, 3);
  const agencies = group.members.map((m: { agencyCode: string }) => m.agencyCode).sort();
  assert.deepEqual(agencies, ['BHXH', 'CA.21025', 'UBND.21025']);
  const view = await get(t.app, citizen, `/api/v1/dossier-groups/${group.code}`);
  assert.equal(view.statusCode, 200, view.body);
  assert.equal(view.json().status, 'in_progress');
  assert.equal(view.json().members.length, 3);

  // Each agency sees only its own member.
  const receiver = await login(t.app, 'receiver');
  const inbox = await get(t.app, receiver, '/api/v1/officer/dossiers?tab=new');
  const mine = inbox.json().items.filter((d: { code: string }) => group.members.some((m: { code: string }) => m.code === d.code));
  assert.deepEqual(
    mine.map((d: { agencyCode: string }) => d.agencyCode),
    ['UBND.21025'],
  );
});

test('a missing paper of one member refuses the whole group and writes nothing', async () => {
  const body = await birthGroup();
  body.attachments = body.attachments.filter((a) => a.procedureCode !== RESIDENCE);
  const res = await post(t.app, citizen, '/api/v1/dossier-groups', body, randomUUID());
  assert.equal(res.statusCode, 400, res.body);
  assert.ok(res.json().errors.some((e: { field: string }) => e.field === `body.attachments.${RESIDENCE}`));
  const mine = await get(t.app, citizen, '/api/v1/dossiers?mine=true');
  assert.equal(mine.json().items.length, 3, 'only the first group exists');
});
