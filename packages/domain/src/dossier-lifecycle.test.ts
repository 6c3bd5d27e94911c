import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type Actor,
  availableEvents,
  checkInvariants,
  DOSSIER_EVENT_TYPES,
  DOSSIER_STATES,
  type DossierEventInput,
  type DossierSnapshot,
  EVENT_ROLES,
  ROLES,
  type Role,
  TERMINAL_STATES,
  toPortalStatus,
  transition,
} from './dossier-lifecycle';
import { vi } from './i18n/vi';

const citizen: Actor = { role: 'citizen', userId: 'cd-1' };
const receiver: Actor = { role: 'receiver', userId: 'mc-1' };
/** Specialists' account ids (UUIDs, as the event schema requires). */
const CV1 = '00000000-0000-4000-8000-0000000000c1';
const CV2 = '00000000-0000-4000-8000-0000000000c2';
const specialist: Actor = { role: 'specialist', userId: CV1 };
const otherSpecialist: Actor = { role: 'specialist', userId: CV2 };
const leader: Actor = { role: 'leader', userId: 'ld-1' };
const hotline: Actor = { role: 'hotline', userId: 'td-1' };
const system: Actor = { role: 'system', userId: 'system' };

const T0 = Date.parse('2025-07-02T01:00:00Z');
const hours = (h: number) => new Date(T0 + h * 3_600_000);

type Step = [DossierEventInput, Actor];
/** Applies steps one hour apart and fails the test on the first refusal. */
function run(steps: Step[], start: DossierSnapshot | null = null): DossierSnapshot {
  let s = start;
  steps.forEach(([event, actor], i) => {
    const r = transition(s, event, actor, hours(i));
    assert.ok(r.ok, `${event.type}: ${r.ok ? '' : r.message}`);
    s = r.next;
  });
  return s!;
}

const filed: Step[] = [[{ type: 'submit_online', channel: 'mobile' }, citizen]];
const received: Step[] = [...filed, [{ type: 'receive', dueAt: hours(72) }, receiver]];
const assigned: Step[] = [...received, [{ type: 'assign', specialistId: CV1 }, receiver]];
const proposed: Step[] = [
  ...assigned,
  [{ type: 'propose', outcome: 'approve', draft: 'Giấy chứng nhận đăng ký hộ kinh doanh' }, specialist],
];
const approved: Step[] = [...proposed, [{ type: 'approve' }, leader]];
const resolved: Step[] = [...approved, [{ type: 'resolve' }, leader]];
const returned: Step[] = [...resolved, [{ type: 'return_result', delivery: 'post', trackingNumber: 'EB123456789VN' }, receiver]];

test('the happy path, online, ends returned with a record per step', () => {
  const s = run(returned);
  assert.equal(s.status, 'returned');
  assert.equal(s.channel, 'mobile');
  assert.equal(s.trackingNumber, 'EB123456789VN');
  assert.deepEqual(s.receivedAt, hours(1));
  assert.deepEqual(s.finishedAt, hours(5));
  assert.deepEqual(checkInvariants(s), []);
  assert.equal(toPortalStatus(s.status), 'returned');
});

test('each record says who did what, when, from which state to which', () => {
  const s = run(proposed);
  const r = transition(s, { type: 'reject_proposal', reason: 'Tên hộ kinh doanh trùng' }, leader, hours(9));
  assert.ok(r.ok);
  assert.deepEqual(
    { ...r.record, payload: undefined },
    {
      from: 'processing',
      to: 'processing',
      fromStep: 'proposed',
      toStep: 'rejected',
      event: 'reject_proposal',
      actorRole: 'leader',
      actorUserId: 'ld-1',
      at: hours(9),
      note: 'Tên hộ kinh doanh trùng',
      payload: undefined,
    },
  );
  const created = transition(null, { type: 'file_by_phone' }, hotline, hours(0));
  assert.ok(created.ok);
  assert.equal(created.record.from, null);
  assert.equal(created.next.channel, 'phone');
});

