import type { Channel } from '../channels';
import { catalogText } from '../i18n/index';
import {
  CREATION_EVENTS,
  DOSSIER_EVENT_TYPES,
  type DossierEvent,
  type DossierEventType,
  dossierEventSchema,
  EVENT_ROLES,
} from './events';
import { type Failure, RULES, ruleFor } from './rules';
import {
  type Actor,
  DOSSIER_STATES,
  type DossierSnapshot,
  type DossierState,
  PAUSED_STATES,
  PROCESSING_STEPS,
  type ProcessingStep,
  type Role,
  TERMINAL_STATES,
} from './states';

export type TransitionFailureReason = 'illegal_transition' | 'forbidden_role' | 'invalid_payload';

/** One row of the append-only history (ARCHITECTURE.md: who, what, when, from which state to which). */
export interface TransitionRecord {
  /** null for the event that creates the dossier. */
  from: DossierState | null;
  to: DossierState;
  fromStep?: ProcessingStep;
  toStep?: ProcessingStep;
  event: DossierEventType;
  actorRole: Role;
  actorUserId: string;
  at: Date;
  note?: string;
  /** The validated event, so the history keeps the due times, components, tracking numbers… */
  payload: DossierEvent;
}

export type TransitionResult =
  | { ok: true; next: DossierSnapshot; record: TransitionRecord }
  | { ok: false; reason: TransitionFailureReason; message: string; field?: string };

const CREATION_CHANNEL: Record<'record_at_counter' | 'file_by_phone', Channel> = {
  record_at_counter: 'direct',
  file_by_phone: 'phone',
};

function stateLabel(s: DossierSnapshot): string {
  const label = catalogText('vi', `state.${s.status}`);
  return s.status === 'processing' && s.step ? `${label} (${catalogText('vi', `step.${s.step}`).toLowerCase()})` : label;
}

/**
 * Applies one event. Pure: `at` is the caller's clock (app.ctx.now()). A refused event changes
 * nothing (the snapshot is never mutated) and says why, in Vietnamese. Checks run in this order:
 * payload shape, the event's roles, the state, who may act on this dossier, then payload against the
 * dossier (e.g. a new due date later than the current one).
 * `snapshot` is null for a dossier not yet filed: only the three filing events are legal then, and
 * every filing event yields `new` (a paper dossier too: the desk then receives it, which sets the clock).
 */
export function transition(snapshot: DossierSnapshot | null, input: unknown, actor: Actor, at: Date): TransitionResult {
  const parsed = dossierEventSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: 'invalid_payload',
      message: issue?.message ?? 'Dữ liệu không hợp lệ',
      ...(issue && issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
    };
  }
  const event = parsed.data;
  const action = catalogText('vi', `eventAction.${event.type}`);
  if (!EVENT_ROLES[event.type].includes(actor.role)) {
    return {
      ok: false,
      reason: 'forbidden_role',
      message: `${catalogText('vi', `role.${actor.role}`)} không được ${action} hồ sơ`,
    };
  }

  if (snapshot === null) {
    if (!CREATION_EVENTS.has(event.type)) {
      return { ok: false, reason: 'illegal_transition', message: `Không thể ${action} hồ sơ chưa được nộp` };
    }
    const channel =
      event.type === 'submit_online' ? event.channel : CREATION_CHANNEL[event.type as keyof typeof CREATION_CHANNEL];
    const next: DossierSnapshot = { status: 'new', channel, submittedAt: at, supplementCount: 0, apologyCount: 0 };
    return { ok: true, next, record: makeRecord(null, next, event, actor, at) };
  }

  const rule = ruleFor(event);
  const legal = rule.from(snapshot);
  if (legal !== true || TERMINAL_STATES.has(snapshot.status)) {
    const message =
      typeof legal === 'string' && !TERMINAL_STATES.has(snapshot.status)
        ? legal
        : `Không thể ${action} hồ sơ đang ở trạng thái ${stateLabel(snapshot)}`;
    return { ok: false, reason: 'illegal_transition', message };
  }
  const refusal = rule.mayAct?.(snapshot, actor);
  if (refusal) return { ok: false, reason: 'forbidden_role', message: refusal };

  const outcome = rule.apply(snapshot, event, actor, at);
  if (isFailure(outcome)) {
    return { ok: false, reason: outcome.fail, message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) };
  }
  return { ok: true, next: outcome, record: makeRecord(snapshot, outcome, event, actor, at) };
}

