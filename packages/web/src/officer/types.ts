/**
 * Shapes of the officer API (docs/api/dossiers.md) as the console reads them: the dossier answers come
 * from the contract in @dvc/domain/contract/dossiers. The console is its own lazy chunk, so it may
 * import the domain's labels (which pull zod) without weighing on the citizen's first load.
 */
import type { RoleGrantView } from '@dvc/domain/contract/auth';
import type { DossierDetail, DossierSummary, OfficerInbox } from '@dvc/domain/contract/dossiers';
import type { z } from 'zod';

/** The officer's answers are the dossier contract's (the server answers with the same schemas). */
export type OfficerSummary = DossierSummary;
export type OfficerDetail = DossierDetail;
export type InboxAnswer = OfficerInbox;
export type TimelineEntry = DossierDetail['timeline'][number];

export const TABS = ['new', 'received', 'processing', 'supplement', 'resolved', 'withdrawal', 'finished', 'all'] as const;
export type Tab = (typeof TABS)[number];

export type Counts = OfficerInbox['counts'];

export type RoleGrant = z.infer<typeof RoleGrantView>;

/** `GET /api/v1/auth/me` carries the officer's role grants beside the user (session.ts types only the common part). */
export function rolesOf(user: unknown): RoleGrant[] {
  const roles = (user as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? (roles as RoleGrant[]) : [];
}

export function hasRole(user: unknown, ...roles: string[]): boolean {
  return rolesOf(user).some((r) => roles.includes(r.role));
}