test('legal transitions', () => {
  const table: [string, Step[], Step, string][] = [
    ['paper at the counter', [], [{ type: 'record_at_counter' }, receiver], 'new'],
    ['refuse at reception', filed, [{ type: 'refuse', reason: 'Không thuộc thẩm quyền' }, receiver], 'not_received'],
    [
      'supplement at reception',
      filed,
      [{ type: 'request_supplement', reason: 'Thiếu bản sao', components: ['CCCD'] }, receiver],
      'supplement_requested',
    ],
    ['leader assigns', received, [{ type: 'assign', specialistId: CV1 }, leader], 'processing'],
    ['leader reassigns', assigned, [{ type: 'assign', specialistId: CV2 }, leader], 'processing'],
    [
      'financial obligation',
      approved,
      [{ type: 'request_financial_obligation', amount: 100000, reason: 'Lệ phí' }, specialist],
      'financial_obligation_requested',
    ],
    ['electronic result by the system', resolved, [{ type: 'return_result', delivery: 'electronic' }, system], 'returned'],
    ['withdrawal while processing', assigned, [{ type: 'request_withdrawal' }, citizen], 'withdrawal_requested'],
    ['stop by the leader', assigned, [{ type: 'stop', reason: 'Pháp luật không cho phép' }, leader], 'stopped'],
    [
      'apology keeps the state',
      assigned,
      [{ type: 'issue_apology', reason: 'Chờ xác minh', newDueAt: hours(100) }, specialist],
      'processing',
    ],
  ];
  for (const [name, before, step, to] of table) {
    const s = before.length ? run(before) : null;
    const r = transition(s, step[0], step[1], hours(50));
    assert.ok(r.ok, `${name}: ${r.ok ? '' : r.message}`);
    assert.equal(r.next.status, to, name);
    assert.deepEqual(checkInvariants(r.next), [], name);
  }
});

test('illegal transitions answer with the Vietnamese reason', () => {
  const table: [Step[] | null, Step, string][] = [
    [returned, [{ type: 'receive', dueAt: hours(100) }, receiver], 'Không thể tiếp nhận hồ sơ đang ở trạng thái Đã trả kết quả'],
    [null, [{ type: 'receive', dueAt: hours(100) }, receiver], 'Không thể tiếp nhận hồ sơ chưa được nộp'],
    [filed, [{ type: 'submit_online', channel: 'web' }, citizen], 'Hồ sơ đã được nộp'],
    [
      received,
      [{ type: 'refuse', reason: 'x' }, receiver],
      'Hồ sơ đã được tiếp nhận: không thể từ chối tiếp nhận, chỉ có thể dừng xử lý',
    ],
    [filed, [{ type: 'stop', reason: 'x' }, leader], 'Hồ sơ chưa được tiếp nhận: hãy từ chối tiếp nhận thay vì dừng xử lý'],
    [
      assigned,
      [{ type: 'approve' }, leader],
      'Không thể phê duyệt hồ sơ đang ở trạng thái Đang xử lý (đã chuyển chuyên viên xử lý)',
    ],
    [proposed, [{ type: 'resolve' }, leader], 'Hồ sơ chưa được lãnh đạo phê duyệt nên chưa thể hoàn thành'],
    [resolved, [{ type: 'request_withdrawal' }, citizen], 'Không thể yêu cầu rút hồ sơ đang ở trạng thái Đã xử lý xong'],
    [
      returned,
      [{ type: 'issue_apology', reason: 'x', newDueAt: hours(200) }, receiver],
      'Không thể xin lỗi và gia hạn hồ sơ đang ở trạng thái Đã trả kết quả',
    ],
    [
      filed,
      [{ type: 'issue_apology', reason: 'x', newDueAt: hours(200) }, receiver],
      'Không thể xin lỗi và gia hạn hồ sơ đang ở trạng thái Mới đăng ký',
    ],
    [received, [{ type: 'supplement_provided' }, citizen], 'Không thể ghi nhận bổ sung cho hồ sơ đang ở trạng thái Đã tiếp nhận'],
  ];
  for (const [before, [event, actor], message] of table) {
    const s = before ? run(before) : null;
    const r = transition(s, event, actor, hours(60));
    assert.deepEqual(r, { ok: false, reason: 'illegal_transition', message });
  }
});

