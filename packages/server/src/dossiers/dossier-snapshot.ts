import type { DossierSnapshot, TransitionRecord } from '@dvc/domain';
import type { DossierTable } from './dossiers.tables';

const DATE_KEYS = [
  'submittedAt',
  'receivedAt',
  'dueAt',
  'pausedSince',
  'finishedAt',
  'resolvedAt',
  'returnedAt',
  'withdrawnAt',
] as const;

/** jsonb → snapshot: the instants come back as Date. */
export function reviveSnapshot(json: Record<string, unknown>): DossierSnapshot {
  const s: Record<string, unknown> = { ...json };
  for (const key of DATE_KEYS) if (typeof s[key] === 'string') s[key] = new Date(s[key] as string);
  return s as unknown as DossierSnapshot;
}

/** The queryable copy of a snapshot on the dossier row (written together, never apart). */
export function snapshotColumns(s: DossierSnapshot) {
  return {
    snapshot: JSON.stringify(s),
    status: s.status,
    step: s.step ?? null,
    delivery: s.delivery ?? null,
    receivedAt: s.receivedAt ?? null,
    dueAt: s.dueAt ?? null,
    finishedAt: s.finishedAt ?? null,
    returnedAt: s.returnedAt ?? null,
    withdrawnAt: s.withdrawnAt ?? null,
    supplementCount: s.supplementCount,
    apologyCount: s.apologyCount,
    assigneeId: s.assigneeId ?? null,
  } satisfies Partial<Record<keyof DossierTable, unknown>>;
}

/** What the server records in the `resolve` event's payload: the result issued with it, if any (decision 010). */
export interface ResolveFacts {
  result?: { kind: string; number: string; electronic: boolean; digitized: boolean };
}

/**
 * The columns an event projects onto the row besides its snapshot. `resolve` carries the result
 * flags the reports count: a result is electronic / digitized only if the event says it was issued so.
 */
export function eventColumns(record: TransitionRecord) {
  if (record.event !== 'resolve') return {};
  const result = (record.payload as ResolveFacts).result;
  return {
    resultElectronic: result?.electronic ?? false,
    resultDigitized: result?.digitized ?? false,
  } satisfies Partial<Record<keyof DossierTable, unknown>>;
}
