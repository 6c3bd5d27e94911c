import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Draft, draftIsOutdated, draftSaver, loadDraft, saveDraft } from './drafts';
import { memoryStore } from './record-store';
import { generateSealKey, type Sealed, sealedStore } from './sealed-store';

test('a draft saved at step 3 comes back at step 3 with its data, encrypted at rest', async () => {
  const raw = memoryStore<Sealed>();
  const key = await generateSealKey();
  const store = sealedStore<Draft>(raw, async () => key);
  await saveDraft(store, { procedureCode: '1.001612', stepIndex: 2, data: { businessName: 'Quán cơm Trà Bồng' } }, new Date());
  const back = await loadDraft(store, '1.001612');
  assert.equal(back?.stepIndex, 2);
  assert.equal(back?.data.businessName, 'Quán cơm Trà Bồng');
  assert.equal(await loadDraft(store, '2.000720'), undefined);
  const [sealed] = await raw.list();
  assert.ok(!new TextDecoder().decode(sealed!.data).includes('Trà Bồng'));
});

test('rapid edits are saved once, with the last state; flush saves at once', async () => {
  const saved: unknown[] = [];
  const saver = draftSaver(async (d) => saved.push(d.data), 20);
  saver.schedule({ procedureCode: 'p', stepIndex: 0, data: { a: 1 } });
  saver.schedule({ procedureCode: 'p', stepIndex: 0, data: { a: 2 } });
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(saved, [{ a: 2 }]);
  saver.schedule({ procedureCode: 'p', stepIndex: 1, data: { a: 3 } });
  await saver.flush();
  assert.deepEqual(saved, [{ a: 2 }, { a: 3 }]);
});

test('a draft remembers the version it was entered against; an older one is flagged, never dropped', async () => {
  const store = memoryStore<Draft>();
  await saveDraft(
    store,
    { procedureCode: '1.001612', procedureVersion: 1, stepIndex: 4, data: { businessName: 'A' } },
    new Date(),
  );
  const back = await loadDraft(store, '1.001612');
  assert.equal(back?.procedureVersion, 1);
  assert.equal(draftIsOutdated(back!, 2), true);
  assert.equal(draftIsOutdated(back!, 1), false);
  assert.equal(draftIsOutdated({}, 2), false, 'a draft from before versions is shown as it is');
  assert.equal(back?.data.businessName, 'A');
});