test('who may do what', () => {
  const table: [Step[], Step, RegExp][] = [
    [proposed, [{ type: 'approve' }, receiver], /^Cán bộ một cửa không được phê duyệt hồ sơ$/],
    [filed, [{ type: 'receive', dueAt: hours(72) }, citizen], /^Công dân không được tiếp nhận hồ sơ$/],
    [assigned, [{ type: 'propose', outcome: 'approve', draft: 'x' }, otherSpecialist], /Chỉ chuyên viên được phân công/],
    [assigned, [{ type: 'request_supplement', reason: 'x', components: ['y'] }, receiver], /chỉ chuyên viên xử lý/],
    [received, [{ type: 'request_supplement', reason: 'x', components: ['y'] }, specialist], /chỉ cán bộ một cửa/],
    [assigned, [{ type: 'assign', specialistId: CV2 }, receiver], /Chỉ lãnh đạo được phân công lại/],
    [resolved, [{ type: 'return_result', delivery: 'counter' }, system], /chỉ tự trả kết quả điện tử/],
  ];
  for (const [before, [event, actor], message] of table) {
    const r = transition(run(before), event, actor, hours(60));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'forbidden_role');
    assert.match(!r.ok ? r.message : '', message);
  }
  const byPost = transition(
    run(resolved),
    { type: 'return_result', delivery: 'post', trackingNumber: 'EB000000001VN' },
    system,
    hours(61),
  );
  assert.equal(byPost.ok && byPost.next.trackingNumber, 'EB000000001VN', 'the postal order returns the result by post');
  assert.deepEqual(availableEvents(run(proposed), 'leader'), ['approve', 'reject_proposal', 'stop']);
  assert.deepEqual(availableEvents(run(received), 'receiver'), ['request_supplement', 'assign', 'issue_apology']);
  assert.deepEqual(availableEvents(run(assigned), otherSpecialist), []);
  assert.deepEqual(availableEvents(run(assigned), 'citizen'), ['request_withdrawal']);
  assert.deepEqual(availableEvents(null, 'hotline'), ['file_by_phone']);
  assert.deepEqual(availableEvents(run(returned), 'receiver'), []);
});

test('invalid payloads are refused with the field', () => {
  const r1 = transition(run(filed), { type: 'receive', dueAt: hours(0) }, receiver, hours(1));
  assert.deepEqual(r1, {
    ok: false,
    reason: 'invalid_payload',
    message: 'Hạn giải quyết phải sau thời điểm tiếp nhận',
    field: 'dueAt',
  });
  const r2 = transition(run(resolved), { type: 'return_result', delivery: 'post' }, receiver, hours(9));
  assert.equal(!r2.ok && r2.field, 'trackingNumber');
  const r3 = transition(run(filed), { type: 'request_supplement', reason: 'x', components: [] }, receiver, hours(1));
  assert.equal(!r3.ok && r3.reason, 'invalid_payload');
  const r4 = transition(run(filed), { type: 'receive', dueAt: '2025-07-05T10:00:00+07:00' }, receiver, hours(1));
  assert.ok(r4.ok, 'ISO strings from HTTP are accepted');
  assert.deepEqual(r4.next.dueAt, new Date('2025-07-05T03:00:00Z'));
});

test('a supplement pauses the clock and resumes to the prior state and step', () => {
  const s1 = run([
    ...approved,
    [{ type: 'request_supplement', reason: 'Thiếu hợp đồng thuê', components: ['Hợp đồng thuê nhà'] }, specialist],
  ]);
  assert.equal(s1.status, 'supplement_requested');
  assert.deepEqual(s1.pausedSince, hours(5));
  assert.deepEqual(s1.resumeTo, { status: 'processing', step: 'approved' });
  assert.equal(s1.supplementCount, 1);
  const r = transition(s1, { type: 'supplement_provided', dueAt: hours(90) }, citizen, hours(20));
  assert.ok(r.ok);
  assert.equal(r.next.status, 'processing');
  assert.equal(r.next.step, 'approved');
  assert.deepEqual(r.next.dueAt, hours(90));
  assert.equal(r.next.pausedSince, undefined);
  const earlier = transition(s1, { type: 'supplement_provided', dueAt: hours(10) }, citizen, hours(20));
  assert.equal(!earlier.ok && earlier.message, 'Hạn giải quyết mới không được sớm hơn hạn hiện tại');

  const atReception = run([
    ...filed,
    [{ type: 'request_supplement', reason: 'x', components: ['y'] }, receiver],
    [{ type: 'supplement_provided' }, receiver],
  ]);
  assert.equal(atReception.status, 'new');
  assert.equal(atReception.receivedAt, undefined);
});

