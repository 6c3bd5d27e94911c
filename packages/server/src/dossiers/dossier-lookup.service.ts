import { catalogText, type DossierState, isOnline, TERMINAL_STATES } from '@dvc/domain';
import { factsOfDossier } from '../catalog/index';
import type { AppContext } from '../http/context';
import { type DossierRow, findDossierRow, listDossierEvents } from './dossier.repository';
import { lookupPinMatches } from './lookup-pin';

/** The second factor of a public lookup: the last four digits of the filer's phone, or the PIN printed on the receipt. */
export interface LookupFactor {
  phoneLast4?: string;
  pin?: string;
}

export type AwaitedItem =
  | { kind: 'supplement'; components: string[]; reason: string | null }
  | { kind: 'financial_obligation'; amount: number | null; reason: string | null }
  | { kind: 'fee_unpaid'; amount: number }
  | { kind: 'result_ready' };

/**
 * What anyone holding the code and the factor may read: where the dossier stands and by when,
 * never who filed it or what the form says (no name, ID number, address, phone, attachments).
 */
export interface PublicDossierView {
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureNameEn?: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  finishedAt: string | null;
  withdrawnAt: string | null;
  overdue: boolean;
  awaiting: AwaitedItem[];
  apology: { at: string; reason: string | null; newDueAt: string | null } | null;
}

/** This server's address as people reach it: PUBLIC_URL, or the address it listens on. */
export function publicBaseUrl(ctx: Pick<AppContext, 'config'>): string {
  return (ctx.config.PUBLIC_URL ?? `http://${ctx.config.HOST}:${ctx.config.PORT}`).replace(/\/$/, '');
}

/** The citizen app's lookup page with the code filled in: printed as the receipt's QR code, sent by SMS. */
export function dossierLookupUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

const FOUR_DIGITS = /^\d{4}$/;

export function normalizeLookupCode(code: string): string {
  return code.trim().toUpperCase();
}

/** True when the factor matches this dossier's filer; a dossier without a phone matches nothing. */
export function factorMatches(row: Pick<DossierRow, 'applicantPhone'>, factor: LookupFactor): boolean {
  if (!factor.phoneLast4 || !FOUR_DIGITS.test(factor.phoneLast4)) return false;
  const digits = (row.applicantPhone ?? '').replace(/\D/g, '');
  return digits.length >= 4 && digits.slice(-4) === factor.phoneLast4;
}

/**
 * The dossier's public view, or undefined when the code is unknown or the factor wrong: the two
 * answers must not be told apart.
 */
export async function lookUpDossier(ctx: AppContext, code: string, factor: LookupFactor): Promise<PublicDossierView | undefined> {
  const normalized = normalizeLookupCode(code);
  const row = await findDossierRow(ctx.db, ctx.config.PROVINCE_CODE, normalized);
  // The PIN is checked for an unknown code too: its hash check takes the same time either way.
  const pinOk = factor.pin !== undefined && (await lookupPinMatches(ctx, row?.code ?? normalized, factor.pin));
  if (!row || !(factorMatches(row, factor) || pinOk)) return undefined;
  const [events, procedure] = await Promise.all([listDossierEvents(ctx.db, row.id), factsOfDossier(ctx, row)]);
  const latest = (type: string) => [...events].reverse().find((e) => e.type === type);
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  const now = ctx.now();
  const status = row.status as DossierState;
  const open = !TERMINAL_STATES.has(status) && row.finishedAt === null;
  const paused = status === 'supplement_requested' || status === 'financial_obligation_requested';

  const awaiting: AwaitedItem[] = [];
  if (status === 'supplement_requested') {
    const p = latest('request_supplement')?.payload ?? {};
    const components = Array.isArray(p.components) ? p.components.filter((c): c is string => typeof c === 'string') : [];
    awaiting.push({ kind: 'supplement', components, reason: text(p.reason) });
  }
  if (status === 'financial_obligation_requested') {
    const p = latest('request_financial_obligation')?.payload ?? {};
    awaiting.push({
      kind: 'financial_obligation',
      amount: typeof p.amount === 'number' ? p.amount : null,
      reason: text(p.reason),
    });
  }
  // Online filers pay through the app; at the counter the fee is taken in cash on the spot.
  if (open && row.feeAmount > 0 && !row.paidOnline && isOnline(row.channel as never)) {
    awaiting.push({ kind: 'fee_unpaid', amount: Number(row.feeAmount) });
  }
  if (status === 'resolved') awaiting.push({ kind: 'result_ready' });

  const apologyEvent = latest('issue_apology');
  const apology = apologyEvent
    ? {
        at: apologyEvent.at.toISOString(),
        reason: text(apologyEvent.payload.reason),
        newDueAt: text(apologyEvent.payload.newDueAt),
      }
    : null;

  return {
    code: row.code,
    procedureCode: row.procedureCode,
    procedureName: procedure?.name ?? row.procedureCode,
    procedureNameEn: procedure?.nameEn,
    status: row.status,
    statusLabel: catalogText('vi', `state.${status}`, row.status),
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    overdue: open && !paused && row.dueAt !== null && row.dueAt < now,
    awaiting,
    apology,
  };
}
