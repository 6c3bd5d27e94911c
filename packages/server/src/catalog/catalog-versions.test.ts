import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { procedureDefinitions as pd } from '@dvc/domain';
import { sampleDefinition } from '@dvc/domain/procedure-definition/test-fixtures';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness';
import {
  BUILT_IN_NOTE,
  currentProcedureVersion,
  insertProcedureVersion,
  listProcedureVersions,
  procedureVersion,
  seedCatalog,
  setProcedureActive,
} from './index';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: false });
});
after(() => t.close());

const province = () => t.ctx.config.PROVINCE_CODE;
const get = (url: string) => t.app.inject({ method: 'GET', url });

/** A built-in definition with another name: what an administrator's edit looks like. */
function renamed(code: string, vi: string): pd.ProcedureDefinition {
  const base = pd.findBuiltInDefinition(code)!;
  return pd.ProcedureDefinition.parse({ ...structuredClone(base), names: { ...base.names, vi } });
}

test('every one of the ten procedures is served as version 1 with its definition, the group members with their real forms', async () => {
  for (const built of pd.BUILT_IN_DEFINITIONS) {
    const res = await get(`/api/v1/procedures/${built.code}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.version, 1, built.code);
    assert.equal(body.name, built.names.vi);
    assert.deepEqual(body.definition, JSON.parse(JSON.stringify(built)), built.code);
    const same = await get(`/api/v1/procedures/${built.code}/versions/1`);
    assert.equal(same.statusCode, 200, same.body);
    assert.deepEqual(same.json(), body);
  }
  const birth = (await get('/api/v1/procedures/1.001193')).json();
  const keys = birth.definition.form.steps.flatMap((s: { fields: Array<{ key: string }> }) => s.fields.map((f) => f.key));
  assert.deepEqual(keys, ['applicant', 'applicantRelationship', 'child', 'mother', 'father', 'note']);
  assert.equal(birth.definition.result.issuer, 'recorded-outcome');
});

test('a version that does not exist, of a code that does not exist, is a Vietnamese 404', async () => {
  const missing = await get('/api/v1/procedures/1.001612/versions/99');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().title, 'Không tìm thấy phiên bản thủ tục');
  assert.equal((await get('/api/v1/procedures/9.999999/versions/1')).statusCode, 404);
  assert.equal((await get('/api/v1/procedures/1.001612/versions/0')).statusCode, 400);
});

test('a new version becomes the current one; the old one is still served, also once the procedure is withdrawn', async () => {
  const code = '1.001266';
  const author = randomUUID();
  const version = await t.ctx.db.transaction().execute((trx) =>
    insertProcedureVersion(trx, province(), renamed(code, 'Chấm dứt hoạt động hộ kinh doanh (mẫu mới)'), {
      createdBy: author,
      note: 'Đổi tên',
      now: t.ctx.now(),
    }),
  );
  assert.equal(version, 2);
  const current = (await get(`/api/v1/procedures/${code}`)).json();
  assert.equal(current.version, 2);
  assert.equal(current.name, 'Chấm dứt hoạt động hộ kinh doanh (mẫu mới)');
  assert.equal((await get(`/api/v1/procedures/${code}/versions/1`)).json().name, 'Chấm dứt hoạt động hộ kinh doanh');
  // The list and the search read the current version's facts.
  const found = await get(`/api/v1/procedures?q=${encodeURIComponent('mau moi')}`);
  assert.deepEqual(
    found.json().items.map((p: { code: string }) => p.code),
    [code],
  );
  const history = await listProcedureVersions(t.ctx.db, province(), code);
  assert.deepEqual(
    history.map((v) => [v.version, v.createdBy, v.note]),
    [
      [1, null, BUILT_IN_NOTE],
      [2, author, 'Đổi tên'],
    ],
  );

  assert.equal(await setProcedureActive(t.ctx.db, province(), code, false), true);
  assert.equal((await get(`/api/v1/procedures/${code}`)).statusCode, 404);
  assert.equal(await currentProcedureVersion(t.ctx, code), undefined);
  assert.equal((await get(`/api/v1/procedures/${code}/versions/1`)).statusCode, 200, 'a filed dossier still shows its form');
  assert.equal((await procedureVersion(t.ctx, code, 2))?.definition.names.vi, 'Chấm dứt hoạt động hộ kinh doanh (mẫu mới)');
  assert.equal(await setProcedureActive(t.ctx.db, province(), code, true), true);
  assert.equal(await setProcedureActive(t.ctx.db, province(), '9.999999', true), false);
});

test('two versions saved at once get two numbers, never the same one', async () => {
  const code = '2.000720';
  const save = (vi: string) =>
    t.ctx.db
      .transaction()
      .execute((trx) =>
        insertProcedureVersion(trx, province(), renamed(code, vi), { createdBy: randomUUID(), note: null, now: t.ctx.now() }),
      );
  const numbers = await Promise.all([save('Thay đổi A'), save('Thay đổi B'), save('Thay đổi C')]);
  assert.deepEqual([...numbers].sort(), [2, 3, 4]);
  assert.equal((await currentProcedureVersion(t.ctx, code))?.version, 4);
});

test('a stored version can be neither changed nor deleted', async () => {
  const refused = /append-only|permission denied/;
  await assert.rejects(
    sql`update procedure_version set note = 'sửa' where code = '1.001612' and version = 1`.execute(t.ctx.db),
    refused,
  );
  await assert.rejects(sql`delete from procedure_version where code = '1.001612'`.execute(t.ctx.db), refused);
  assert.equal((await procedureVersion(t.ctx, '1.001612', 1))?.version, 1);
});

test('the seed writes nothing when nothing changed, and a changed built-in definition as a new version', async () => {
  assert.deepEqual(await seedCatalog(t.ctx, false), ['Danh mục thủ tục: 10 thủ tục']);
  // As if the code that ran before shipped another promotion notice: the seed's last version differs from today's.
  const code = 'QNG-TB-KHUYEN-MAI';
  await insertProcedureVersion(t.ctx.db, province(), renamed(code, 'Thông báo khuyến mại (bản cũ)'), {
    createdBy: null,
    note: BUILT_IN_NOTE,
    now: t.ctx.now(),
  });
  assert.deepEqual(await seedCatalog(t.ctx, false), ['Danh mục thủ tục: 10 thủ tục (1 mới hoặc cập nhật)']);
  const versions = await listProcedureVersions(t.ctx.db, province(), code);
  assert.deepEqual(
    versions.map((v) => v.version),
    [1, 2, 3],
  );
  const current = await currentProcedureVersion(t.ctx, code);
  assert.equal(current?.version, 3);
  assert.deepEqual(current?.definition, pd.findBuiltInDefinition(code));
  assert.deepEqual((await procedureVersion(t.ctx, code, 1))?.definition, pd.findBuiltInDefinition(code), 'v1 untouched');
  assert.deepEqual(await seedCatalog(t.ctx, false), ['Danh mục thủ tục: 10 thủ tục']);
});

test("the seed leaves an administrator's version alone while the built-in definition is unchanged", async () => {
  const code = '1.001193';
  await insertProcedureVersion(t.ctx.db, province(), renamed(code, 'Đăng ký khai sinh (tỉnh sửa)'), {
    createdBy: randomUUID(),
    note: null,
    now: t.ctx.now(),
  });
  assert.deepEqual(await seedCatalog(t.ctx, false), ['Danh mục thủ tục: 10 thủ tục']);
  assert.equal((await currentProcedureVersion(t.ctx, code))?.definition.names.vi, 'Đăng ký khai sinh (tỉnh sửa)');
});

test('a procedure of a topic and group that did not exist is listed, searched and counted under its own topic name', async () => {
  const definition = pd.ProcedureDefinition.parse({
    ...sampleDefinition(),
    code: 'QNG-TAU-CA',
    slug: 'dang-ky-tau-ca',
    names: { vi: 'Đăng ký tàu cá', en: 'Fishing vessel registration' },
    topic: 'thuy-san',
    topicName: { vi: 'Thủy sản', en: 'Fisheries' },
    interlink: { group: 'tau-ca', order: 1 },
  });
  assert.equal(
    await insertProcedureVersion(t.ctx.db, province(), definition, { createdBy: randomUUID(), note: null, now: t.ctx.now() }),
    1,
  );
  const topics = (await get('/api/v1/procedure-topics')).json().items;
  assert.deepEqual(
    topics.find((i: { id: string }) => i.id === 'thuy-san'),
    { id: 'thuy-san', label: 'Thủy sản', count: 1 },
  );
  assert.deepEqual(
    topics.find((i: { id: string }) => i.id === 'ho-kinh-doanh'),
    { id: 'ho-kinh-doanh', label: 'Hộ kinh doanh', count: 3 },
  );
  const found = (await get(`/api/v1/procedures?q=${encodeURIComponent('thuy san')}`)).json();
  assert.deepEqual(
    found.items.map((p: { code: string; topicLabel: string; interlinkGroup: string }) => [
      p.code,
      p.topicLabel,
      p.interlinkGroup,
    ]),
    [['QNG-TAU-CA', 'Thủy sản', 'tau-ca']],
  );
  const byTopic = (await get('/api/v1/procedures?topic=thuy-san')).json();
  assert.equal(byTopic.total, 1);
  assert.equal((await get('/api/v1/procedures/QNG-TAU-CA')).json().topicLabel, 'Thủy sản');
});
