import {
  availableEvents,
  type Channel,
  catalogText,
  type DossierEventType,
  type DossierSnapshot,
  type DossierState,
  type ProcedureDefinition,
  type Role,
} from '@dvc/domain';
import type { DossierRow } from './dossier.repository';
import { reviveSnapshot } from './dossier-snapshot';

const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export function dueSoonLimit(now: Date): Date {
  return new Date(now.getTime() + DUE_SOON_MS);
}

/** `procedure`: the facts of the version the dossier was filed under (catalog's `factsOfDossier`). */
export function summarize(row: DossierRow, now: Date, procedure: Pick<ProcedureDefinition, 'name' | 'nameEn'> | undefined) {
  const open = row.finishedAt === null && row.withdrawnAt === null;
  const paused = row.status === 'supplement_requested' || row.status === 'financial_obligation_requested';
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    procedureName: procedure?.name ?? row.procedureCode,
    procedureNameEn: procedure?.nameEn,
    applicantName: row.applicantName,
    channel: row.channel as Channel,
    channelLabel: catalogText('vi', `channel.${row.channel as Channel}`),
    status: row.status,
    statusLabel: catalogText('vi', `state.${row.status as DossierState}`, row.status),
    step: row.step,
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    unitCode: row.unitCode,
    agencyCode: row.agencyCode,
    groupCode: row.groupCode,
    procedureVersion: row.procedureVersion,
    overdue: open && !paused && row.dueAt !== null && row.dueAt < now,
    dueSoon: open && !paused && row.dueAt !== null && row.dueAt >= now && row.dueAt < dueSoonLimit(now),
  };
}

interface EventRow {
  at: Date;
  fromStatus: string | null;
  toStatus: string;
  type: string;
  actorRole: string;
  note: string | null;
  payload: Record<string, unknown>;
}
interface AttachmentRow {
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  digitized: boolean;
  round: number;
  waivedBy: 'verified-identity' | null;
  reusedKind?: 'result' | 'component' | null;
  reusedFromDossier?: string | null;
}

/** "Tái sử dụng": a component given from the citizen's store, and where it came from (issue 18). */
function reusedFrom(a: AttachmentRow) {
  if (!a.reusedKind || !a.reusedFromDossier) return null;
  const what = a.reusedKind === 'result' ? 'kết quả giải quyết của hồ sơ' : 'giấy tờ đã số hóa của hồ sơ';
  return { kind: a.reusedKind, dossierCode: a.reusedFromDossier, label: `Tái sử dụng: ${what} ${a.reusedFromDossier}` };
}

export function detail(
  row: DossierRow,
  procedure: ProcedureDefinition | undefined,
  events: EventRow[],
  attachments: AttachmentRow[],
  roles: Role[],
  now: Date,
) {
  const snapshot: DossierSnapshot = reviveSnapshot(row.snapshot);
  const components = new Map(procedure?.components.map((c) => [c.id, c]));
  // Officers' notes are internal (an assignment's "Đề nghị xử lý sớm"): the applicant reads only their own.
  const forApplicant = roles.includes('citizen');
  const actions = new Set<DossierEventType>();
  for (const role of roles) for (const e of availableEvents(snapshot, role)) actions.add(e);
  return {
    ...summarize(row, now, procedure),
    applicantPhone: row.applicantPhone,
    form: row.form,
    delivery: row.delivery,
    feeAmount: Number(row.feeAmount),
    paidOnline: row.paidOnline,
    supplementCount: row.supplementCount,
    componentsTotal: row.componentsTotal,
    componentsDigitized: row.componentsDigitized,
    apologyCount: row.apologyCount,
    assigneeId: row.assigneeId,
    attachments: attachments.map((a) => ({
      componentId: a.componentId,
      componentName: components.get(a.componentId)?.name ?? a.componentId,
      componentNameEn: components.get(a.componentId)?.nameEn,
      fileId: a.fileId,
      fileName: a.fileName,
      mediaType: a.mediaType,
      digitized: a.digitized,
      round: a.round,
      waivedBy: a.waivedBy,
      reusedFrom: reusedFrom(a),
    })),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      from: e.fromStatus,
      to: e.toStatus,
      toLabel: catalogText('vi', `state.${e.toStatus as DossierState}`, e.toStatus),
      event: e.type,
      eventLabel: catalogText('vi', `event.${e.type as DossierEventType}`, e.type),
      actorRole: e.actorRole,
      note: forApplicant && e.actorRole !== 'citizen' ? null : e.note,
      reason: typeof e.payload.reason === 'string' ? e.payload.reason : null,
      newDueAt: typeof e.payload.newDueAt === 'string' ? e.payload.newDueAt : null,
      components: Array.isArray(e.payload.components) ? (e.payload.components as string[]) : null,
    })),
    availableEvents: [...actions],
  };
}

/** The postal service's delivery of the result, in the history after the return by post (postal/). */
export function postalDeliveryEntry(at: Date) {
  return {
    at: at.toISOString(),
    from: 'returned',
    to: 'returned',
    toLabel: catalogText('vi', 'state.returned'),
    event: 'postal_delivered',
    eventLabel: 'Đã giao kết quả qua bưu chính',
    actorRole: 'system',
    note: null,
    reason: null,
    newDueAt: null,
    components: null,
  };
}
