import assert from 'node:assert/strict';
import { test } from 'node:test';
import { birthRegistration } from '../procedures/birth-registration';
import { childHealthInsuranceCard } from '../procedures/child-health-insurance-card';
import { deathRegistration } from '../procedures/death-registration';
import { funeralAllowance } from '../procedures/funeral-allowance';
import { householdBusinessChange } from '../procedures/household-business-change';
import { householdBusinessRegistration } from '../procedures/household-business-registration';
import { householdBusinessTermination } from '../procedures/household-business-termination';
import { permanentResidenceRegistration } from '../procedures/permanent-residence-registration';
import { permanentResidenceRemoval } from '../procedures/permanent-residence-removal';
import { ProcedureDefinition as CatalogFacts } from '../procedures/procedure';
import { promotionNotice } from '../procedures/promotion-notice';
import { BUILT_IN_DEFINITIONS } from './built-in';
import { catalogFactsOf } from './catalog-facts';
import { ProcedureDefinition } from './definition';
import { sampleDefinition } from './test-fixtures';

/** The facts as they were written by hand before the definitions (packages/domain/src/procedures/*.ts). */
const HAND_WRITTEN = [
  householdBusinessRegistration,
  householdBusinessChange,
  householdBusinessTermination,
  promotionNotice,
  birthRegistration,
  permanentResidenceRegistration,
  childHealthInsuranceCard,
  deathRegistration,
  permanentResidenceRemoval,
  funeralAllowance,
].map((d) => CatalogFacts.parse(d));

test('the facts of each of the ten definitions are exactly the hand-written catalog entry', () => {
  assert.deepEqual(
    BUILT_IN_DEFINITIONS.map((d) => d.code),
    HAND_WRITTEN.map((p) => p.code),
  );
  for (const [i, definition] of BUILT_IN_DEFINITIONS.entries()) {
    assert.deepEqual(catalogFactsOf(definition), HAND_WRITTEN[i], definition.code);
  }
});

test('a duration in hours counts as the working days it starts; an era starting after the reform stands for both', () => {
  const definition = ProcedureDefinition.parse({
    ...sampleDefinition(),
    legalDuration: { unit: 'hours', amount: 12 },
    authority: [{ from: '2025-07-01', level: 'commune', agencyKind: 'commune_police' }],
  });
  const facts = catalogFactsOf(definition);
  assert.equal(facts.legalDurationWorkingDays, 2);
  assert.deepEqual(facts.authority, { before2025: 'commune', from2025: 'commune', agencyKind: 'commune_police' });
});

test('a topic and an interlinked group outside the known ones pass into the facts, with the topic name', () => {
  const definition = ProcedureDefinition.parse({
    ...sampleDefinition(),
    topic: 'thuy-san',
    topicName: { vi: 'Thủy sản', en: 'Fisheries' },
    interlink: { group: 'tau-ca', order: 1 },
  });
  const facts = catalogFactsOf(definition);
  assert.equal(facts.topic, 'thuy-san');
  assert.equal(facts.topicName, 'Thủy sản');
  assert.equal(facts.interlinkGroup, 'tau-ca');
});

test('a topic that is not one of the six needs its name', () => {
  const result = ProcedureDefinition.safeParse({ ...sampleDefinition(), topic: 'thuy-san' });
  assert.equal(result.success, false);
  assert.deepEqual(
    result.error?.issues.map((i) => [i.path.join('.'), i.message]),
    [['topicName', 'Lĩnh vực "thuy-san" không có sẵn: phải có tên lĩnh vực (topicName)']],
  );
});
