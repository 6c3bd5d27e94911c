import { type Channel, foldVietnamese, isOnline, type ProcedureDefinition } from '@dvc/domain';
import { vietnamDays } from '@dvc/domain/vietnam-time';
import { factsOfDossier, factsOfDossiers } from '../catalog/index';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/actor';
import { postalDeliveryOf } from '../postal/index';
import { listResults } from '../results/results.service';
import {
  countForOfficer,
  type DossierRow,
  findDossierRow,
  listByApplicant,
  listDossierAttachments,
  listDossierEvents,
  listForOfficer,
  type OfficerTab,
} from './dossier.repository';
import { canSeeDossier, lifecycleRoles, officerAgencies } from './dossier-access';
import { availableSlips, SLIP_TITLES } from './dossier-documents';
import { computeDueAt, durationFor, ONLINE_DURATION_REDUCTION_PERCENT } from './dossier-timing';
import { detail, dueSoonLimit, postalDeliveryEntry, summarize } from './dossier-views';

function documentsOf(code: string, events: Array<{ type: string }>) {
  return availableSlips(events).map((kind) => ({
    kind,
    title: SLIP_TITLES[kind],
    url: `/api/v1/dossiers/${code}/documents/${kind}`,
  }));
}

export async function listMine(ctx: AppContext, actor: Actor) {
  const now = ctx.now();
  const rows = await listByApplicant(ctx.db, ctx.config.PROVINCE_CODE, actor.userId);
  const factsOf = await factsOfDossiers(ctx, rows);
  return rows.map((r) => summarize(r, now, factsOf(r)));
}

/** The dossier row if this user may see it (absent and not theirs both read as undefined → 404). */
export async function findVisibleDossier(ctx: AppContext, actor: Actor, code: string) {
  const row = await findDossierRow(ctx.db, ctx.config.PROVINCE_CODE, code.trim().toUpperCase());
  return row && canSeeDossier(actor, row) ? row : undefined;
}

/** The dossier as this user may see it, or undefined (absent, or not theirs: both read as 404). */
export async function getDossierDetail(ctx: AppContext, actor: Actor, code: string) {
  const row = await findVisibleDossier(ctx, actor, code);
  if (!row) return undefined;
  const [events, attachments] = await Promise.all([listDossierEvents(ctx.db, row.id), listDossierAttachments(ctx.db, row.id)]);
  const [results, procedure] = await Promise.all([listResults(ctx, row.code), factsOfDossier(ctx, row)]);
  const resultDocuments = results.map((r) => ({
    kind: `result-${r.kind}`,
    title: r.title,
    url: `/api/v1/dossiers/${row.code}/result`,
  }));
  const view = detail(row, procedure, events, attachments, lifecycleRoles(actor, row), ctx.now());
  const delivered = row.delivery === 'post' ? await postalDeliveryOf(ctx, row.id) : undefined;
  if (delivered) view.timeline.push(postalDeliveryEntry(delivered));
  return {
    ...view,
    ...(await expectedDue(ctx, row, procedure)),
    documents: [...resultDocuments, ...documentsOf(row.code, events)],
  };
}

export interface OfficerListInput {
  tab: OfficerTab;
  procedure?: string;
  channel?: string;
  q?: string;
  dueSoon?: 'true' | 'false';
  overdue?: 'true' | 'false';
  from?: string;
  to?: string;
  limit: number;
}

/** The officer's inbox: only the dossiers of their agencies (or the province for province roles). */
export async function listForOfficerInbox(ctx: AppContext, actor: Actor, input: OfficerListInput) {
  const now = ctx.now();
  const soon = dueSoonLimit(now);
  const filter = {
    provinceCode: ctx.config.PROVINCE_CODE,
    agencyCodes: officerAgencies(actor),
    tab: input.tab,
    procedureCode: input.procedure,
    channel: input.channel,
    words: foldVietnamese(input.q ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8),
    overdueAt: input.overdue === 'true' ? now : undefined,
    dueSoonBefore: input.dueSoon === 'true' ? soon : undefined,
    receivedFrom: input.from ? vietnamDays(input.from, input.from).start : undefined,
    receivedTo: input.to ? vietnamDays(input.to, input.to).end : undefined,
    limit: input.limit,
  };
  const [rows, counts] = await Promise.all([
    listForOfficer(ctx.db, filter),
    countForOfficer(ctx.db, { ...filter, tab: 'all' }, now, soon),
  ]);
  const factsOf = await factsOfDossiers(ctx, rows);
  return { items: rows.map((r) => summarize(r, now, factsOf(r))), counts };
}

/**
 * One expected date everywhere: the due date once the desk received the dossier; before that the
 * date the filing answer (and the hotline's confirmation) gave, from the filing time.
 */
async function expectedDue(
  ctx: AppContext,
  row: DossierRow,
  procedure: ProcedureDefinition | undefined,
): Promise<{ expectedDueAt: string | null; onlineReductionPercent: number | null }> {
  const channel = row.channel as Channel;
  const onlineReductionPercent =
    procedure && isOnline(channel) && durationFor(procedure, channel) < procedure.legalDurationWorkingDays
      ? ONLINE_DURATION_REDUCTION_PERCENT
      : null;
  if (row.dueAt) return { expectedDueAt: row.dueAt.toISOString(), onlineReductionPercent };
  if (!procedure || row.receivedAt || row.finishedAt || row.withdrawnAt)
    return { expectedDueAt: null, onlineReductionPercent: null };
  const expected = await computeDueAt(ctx, procedure, channel, row.submittedAt);
  return { expectedDueAt: expected.toISOString(), onlineReductionPercent };
}
