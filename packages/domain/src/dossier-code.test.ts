import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dossierCodeSchema, formatDossierCode, parseDossierCode } from './dossier-code';

test('the code is <agency>-YYMMDD-NNNN with the Vietnam receipt date', () => {
  assert.equal(formatDossierCode('000.00.00.H00', '2023-05-10', 7), '000.00.00.H00-230510-0007');
  // 23:30 UTC on 1 May is 06:30 on 2 May in Quảng Ngãi.
  assert.equal(formatDossierCode('000.00.00.H00', new Date('2025-05-01T23:30:00Z'), 1), '000.00.00.H00-250502-0001');
  assert.equal(formatDossierCode('000.00.00.H00', new Date('2025-05-01T16:59:59Z'), 9999), '000.00.00.H00-250501-9999');
});

test('malformed inputs are programming errors', () => {
  assert.throws(() => formatDossierCode('000.00.00.H00', '2023-05-10', 0), RangeError);
  assert.throws(() => formatDossierCode('000.00.00.H00', '2023-05-10', 1_000_000_000), RangeError);
  assert.throws(() => formatDossierCode('000.00.00.H00', '2023-05-10', 1.5), RangeError);
  assert.throws(() => formatDossierCode('UB-ND', '2023-05-10', 1), RangeError);
  assert.throws(() => formatDossierCode('000.00.00.H00', '2023-02-30', 1), RangeError);
});

test('codes typed on a phone are read back; wrong ones are not', () => {
  assert.deepEqual(parseDossierCode(' 000.00.00.h00-230510-0007 '), {
    agencyCode: '000.00.00.H00',
    receiptDate: '2023-05-10',
    sequence: 7,
  });
  assert.equal(parseDossierCode('000.00.00.H00-230230-0007'), null);
  assert.equal(parseDossierCode('000.00.00.H00-230510-0000'), null);
  assert.equal(parseDossierCode('000.00.00.H00-230510-07'), null);
  assert.equal(parseDossierCode('000.00.00.H00-230510-00007'), null, 'one spelling per code: no padding past four digits');
  assert.equal(parseDossierCode('000.00.00.H00-230510-1000000000'), null);
  assert.equal(dossierCodeSchema.parse('000.00.00.h00 - 230510 - 0007'), '000.00.00.H00-230510-0007');
  const bad = dossierCodeSchema.safeParse('HS-2023-7');
  assert.equal(bad.success, false);
  assert.match(bad.error!.issues[0]!.message, /Mã hồ sơ không đúng dạng/);
});

test('a desk past 9999 in a day goes on with a fifth digit (decision 007)', () => {
  assert.equal(formatDossierCode('UBND.21025', '2026-11-30', 9999), 'UBND.21025-261130-9999');
  assert.equal(formatDossierCode('UBND.21025', '2026-11-30', 10000), 'UBND.21025-261130-10000');
  assert.equal(formatDossierCode('UBND.21025', '2026-11-30', 123456), 'UBND.21025-261130-123456');
  assert.deepEqual(parseDossierCode('ubnd.21025-261130-10000'), {
    agencyCode: 'UBND.21025',
    receiptDate: '2026-11-30',
    sequence: 10000,
  });
  assert.equal(dossierCodeSchema.parse(' UBND.21025 - 261130 - 10001 '), 'UBND.21025-261130-10001');
});

test('format and parse round-trip', () => {
  const agency = fc.array(fc.stringMatching(/^[A-Z0-9]{1,3}$/), { minLength: 1, maxLength: 4 }).map((groups) => groups.join('.'));
  const day = fc.date({
    min: new Date('2000-01-01T00:00:00+07:00'),
    max: new Date('2099-12-31T23:59:59+07:00'),
    noInvalidDate: true,
  });
  fc.assert(
    fc.property(agency, day, fc.integer({ min: 1, max: 999_999_999 }), (agencyCode, at, sequence) => {
      const code = formatDossierCode(agencyCode, at, sequence);
      const parts = parseDossierCode(code);
      assert.ok(parts);
      assert.equal(parts.agencyCode, agencyCode);
      assert.equal(parts.sequence, sequence);
      assert.equal(formatDossierCode(parts.agencyCode, parts.receiptDate, parts.sequence), code);
    }),
  );
});
