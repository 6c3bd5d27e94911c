import type { DossierEvent, DossierEventOf, DossierEventType } from './events';
import type { Actor, DossierSnapshot, ProcessingStep, ResumePoint, Role } from './states';

/**
 * One rule per event: from which snapshots it is legal, who may act on this snapshot beyond the
 * event's roles, and the next snapshot. Pure; the machine (machine.ts) runs the checks in order.
 */

export type Failure = { fail: 'forbidden_role' | 'invalid_payload'; message: string; field?: string };
/** `true` legal; `false` illegal with the generic message; a string is a more helpful illegal message. */
type FromCheck = (s: DossierSnapshot) => boolean | string;
/** Who, among the event's roles, may act on this snapshot; null = allowed. `userId` absent = unknown. */
type ActorCheck = (s: DossierSnapshot, actor: { role: Role; userId?: string }) => string | null;

export interface Rule<T extends DossierEventType> {
  from: FromCheck;
  mayAct?: ActorCheck;
  apply: (s: DossierSnapshot, e: DossierEventOf<T>, actor: Actor, at: Date) => DossierSnapshot | Failure;
}

const NOT_RECEIVED_YET = 'Hồ sơ chưa được tiếp nhận nên chưa có hạn giải quyết';

/** Copy without some optional fields: absent, not undefined (see DossierSnapshot). */
function without<K extends keyof DossierSnapshot>(s: DossierSnapshot, ...keys: K[]): DossierSnapshot {
  const copy: Partial<DossierSnapshot> = { ...s };
  for (const key of keys) delete copy[key];
  return copy as DossierSnapshot;
}

function inStep(s: DossierSnapshot, ...steps: ProcessingStep[]): boolean {
  return s.status === 'processing' && s.step !== undefined && steps.includes(s.step);
}

/** A specialist acts only on a dossier assigned to them. */
const onlyTheAssignee: ActorCheck = (s, actor) => {
  if (actor.role !== 'specialist' || actor.userId === undefined || actor.userId === s.assigneeId) return null;
  return 'Chỉ chuyên viên được phân công mới được thao tác trên hồ sơ này';
};

function pause(s: DossierSnapshot, status: DossierSnapshot['status'], at: Date): DossierSnapshot {
  const resumeTo: ResumePoint =
    s.status === 'processing' ? { status: 'processing', step: s.step! } : { status: s.status as ResumePoint['status'] };
  return { ...without(s, 'step'), status, pausedSince: at, resumeTo };
}

/** Back to where the dossier paused; the caller may pass the due time recomputed for the pause. */
function resume(s: DossierSnapshot, dueAt: Date | undefined): DossierSnapshot | Failure {
  if (dueAt !== undefined) {
    if (s.dueAt === undefined) return { fail: 'invalid_payload', message: NOT_RECEIVED_YET, field: 'dueAt' };
    if (dueAt < s.dueAt) {
      return { fail: 'invalid_payload', message: 'Hạn giải quyết mới không được sớm hơn hạn hiện tại', field: 'dueAt' };
    }
  }
  const back = s.resumeTo!;
  return {
    ...without(s, 'pausedSince', 'resumeTo'),
    status: back.status,
    ...(back.step ? { step: back.step } : {}),
    ...(dueAt ? { dueAt } : {}),
  };
}

/** A dossier whose supplement was asked at reception, before it was received. */
function awaitingReception(s: DossierSnapshot): boolean {
  return s.status === 'new' || (s.status === 'supplement_requested' && s.resumeTo?.status === 'new');
}

const create = (s: DossierSnapshot): DossierSnapshot => s;

