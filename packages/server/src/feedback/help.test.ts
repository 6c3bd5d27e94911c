import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
});
after(() => t.close());

const help = async (query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/help${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

test('anyone reads the hotline and its hours, general questions in both languages, and the centre’s desk with its hours', async () => {
  const h = await help();
  assert.match(h.hotline.phone, /^0255/);
  assert.match(h.hotline.hours.vi, /Thứ Hai đến Thứ Sáu/);
  assert.ok(h.faq.length >= 3);
  for (const f of h.faq) assert.ok(f.question.vi && f.question.en && f.answer.vi && f.answer.en);
  assert.equal(h.faqSource, 'general', 'the definitions have no questions of their own');
  assert.equal(h.desks[0].agencyName, 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi');
  assert.equal(h.desks[0].officeHours, '07:30–11:30, 13:30–17:00');
});

test('a commune procedure points to the commune’s desk; a province one lists the deciding agency’s desk', async () => {
  const commune = await help('?procedure=1.001612');
  assert.equal(commune.atCommuneDesk, true);
  const province = await help('?procedure=QNG-TB-KHUYEN-MAI');
  assert.equal(province.atCommuneDesk, false);
  assert.ok(
    province.desks.some((d: { agencyCode: string }) => d.agencyCode === 'SCT'),
    JSON.stringify(province.desks),
  );
  const unknown = await help('?procedure=KHONG-CO');
  assert.equal(unknown.desks.length, 1, 'an unknown procedure gets the general help');
});