test('withdrawal only before resolution; apology moves the due date later', () => {
  for (const before of [filed, received, assigned, approved]) {
    const s = run([
      ...before,
      [{ type: 'request_withdrawal', reason: 'Không còn nhu cầu' }, citizen],
      [{ type: 'accept_withdrawal' }, receiver],
    ]);
    assert.equal(s.status, 'withdrawn');
    assert.equal(toPortalStatus(s.status), 'withdrawal_requested');
  }
  for (const before of [resolved, returned]) {
    assert.equal(transition(run(before), { type: 'request_withdrawal' }, citizen, hours(20)).ok, false);
  }
  const s = run(assigned);
  const same = transition(s, { type: 'issue_apology', reason: 'Chờ ý kiến', newDueAt: s.dueAt! }, receiver, hours(10));
  assert.deepEqual(same, {
    ok: false,
    reason: 'invalid_payload',
    message: 'Hạn giải quyết mới phải sau hạn hiện tại',
    field: 'newDueAt',
  });
  const later = transition(s, { type: 'issue_apology', reason: 'Chờ ý kiến', newDueAt: hours(120) }, receiver, hours(10));
  assert.ok(later.ok);
  assert.deepEqual(later.next.dueAt, hours(120));
  assert.equal(later.next.apologyCount, 1);
  assert.equal(later.record.from, later.record.to);
});

test('every state and event has a Vietnamese label', () => {
  for (const state of DOSSIER_STATES) assert.ok(vi[`state.${state}`]);
  for (const type of DOSSIER_EVENT_TYPES) assert.ok(vi[`event.${type}`]);
});

// ---- properties ----------------------------------------------------------------------------------

const userIds = ['cd-1', 'mc-1', CV1, CV2, 'ld-1', 'td-1', 'system'];

/** A plausible payload for each event; dates relative to `at` (sometimes earlier, to hit refusals). */
function payloadArb(type: (typeof DOSSIER_EVENT_TYPES)[number]): fc.Arbitrary<(at: Date) => unknown> {
  const offset = fc.integer({ min: -48, max: 240 });
  const text = fc.constantFrom('Thiếu giấy tờ', 'Pháp luật không cho phép', '');
  switch (type) {
    case 'submit_online':
      return fc.constantFrom('web', 'mobile', 'phone').map((channel) => () => ({ type, channel }));
    case 'receive':
    case 'supplement_provided':
    case 'financial_obligation_paid':
      return offset.map((h) => (at: Date) => ({ type, dueAt: new Date(at.getTime() + h * 3_600_000) }));
    case 'issue_apology':
      return fc.tuple(offset, text).map(([h, reason]) => (at: Date) => ({
        type,
        reason,
        newDueAt: new Date(at.getTime() + h * 3_600_000),
      }));
    case 'request_supplement':
      return fc
        .tuple(text, fc.array(fc.constantFrom('CCCD', 'Hợp đồng'), { maxLength: 2 }))
        .map(([reason, components]) => () => ({ type, reason, components }));
    case 'refuse':
    case 'reject_proposal':
    case 'stop':
      return text.map((reason) => () => ({ type, reason }));
    case 'assign':
      return fc.constantFrom(CV1, CV2).map((specialistId) => () => ({ type, specialistId }));
    case 'propose':
      return fc.constantFrom('approve', 'reject').map((outcome) => () => ({ type, outcome, draft: 'Dự thảo' }));
    case 'request_financial_obligation':
      return fc.integer({ min: -1, max: 200000 }).map((amount) => () => ({ type, amount, reason: 'Lệ phí' }));
    case 'return_result':
      return fc.tuple(fc.constantFrom('counter', 'post', 'electronic'), fc.boolean()).map(([delivery, tracked]) => () => ({
        type,
        delivery,
        ...(tracked ? { trackingNumber: 'EB1VN' } : {}),
      }));
    default:
      return fc.constant(() => ({ type }));
  }
}

/** A payload that is valid for this snapshot (used when following the buttons). */
function validPayload(type: string, s: DossierSnapshot | null, at: Date): DossierEventInput {
  const later = new Date(Math.max(at.getTime(), s?.dueAt?.getTime() ?? 0) + 72 * 3_600_000);
  const payloads: Record<string, unknown> = {
    submit_online: { type, channel: 'web' },
    receive: { type, dueAt: later },
    request_supplement: { type, reason: 'Thiếu', components: ['CCCD'] },
    refuse: { type, reason: 'Sai thẩm quyền' },
    assign: { type, specialistId: CV1 },
    propose: { type, outcome: 'reject', draft: 'Văn bản từ chối' },
    reject_proposal: { type, reason: 'Chưa đúng' },
    request_financial_obligation: { type, amount: 50000, reason: 'Lệ phí' },
    return_result: { type, delivery: 'electronic' },
    stop: { type, reason: 'Pháp luật không cho phép' },
    issue_apology: { type, reason: 'Chậm', newDueAt: later },
  };
  return (payloads[type] ?? { type }) as DossierEventInput;
}

