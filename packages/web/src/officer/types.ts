/**
 * Shapes of the officer API (docs/api/dossiers.md, packages/server/src/dossiers/dossiers.schemas.ts),
 * as the console reads them. The console is its own lazy chunk, so it may import the domain's
 * labels (which pull zod) without weighing on the citizen's first load.
 */
import type { DossierState } from '@dvc/domain/dossier/states';

export interface OfficerSummary {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  channel: 'direct' | 'web' | 'mobile' | 'phone';
  channelLabel: string;
  status: DossierState;
  statusLabel: string;
  step: string | null;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  unitCode: string;
  agencyCode: string;
  overdue: boolean;
  dueSoon: boolean;
}

export const TABS = ['new', 'received', 'processing', 'supplement', 'resolved', 'withdrawal', 'finished', 'all'] as const;
export type Tab = (typeof TABS)[number];

export type Counts = Record<Tab | 'overdue' | 'dueSoon', number>;

export interface InboxAnswer {
  items: OfficerSummary[];
  counts: Counts;
}

export interface TimelineEntry {
  at: string;
  from: string | null;
  to: DossierState;
  toLabel: string;
  event: string;
  eventLabel: string;
  actorRole: string;
  note: string | null;
  reason: string | null;
  newDueAt: string | null;
  components: string[] | null;
}

export interface OfficerDetail extends OfficerSummary {
  applicantPhone: string | null;
  form: Record<string, unknown>;
  delivery: 'counter' | 'post' | 'electronic' | null;
  feeAmount: number;
  paidOnline: boolean;
  supplementCount: number;
  apologyCount: number;
  assigneeId: string | null;
  attachments: {
    componentId: string;
    componentName: string;
    fileId: string;
    fileName: string;
    mediaType: string;
    digitized: boolean;
    round: number;
    /** Given from the citizen's document store (Kho dữ liệu) instead of an upload, and from which dossier. */
    reusedFrom?: { kind: 'result' | 'component'; dossierCode: string; label: string } | null;
    /** 'verified-identity': no file, the VNeID-verified identity replaces the paper. */
    waivedBy?: 'verified-identity' | null;
  }[];
  timeline: TimelineEntry[];
  availableEvents: string[];
  documents: { kind: string; title: string; url: string }[];
}

export interface RoleGrant {
  role: string;
  agencyCode: string | null;
  unitCode: string | null;
}

/** `GET /api/v1/auth/me` carries the officer's role grants beside the user (session.ts types only the common part). */
export function rolesOf(user: unknown): RoleGrant[] {
  const roles = (user as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? (roles as RoleGrant[]) : [];
}

export function hasRole(user: unknown, ...roles: string[]): boolean {
  return rolesOf(user).some((r) => roles.includes(r.role));
}
