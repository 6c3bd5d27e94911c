import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildCalendar, CHANNELS, procedureDefinitions as pd } from '@dvc/domain';
// ajv comes with Fastify; an independent JSON Schema validator checks that the served schema means what zod means.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { checkIntakePolicy } from '../dossiers/dossier-policy';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: false });
});
after(() => t.close());

/** The complete example of docs/procedures.md, read from the document itself. */
function docsExample(): Record<string, unknown> {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/procedures.md', import.meta.url)), 'utf8');
  const block =
    /<!-- procedure-definition-example:start -->\s*```json\n([\s\S]*?)```\s*<!-- procedure-definition-example:end -->/.exec(doc);
  assert.ok(block?.[1], 'docs/procedures.md has the example block');
  return JSON.parse(block[1]);
}

async function servedSchema() {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedure-definition.schema.json' });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/schema\+json/);
  return res.json() as Record<string, unknown> & { properties: Record<string, unknown> };
}

test('anyone gets the definition format as JSON Schema 2020-12, without signing in', async () => {
  const schema = await servedSchema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  for (const key of [
    'code',
    'names',
    'authority',
    'legalDuration',
    'notice',
    'fee',
    'components',
    'result',
    'onlineOnly',
    'form',
  ]) {
    assert.ok(key in schema.properties, key);
  }
  // The field types of the library are listed, so an editor can offer them.
  assert.match(JSON.stringify(schema), /"enum":\["text","long-text","number","money","date"/);
  const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  assert.ok(openapi.paths['/api/v1/procedure-definition.schema.json']?.get, 'the route is in the API documentation');
});

test('the example of docs/procedures.md is valid by the served schema and by the domain, and files a declaration', async () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(await servedSchema());
  const example = docsExample();
  assert.equal(validate(example), true, JSON.stringify(validate.errors));

  // The schema refuses what the format refuses: a fee without its legal basis, a component with no file type, an unknown type.
  const noBasis = structuredClone(example) as { fee: Record<string, unknown> };
  delete noBasis.fee.legalBasis;
  assert.equal(validate(noBasis), false);
  const noFileType = structuredClone(example) as { components: Array<{ accepts: string[] }> };
  noFileType.components[0]!.accepts = [];
  assert.equal(validate(noFileType), false);
  const unknownType = structuredClone(example) as { form: { steps: Array<{ fields: Array<{ type: string }> }> } };
  unknownType.form.steps[0]!.fields[0]!.type = 'signature';
  assert.equal(validate(unknownType), false);

  const checked = pd.validateProcedureDefinition(example);
  assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
  assert.deepEqual(pd.validateProcedureDefinition(noBasis), {
    ok: false,
    errors: [{ field: 'fee.legalBasis', message: 'Lệ phí phải có căn cứ pháp lý' }],
  });

  const form = pd.compileDefinition(checked.definition);
  const filing = {
    businessName: 'Hộ kinh doanh Bánh xèo Cô Ba',
    location: { unitCode: '21025', street: '12 Lê Lợi' },
    businessLines: [{ code: '5610', name: 'Nhà hàng', isMain: true }],
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
      phone: '0905123456',
    },
    delivery: 'counter',
    postalAddress: 'gõ trước khi đổi ý',
  };
  const deps = { today: '2026-03-06', calendar: buildCalendar({ years: [2026] }) };
  const accepted = form.validate(filing, deps);
  assert.ok(accepted.ok, JSON.stringify(!accepted.ok && accepted.errors));
  assert.equal((accepted.value as Record<string, unknown>).postalAddress, undefined, 'hidden field dropped');
  assert.deepEqual(form.validate({ ...filing, delivery: 'post', postalAddress: '' }, deps), {
    ok: false,
    errors: [{ field: 'postalAddress', message: 'Vui lòng nhập địa chỉ nhận kết quả qua bưu điện' }],
  });
});

test('the online-only policy in the pilot definitions answers as dossier-policy.ts does', () => {
  const days = ['2023-05-31', '2023-06-01', '2026-03-06'];
  let refused = 0;
  const reasons = [undefined, 'Người cao tuổi không dùng điện thoại thông minh'];
  for (const definition of pd.PILOT_DEFINITIONS) {
    for (const channel of CHANNELS) {
      for (const day of days) {
        for (const reason of reasons) {
          const now = new Date(`${day}T03:00:00Z`);
          const before = checkIntakePolicy(definition, channel, now, reason);
          const exception = reason ? { id: 'truong-hop-dac-biet', reason } : undefined;
          const after = pd.checkOnlineOnly(definition, channel, day, exception);
          if (!after.ok) refused++;
          const label = `${definition.code} ${channel} ${day} ${reason ?? '-'}`;
          assert.equal(after.ok, before.ok, label);
          if (!before.ok && !after.ok) {
            assert.equal(before.reason, 'policy', label);
            assert.equal(after.message, 'errors' in before ? before.errors?.[0]?.message : undefined, label);
          }
        }
      }
    }
  }
  // At the counter without a reason, from June 2023, for the three household-business procedures.
  assert.equal(refused, 3 * 2);
});