function isFailure(x: DossierSnapshot | Failure): x is Failure {
  return 'fail' in x;
}

function makeRecord(
  from: DossierSnapshot | null,
  to: DossierSnapshot,
  event: DossierEvent,
  actor: Actor,
  at: Date,
): TransitionRecord {
  const note = 'reason' in event && event.reason ? event.reason : 'note' in event ? event.note : undefined;
  return {
    from: from?.status ?? null,
    to: to.status,
    ...(from?.step ? { fromStep: from.step } : {}),
    ...(to.step ? { toStep: to.step } : {}),
    event: event.type,
    actorRole: actor.role,
    actorUserId: actor.userId,
    at,
    ...(note ? { note } : {}),
    payload: event,
  };
}

/**
 * What this user may do now: the officer console's buttons. With a role only, checks that depend on
 * who the user is (a specialist acts only on dossiers assigned to them) are skipped; pass the Actor
 * to include them. Payload checks (a later due date…) are left to `transition`.
 */
export function availableEvents(snapshot: DossierSnapshot | null, who: Role | Actor): DossierEventType[] {
  const actor = typeof who === 'string' ? { role: who } : who;
  return DOSSIER_EVENT_TYPES.filter((type) => {
    if (!EVENT_ROLES[type].includes(actor.role)) return false;
    if (snapshot === null) return CREATION_EVENTS.has(type);
    if (TERMINAL_STATES.has(snapshot.status)) return false;
    const rule = RULES[type];
    return rule.from(snapshot) === true && !rule.mayAct?.(snapshot, actor);
  });
}

const RECEIVED_STATES: ReadonlySet<DossierState> = new Set([
  'received',
  'processing',
  'financial_obligation_requested',
  'resolved',
  'returned',
  'stopped',
]);
const FINISHED_STATES: ReadonlySet<DossierState> = new Set(['not_received', 'resolved', 'returned', 'stopped']);

/**
 * Broken rules of a snapshot (empty = consistent). The property tests run it after every event; the
 * server may run it on rows it imports.
 */
export function checkInvariants(s: DossierSnapshot): string[] {
  const errors: string[] = [];
  const expect = (cond: boolean, message: string) => {
    if (!cond) errors.push(message);
  };
  expect((DOSSIER_STATES as readonly string[]).includes(s.status), `unknown status ${s.status}`);
  expect(
    (s.status === 'processing') === (s.step !== undefined && (PROCESSING_STEPS as readonly string[]).includes(s.step)),
    'step is set exactly while processing',
  );
  const paused = PAUSED_STATES.has(s.status);
  expect(paused === (s.pausedSince !== undefined) && paused === (s.resumeTo !== undefined), 'pause fields only while paused');
  const received = RECEIVED_STATES.has(s.status) || (paused && s.resumeTo?.status !== 'new' && s.resumeTo !== undefined);
  if (received) expect(s.receivedAt !== undefined && s.dueAt !== undefined, `${s.status} has receivedAt and dueAt`);
  if (s.status === 'new' || s.status === 'not_received') expect(s.receivedAt === undefined, `${s.status} was never received`);
  if (s.status === 'processing') expect(s.assigneeId !== undefined, 'processing has an assignee');
  if (s.status === 'processing') {
    expect(
      (s.proposedOutcome !== undefined) === (s.step === 'proposed' || s.step === 'approved'),
      'a proposal exists exactly when proposed or approved',
    );
  }
  expect(FINISHED_STATES.has(s.status) === (s.finishedAt !== undefined), 'finishedAt exactly when finished');
  if (s.status === 'resolved' || s.status === 'returned') expect(s.resolvedAt !== undefined, 'result has resolvedAt');
  if (s.status === 'returned') expect(s.returnedAt !== undefined && s.delivery !== undefined, 'returned has delivery');
  if (s.status === 'withdrawn') expect(s.withdrawnAt !== undefined, 'withdrawn has withdrawnAt');
  expect(Number.isInteger(s.supplementCount) && s.supplementCount >= 0, 'supplementCount ≥ 0');
  expect(Number.isInteger(s.apologyCount) && s.apologyCount >= 0, 'apologyCount ≥ 0');
  if (s.receivedAt && s.dueAt) expect(s.dueAt > s.receivedAt, 'dueAt after receivedAt');
  return errors;
}
