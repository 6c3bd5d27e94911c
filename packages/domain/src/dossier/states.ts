import type { Channel, Delivery } from '../channels';

/**
 * Dossier states in the national portal's vocabulary (DOMAIN.md §5), plus `withdrawn`: the portal
 * only knows "withdrawal requested", but our desk must tell an open request from an accepted one.
 */
export const DOSSIER_STATES = [
  'new',
  'received',
  'not_received',
  'supplement_requested',
  'processing',
  'financial_obligation_requested',
  'resolved',
  'returned',
  'withdrawal_requested',
  'withdrawn',
  'stopped',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** Nothing happens to a dossier in these states any more (not even an apology). */
export const TERMINAL_STATES: ReadonlySet<DossierState> = new Set(['not_received', 'returned', 'withdrawn', 'stopped']);

/** The clock stops in these states; the dossier resumes to `resumeTo` (DOMAIN.md §6). */
export const PAUSED_STATES: ReadonlySet<DossierState> = new Set(['supplement_requested', 'financial_obligation_requested']);

/**
 * Sub-steps of `processing`, kept as a `step` field rather than as states: the portal, the reports and
 * the citizen see one status "Đang xử lý" (§5: the steps are "inside processing"), so the portal map
 * stays one-to-one, and a supplement or financial pause resumes to status + step without doubling the
 * state list. `rejected` = the leader sent the proposal back; the specialist proposes again.
 */
export const PROCESSING_STEPS = ['assigned', 'proposed', 'approved', 'rejected'] as const;
export type ProcessingStep = (typeof PROCESSING_STEPS)[number];

export const ROLES = ['citizen', 'receiver', 'specialist', 'leader', 'hotline', 'system'] as const;
export type Role = (typeof ROLES)[number];
export interface Actor {
  role: Role;
  userId: string;
}

/** Where a paused dossier goes back to. */
export interface ResumePoint {
  status: 'new' | 'received' | 'processing';
  step?: ProcessingStep;
}

/**
 * The current projection of a dossier's event log (the dossier row). Optional fields are absent, not
 * `undefined`, so that two snapshots compare deep-equal after a JSON or database round trip.
 */
export interface DossierSnapshot {
  status: DossierState;
  /** Only while `status === 'processing'`. */
  step?: ProcessingStep;
  channel: Channel;
  submittedAt: Date;
  /** Valid reception: the clock starts here (set by `receive`). */
  receivedAt?: Date;
  /** Computed by the caller with the working-day calendar and passed in `receive` / `supplement_provided`. */
  dueAt?: Date;
  /** Every supplement request counts, at reception or during processing (§7: more than one → late). */
  supplementCount: number;
  /** Set while paused (supplement or financial obligation). */
  pausedSince?: Date;
  resumeTo?: ResumePoint;
  assigneeId?: string;
  proposedOutcome?: 'approve' | 'reject';
  financialObligationAmount?: number;
  /** §7: finished = first of resolved / not received (refused) / stopped. */
  finishedAt?: Date;
  resolvedAt?: Date;
  returnedAt?: Date;
  delivery?: Delivery;
  trackingNumber?: string;
  withdrawnAt?: Date;
  apologyCount: number;
}

/** The portal's status vocabulary (DOMAIN.md §5), for sync. Numeric codes belong to the sync adapter. */
export const PORTAL_STATUSES = [
  'new',
  'received',
  'not_received',
  'processing',
  'supplement_requested',
  'financial_obligation_requested',
  'withdrawal_requested',
  'stopped',
  'resolved',
  'returned',
] as const;
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

/**
 * Our state → the portal's. Only `withdrawn` is not one-to-one: it maps to `withdrawal_requested`,
 * the portal's last word on a citizen's withdrawal. Mapping it to `stopped` instead would count it as
 * the authority stopping the dossier, whereas reports list withdrawals on their own (seed 004: "3 hồ sơ
 * rút"), and stops are the authority's decisions.
 */
export function toPortalStatus(state: DossierState): PortalStatus {
  return state === 'withdrawn' ? 'withdrawal_requested' : state;
}