export const RULES: { [T in DossierEventType]: Rule<T> } = {
  // Creation events are handled by the machine (no snapshot yet); these rules only say "never again".
  submit_online: { from: () => 'Hồ sơ đã được nộp', apply: create },
  record_at_counter: { from: () => 'Hồ sơ đã được nộp', apply: create },
  file_by_phone: { from: () => 'Hồ sơ đã được nộp', apply: create },

  receive: {
    from: (s) => s.status === 'new',
    apply: (s, e, _actor, at) =>
      e.dueAt <= at
        ? { fail: 'invalid_payload', message: 'Hạn giải quyết phải sau thời điểm tiếp nhận', field: 'dueAt' }
        : { ...s, status: 'received', receivedAt: at, dueAt: e.dueAt },
  },

  request_supplement: {
    from: (s) => s.status === 'new' || s.status === 'received' || s.status === 'processing',
    // At reception the one-stop desk checks completeness; during processing the specialist examines.
    mayAct: (s, actor) => {
      if (s.status === 'processing') {
        return actor.role === 'specialist'
          ? onlyTheAssignee(s, actor)
          : 'Hồ sơ đang xử lý: chỉ chuyên viên xử lý được yêu cầu bổ sung';
      }
      return actor.role === 'receiver' ? null : 'Tại bước tiếp nhận, chỉ cán bộ một cửa được yêu cầu bổ sung';
    },
    apply: (s, _e, _actor, at) => ({ ...pause(s, 'supplement_requested', at), supplementCount: s.supplementCount + 1 }),
  },

  supplement_provided: {
    from: (s) => s.status === 'supplement_requested',
    apply: (s, e) => resume(s, e.dueAt),
  },

  refuse: {
    from: (s) =>
      awaitingReception(s) ||
      (s.receivedAt !== undefined && 'Hồ sơ đã được tiếp nhận: không thể từ chối tiếp nhận, chỉ có thể dừng xử lý'),
    apply: (s, _e, _actor, at) => ({ ...without(s, 'pausedSince', 'resumeTo'), status: 'not_received', finishedAt: at }),
  },

  assign: {
    // From `received`, or again while the specialist holds it (reassignment), not once a proposal is up.
    from: (s) => s.status === 'received' || inStep(s, 'assigned', 'rejected'),
    mayAct: (s, actor) =>
      s.status === 'processing' && actor.role !== 'leader' ? 'Chỉ lãnh đạo được phân công lại hồ sơ đang xử lý' : null,
    apply: (s, e) => ({ ...s, status: 'processing', step: 'assigned', assigneeId: e.specialistId }),
  },

  propose: {
    from: (s) => inStep(s, 'assigned', 'rejected'),
    mayAct: onlyTheAssignee,
    apply: (s, e) => ({ ...s, step: 'proposed', proposedOutcome: e.outcome }),
  },

  approve: {
    from: (s) => inStep(s, 'proposed'),
    apply: (s) => ({ ...s, step: 'approved' }),
  },

  reject_proposal: {
    from: (s) => inStep(s, 'proposed'),
    apply: (s) => ({ ...without(s, 'proposedOutcome'), step: 'rejected' }),
  },

  // Time spent on the applicant's financial obligation is not counted in the processing time (as for
  // land procedures), so it pauses like a supplement.
  request_financial_obligation: {
    from: (s) => s.status === 'processing',
    mayAct: onlyTheAssignee,
    apply: (s, e, _actor, at) => ({ ...pause(s, 'financial_obligation_requested', at), financialObligationAmount: e.amount }),
  },

  financial_obligation_paid: {
    from: (s) => s.status === 'financial_obligation_requested',
    apply: (s, e) => resume(s, e.dueAt),
  },

  resolve: {
    from: (s) =>
      inStep(s, 'approved') || (s.status === 'processing' && 'Hồ sơ chưa được lãnh đạo phê duyệt nên chưa thể hoàn thành'),
    apply: (s, _e, _actor, at) => ({ ...without(s, 'step'), status: 'resolved', resolvedAt: at, finishedAt: at }),
  },

  return_result: {
    from: (s) => s.status === 'resolved',
    apply: (s, e, actor, at) => {
      // By post the order with the postal service is the handover (postal/): the system records it
      // with the order's tracking number. At the counter an officer hands the result over.
      if (actor.role === 'system' && e.delivery === 'counter') {
        return { fail: 'forbidden_role', message: 'Hệ thống chỉ tự trả kết quả điện tử hoặc qua đơn bưu chính' };
      }
      return {
        ...s,
        status: 'returned',
        returnedAt: at,
        delivery: e.delivery,
        ...(e.trackingNumber ? { trackingNumber: e.trackingNumber } : {}),
      };
    },
  },

  // Before resolution only: once the result exists the citizen collects it.
  request_withdrawal: {
    from: (s) => ['new', 'received', 'supplement_requested', 'processing', 'financial_obligation_requested'].includes(s.status),
    apply: (s) => ({ ...without(s, 'step', 'pausedSince', 'resumeTo'), status: 'withdrawal_requested' }),
  },

  accept_withdrawal: {
    from: (s) => s.status === 'withdrawal_requested',
    apply: (s, _e, _actor, at) => ({ ...s, status: 'withdrawn', withdrawnAt: at }),
  },

  stop: {
    from: (s) => {
      if (awaitingReception(s)) return 'Hồ sơ chưa được tiếp nhận: hãy từ chối tiếp nhận thay vì dừng xử lý';
      return ['received', 'processing', 'supplement_requested', 'financial_obligation_requested'].includes(s.status);
    },
    apply: (s, _e, _actor, at) => ({
      ...without(s, 'step', 'pausedSince', 'resumeTo'),
      status: 'stopped',
      finishedAt: at,
    }),
  },

  // Only while the dossier is still being worked on and has a due time to move.
  issue_apology: {
    from: (s) => {
      if (!['received', 'processing', 'supplement_requested', 'financial_obligation_requested'].includes(s.status)) return false;
      return s.dueAt !== undefined || NOT_RECEIVED_YET;
    },
    mayAct: onlyTheAssignee,
    apply: (s, e) =>
      e.newDueAt <= s.dueAt!
        ? { fail: 'invalid_payload', message: 'Hạn giải quyết mới phải sau hạn hiện tại', field: 'newDueAt' }
        : { ...s, dueAt: e.newDueAt, apologyCount: s.apologyCount + 1 },
  },
};

export function ruleFor(e: DossierEvent): Rule<DossierEventType> {
  return RULES[e.type] as Rule<DossierEventType>;
}
