import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { procedureDefinitions } from '@dvc/domain';
import { ISSUER_NAMES, isKnownIssuer, registerOperationOf, resultRuleProblems } from '../index';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

test('the issuers a definition may name, and nothing else', () => {
  for (const name of ['household-business-register', 'acknowledgement', 'recorded-outcome', 'certificate']) {
    assert.equal(isKnownIssuer(name), true, name);
  }
  assert.deepEqual([...ISSUER_NAMES].sort(), [
    'acknowledgement',
    'certificate',
    'household-business-register',
    'recorded-outcome',
  ]);
  assert.equal(isKnownIssuer('giay-phep-xay-dung'), false);
  assert.equal(isKnownIssuer('constructor'), false);
});

test('a result rule is refused with its path when its issuer or its template is unknown', () => {
  assert.deepEqual(resultRuleProblems({ issuer: 'certificate', template: 'bat-ky-mau-nao' }), []);
  const unknown = resultRuleProblems({ issuer: 'khong-co', template: 'x' });
  assert.equal(unknown[0]?.path, 'result.issuer');
  assert.match(unknown[0]?.message ?? '', /Không có bộ cấp kết quả "khong-co"/);
  const template = resultRuleProblems({ issuer: 'household-business-register', template: 'giay-xac-nhan' });
  assert.equal(template[0]?.path, 'result.template');
  for (const d of procedureDefinitions.PILOT_DEFINITIONS) assert.deepEqual(resultRuleProblems(d.result), [], d.code);
});

test('the register issuer reads what a procedure does from its definition: register, change, terminate', () => {
  const operations = procedureDefinitions.PILOT_DEFINITIONS.filter((d) => d.result.issuer === 'household-business-register')
    .map((d) => registerOperationOf(d))
    .sort();
  assert.deepEqual(operations, ['change', 'register', 'terminate']);
});

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith('.ts') && !/test/.test(entry.name)) out.push(path);
  }
  return out;
}

test('results, registry, documents and the demo history name no procedure by its code', async () => {
  const files = [
    ...(await sourceFiles(join(SRC, 'results'))),
    ...(await sourceFiles(join(SRC, 'registry'))),
    ...(await sourceFiles(join(SRC, 'documents'))),
    join(SRC, 'reports/demo-history.seed.ts'),
  ];
  const offending: string[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/'[12]\.[0-9]{6}'|QNG-[A-Z]/g)) offending.push(`${file.slice(SRC.length)}: ${m[0]}`);
  }
  assert.deepEqual(offending, []);
});
