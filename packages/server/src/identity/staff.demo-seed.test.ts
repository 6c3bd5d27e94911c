import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { vietnamDate } from '../admin-units/admin-units.service';
import { listProcedures } from '../catalog/index';
import { routeDossier } from '../dossiers/dossier-routing';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_COMMUNES } from './identity.seed';

// Whatever the demo offers can be carried through in the demo: every agency an active procedure
// routes a demo commune's dossier to exists and has someone to receive, process and sign it.
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const ROLES_A_DOSSIER_NEEDS = ['receiver', 'specialist', 'leader'] as const;

test('every agency an active procedure of the demo routes to exists and has an active receiver, specialist and leader', async () => {
  const { items: procedures } = await listProcedures(t.ctx, { limit: 1000, offset: 0 });
  assert.ok(procedures.length >= 10, 'the demo catalog has its procedures');
  const today = vietnamDate(t.ctx.now());
  const agencies = new Map<string, string[]>();
  const unrouted: string[] = [];
  for (const procedure of procedures) {
    for (const unit of DEMO_COMMUNES) {
      const route = await routeDossier(t.ctx, procedure, unit, today);
      if (!route.ok) unrouted.push(`${procedure.code} @ ${unit}: ${route.message}`);
      else agencies.set(route.agencyCode, [...(agencies.get(route.agencyCode) ?? []), procedure.code]);
    }
  }
  assert.deepEqual(unrouted, [], 'each procedure reaches an open agency in each demo commune');
  for (const expected of ['CA.21025', 'BHXH', 'UBND.21548', 'CA.21548']) assert.ok(agencies.has(expected), expected);

  const staffed = await t.ctx.db
    .selectFrom('officerRole as r')
    .innerJoin('userAccount as u', 'u.id', 'r.userId')
    .select(['r.agencyCode', 'r.role'])
    .where('r.provinceCode', '=', t.ctx.config.PROVINCE_CODE)
    .where('u.deactivatedAt', 'is', null)
    .where('u.onLeaveSince', 'is', null)
    .where('r.agencyCode', 'in', [...agencies.keys()])
    .execute();
  const missing: string[] = [];
  for (const [agency, codes] of agencies) {
    for (const role of ROLES_A_DOSSIER_NEEDS) {
      if (!staffed.some((s) => s.agencyCode === agency && s.role === role)) {
        missing.push(`${agency} has no active ${role} (for ${[...new Set(codes)].join(', ')})`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