const stepArb = fc.constantFrom(...DOSSIER_EVENT_TYPES).chain((type) =>
  fc.record({
    make: payloadArb(type),
    // Mostly a role the event allows, so that sequences get deep into the lifecycle.
    role: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<Role>(...EVENT_ROLES[type]) },
      { weight: 1, arbitrary: fc.constantFrom<Role>(...ROLES) },
    ),
    userId: fc.constantFrom(...userIds),
    gapMinutes: fc.integer({ min: 0, max: 3000 }),
    // Most steps press one of the buttons someone has now (with a valid payload), half of those the
    // main-path one: fully random events rarely get past reception, and the property must cover
    // every state. The rest stay fully random, to hit refusals.
    follow: fc.option(fc.noBias(fc.nat()), { freq: 4 }),
    forward: fc.boolean(),
  }),
);

const MAIN_PATH = new Set(['submit_online', 'receive', 'assign', 'propose', 'approve', 'resolve', 'return_result']);

/** Every (event, actor) pair any role could press now; a specialist is the assignee. */
function everyonesButtons(s: DossierSnapshot | null): [string, Actor][] {
  return ROLES.flatMap((role) => {
    const actor: Actor = { role, userId: role === 'specialist' ? (s?.assigneeId ?? CV1) : `${role}-1` };
    return availableEvents(s, actor).map((type): [string, Actor] => [type, actor]);
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

test('random event sequences never reach an illegal state, never leave a terminal one, refusals change nothing', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
      let s = null as DossierSnapshot | null;
      let at = T0;
      for (const step of steps) {
        at += step.gapMinutes * 60_000;
        const before: DossierSnapshot | null = structuredClone(s);
        let actor: Actor = { role: step.role, userId: step.userId };
        let event = step.make(new Date(at));
        const buttons = step.follow === null ? [] : everyonesButtons(s);
        if (buttons.length) {
          const main = buttons.filter(([type]) => MAIN_PATH.has(type));
          const from = step.forward && main.length ? main : buttons;
          const [type, who] = from[step.follow! % from.length]!;
          actor = who;
          event = validPayload(type, s, new Date(at));
        }
        const r = transition(deepFreeze(s), event, actor, new Date(at));
        if (!r.ok) {
          assert.deepEqual(s, before, 'a refused event leaves the snapshot as it was');
          assert.ok(r.message.length > 0);
          continue;
        }
        if (s) assert.ok(!TERMINAL_STATES.has(s.status), `left terminal state ${s.status}`);
        assert.ok((DOSSIER_STATES as readonly string[]).includes(r.next.status));
        assert.deepEqual(checkInvariants(r.next), []);
        if (r.next.status === 'received' || r.next.status === 'processing') assert.ok(r.next.receivedAt);
        assert.equal(r.record.to, r.next.status);
        assert.equal(r.record.from, s?.status ?? null);
        seen.add(r.next.status);
        s = r.next;
      }
    }),
    { numRuns: 400 },
  );
  // The generator must actually reach every state, or the property proves little.
  assert.deepEqual([...seen].sort(), [...DOSSIER_STATES].sort());
});

test('every button availableEvents shows for the actor works with a valid payload', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.nat()), { maxLength: 40, size: 'max' }), (choices) => {
      let s = null as DossierSnapshot | null;
      let at = T0;
      for (const [role, pick] of choices) {
        const actor: Actor = { role, userId: role === 'specialist' ? (s?.assigneeId ?? CV1) : `${role}-1` };
        const options = availableEvents(s, actor);
        if (options.length === 0) continue;
        const type = options[pick % options.length]!;
        at += 3_600_000;
        const r = transition(s, validPayload(type, s, new Date(at)), actor, new Date(at));
        assert.ok(r.ok, `${type} by ${role} from ${s?.status}: ${r.ok ? '' : r.message}`);
        s = r.next;
      }
    }),
    { numRuns: 300 },
  );
});
