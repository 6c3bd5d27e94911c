import { catalogText, type Delivery } from '@dvc/domain';
import { factsOfDossier } from '../catalog/index';
import {
  renderApologyExtension,
  renderProcessControlSlip,
  renderReceiptSlip,
  renderRefusalSlip,
  renderStopNotice,
  renderSupplementRequest,
} from '../documents/index';
import type { AppContext } from '../http/context';
import { agencyNames, userNames } from '../identity/index';
import { sealIssuedPdf } from '../signing/index';
import type { DossierRow } from './dossier.repository';
import { listDossierEvents } from './dossier.repository';
import { dossierLookupUrl, publicBaseUrl } from './dossier-lookup.service';
import { issueLookupPin } from './lookup-pin';

/** The slips of Circular 03/2025/TT-VPCP a dossier can have, by the events it went through. */
export const SLIP_KINDS = ['receipt', 'supplement-request', 'refusal', 'apology', 'stop-notice', 'process-control'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

export const SLIP_TITLES: Record<SlipKind, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  'stop-notice': 'Thông báo dừng giải quyết hồ sơ',
  'process-control': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

type EventRow = Awaited<ReturnType<typeof listDossierEvents>>[number];

const EVENT_OF_SLIP: Partial<Record<SlipKind, string>> = {
  receipt: 'receive',
  'supplement-request': 'request_supplement',
  refusal: 'refuse',
  apology: 'issue_apology',
  'stop-notice': 'stop',
};

/** Which slips exist for this dossier now (the latest event of each kind). */
export function availableSlips(events: Pick<EventRow, 'type'>[]): SlipKind[] {
  const types = new Set(events.map((e) => e.type));
  return SLIP_KINDS.filter((k) => (k === 'process-control' ? types.has('receive') : types.has(EVENT_OF_SLIP[k]!)));
}

/**
 * One slip of the dossier as a PDF sealed by its agency, or undefined when the dossier has no such
 * slip. `issueLookupPin`: the desk prints the receipt for the filer, with a new lookup PIN on it.
 */
export async function renderSlip(
  ctx: AppContext,
  row: DossierRow,
  kind: SlipKind,
  options: { issueLookupPin?: boolean } = {},
): Promise<Buffer | undefined> {
  const pdf = await renderUnsignedSlip(ctx, row, kind, options);
  return pdf && sealIssuedPdf(ctx, undefined, { agencyCode: row.agencyCode, pdf, kind: `slip:${kind}`, dossierCode: row.code });
}

async function renderUnsignedSlip(
  ctx: AppContext,
  row: DossierRow,
  kind: SlipKind,
  options: { issueLookupPin?: boolean },
): Promise<Buffer | undefined> {
  const events = await listDossierEvents(ctx.db, row.id);
  if (!availableSlips(events).includes(kind)) return undefined;
  const provinceCode = ctx.config.PROVINCE_CODE;
  const [names, agencies] = await Promise.all([
    userNames(
      ctx.db,
      provinceCode,
      events.map((e) => e.actorId ?? ''),
    ),
    agencyNames(ctx.db, provinceCode, [row.agencyCode]),
  ]);
  const agencyName = agencies.get(row.agencyCode) ?? row.agencyCode;
  const agency = { parentName: 'TỈNH QUẢNG NGÃI', name: agencyName.toUpperCase(), place: 'Quảng Ngãi' };
  const procedure = await factsOfDossier(ctx, row);
  const procedureName = procedure?.name ?? row.procedureCode;
  const applicant = { fullName: row.applicantName, ...(row.applicantPhone ? { phone: row.applicantPhone } : {}) };
  const latest = (type: string) => [...events].reverse().find((e) => e.type === type);
  const officer = (e: EventRow | undefined) => (e?.actorId && names.get(e.actorId)) || 'Cán bộ tiếp nhận';
  const receive = latest('receive');
  const receivedAt = row.receivedAt ?? row.submittedAt;
  const common = { agency, dossierCode: row.code, applicant, procedureName };

  switch (kind) {
    case 'receipt': {
      const components = procedure?.components.filter((c) => c.mandatory).map((c) => ({ name: c.name, copies: c.copies })) ?? [];
      return renderReceiptSlip({
        ...common,
        issuedAt: receive!.at,
        components: components.length ? components : [{ name: 'Hồ sơ theo quy định' }],
        legalDuration: `${procedure?.legalDurationWorkingDays ?? 0} ngày làm việc`,
        receivedAt: receive!.at,
        dueAt: new Date(String((receive!.payload as { dueAt?: string }).dueAt ?? row.dueAt ?? receive!.at)),
        delivery: (row.delivery ?? 'counter') as Delivery,
        deliveryDetail: catalogText('vi', `deliveryDetail.${(row.delivery ?? 'counter') as Delivery}`),
        officerName: officer(receive),
        lookupUrl: dossierLookupUrl(publicBaseUrl(ctx), row.code),
        ...(options.issueLookupPin ? { lookupPin: await issueLookupPin(ctx, row.code) } : {}),
      });
    }
    case 'supplement-request': {
      const e = latest('request_supplement')!;
      const p = e.payload as { reason?: string; components?: string[] };
      return renderSupplementRequest({
        ...common,
        issuedAt: e.at,
        receivedAt,
        items: p.components?.length ? p.components : ['Thành phần hồ sơ theo yêu cầu'],
        reason: p.reason,
        contact: { name: officer(e), phone: '0255 3 822 222' },
        officerName: officer(e),
      });
    }
    case 'refusal': {
      const e = latest('refuse')!;
      return renderRefusalSlip({
        ...common,
        issuedAt: e.at,
        submittedAt: row.submittedAt,
        reasons: [String((e.payload as { reason?: string }).reason ?? 'Không đủ điều kiện tiếp nhận')],
        officerName: officer(e),
      });
    }
    case 'apology': {
      const e = latest('issue_apology')!;
      const p = e.payload as { reason?: string; newDueAt?: string };
      const previous = [...events].reverse().find((x) => x.seq < e.seq && (x.payload as { dueAt?: string }).dueAt);
      return renderApologyExtension({
        ...common,
        issuedAt: e.at,
        handlingAgencyName: agencyName,
        receivedAt,
        dueAt: new Date(String((previous?.payload as { dueAt?: string } | undefined)?.dueAt ?? row.dueAt ?? e.at)),
        reason: p.reason ?? 'Hồ sơ cần thêm thời gian xác minh',
        newDueAt: new Date(String(p.newDueAt)),
        signer: { title: 'THỦ TRƯỞNG CƠ QUAN', name: officer(e) },
      });
    }
    case 'stop-notice': {
      const e = latest('stop')!;
      return renderStopNotice({
        ...common,
        issuedAt: e.at,
        handlingAgencyName: agencyName,
        receivedAt,
        stoppedAt: e.at,
        reason: String((e.payload as { reason?: string }).reason ?? ''),
        signer: { title: 'THỦ TRƯỞNG CƠ QUAN', name: officer(e) },
      });
    }
    case 'process-control': {
      const steps = events
        .filter((e) => e.seq > 1)
        .map((e, i, all) => ({
          from: { unit: i === 0 ? 'Bộ phận Một cửa' : agencyName, person: e.actorId ? names.get(e.actorId) : undefined },
          to: { unit: e.toStatus === 'returned' ? 'Tổ chức, cá nhân' : agencyName },
          at: e.at,
          ...(row.dueAt && i === all.length - 1 ? { dueAt: row.dueAt } : {}),
          outcome: row.dueAt && e.at > row.dueAt ? ('late' as const) : ('on_time' as const),
          note: e.note ?? undefined,
        }));
      return renderProcessControlSlip({
        ...common,
        issuedAt: ctx.now(),
        receivedAt,
        dueAt: row.dueAt ?? receivedAt,
        leadAgencyName: agencyName,
        steps,
      });
    }
  }
}
