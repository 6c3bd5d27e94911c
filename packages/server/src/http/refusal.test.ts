import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { problemErrorHandler } from './problem';
import { type Failure, type RefusalTable, refusals, refuse, unwrap } from './refusal';

type CardFailure = Failure<'not_found'> | Failure<'closed', { message: string; retryAt: Date }> | Failure<'invalid'>;

const CARD_REFUSALS = refusals<CardFailure>({
  not_found: { status: 404, code: 'not-found', title: 'Không tìm thấy thẻ' },
  closed: { status: 409, extra: (f) => ({ retryAt: f.retryAt.toISOString() }) },
  invalid: { status: 422, code: 'invalid-card', title: 'Thẻ chưa hợp lệ' },
});

const logged: { level: number; msg: string; reason?: string }[] = [];
let app: FastifyInstance;

before(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  app = Fastify({ logger: { level: 'error', stream } });
  app.setErrorHandler(problemErrorHandler);
  app.get('/card/:case', async (request) => {
    const which = (request.params as { case: string }).case;
    const failures: Record<string, CardFailure> = {
      missing: { ok: false, reason: 'not_found' },
      closed: { ok: false, reason: 'closed', message: 'Thẻ đã khoá', retryAt: new Date('2026-12-02T01:00:00Z') },
      invalid: { ok: false, reason: 'invalid', errors: [{ field: 'body.holderName', message: 'Nhập họ và tên' }] },
    };
    if (which === 'fine') return unwrap({ ok: true, value: { card: 7 } }, CARD_REFUSALS);
    if (which === 'unknown') {
      // A reason the table has no rule for (a service grew a reason, its route's table did not).
      const stray = { ok: false, reason: 'expired' } as unknown as CardFailure;
      throw refuse(stray, CARD_REFUSALS as RefusalTable<CardFailure>);
    }
    throw refuse(failures[which]!, CARD_REFUSALS);
  });
  await app.ready();
});
after(() => app.close());

test('each reason answers with its status, problem code, Vietnamese title and field errors', async () => {
  const missing = await app.inject({ url: '/card/missing' });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.headers['content-type'] as string, /^application\/problem\+json/);
  assert.deepEqual(missing.json(), {
    type: 'https://dvc.quangngai.gov.vn/problems/not-found',
    title: 'Không tìm thấy thẻ',
    status: 404,
  });

  const closed = await app.inject({ url: '/card/closed' });
  assert.equal(closed.statusCode, 409);
  assert.deepEqual(closed.json(), {
    type: 'https://dvc.quangngai.gov.vn/problems/closed',
    title: 'Thẻ đã khoá',
    status: 409,
    retryAt: '2026-12-02T01:00:00.000Z',
  });

  const invalid = await app.inject({ url: '/card/invalid' });
  assert.equal(invalid.statusCode, 422);
  assert.deepEqual(invalid.json().errors, [{ field: 'body.holderName', message: 'Nhập họ và tên' }]);
});

test('a successful result is unwrapped to its value', async () => {
  const res = await app.inject({ url: '/card/fine' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { card: 7 });
});

test('a reason without a rule is a logged 500, never a success', async () => {
  const before = logged.length;
  const res = await app.inject({ url: '/card/unknown' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().type, 'https://dvc.quangngai.gov.vn/problems/internal');
  const entry = logged.slice(before).find((l) => l.reason === 'expired');
  assert.ok(entry, 'the unmapped reason is logged');
  assert.equal(entry.level, 50);
});
