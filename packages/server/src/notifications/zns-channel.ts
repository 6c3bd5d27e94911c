import type { NotificationConfig } from '../config';
import type { OutgoingDelivery } from './channels';
import { internationalNumber } from './smpp-channel';
import { startZnsStandIn, type ZnsStandIn } from './zns-stand-in';

/**
 * Zalo Notification Service: a dossier notice as the province's approved template (ZNS_TEMPLATE_ID,
 * params ma_ho_so / tieu_de / noi_dung), POSTed to <ZNS_URL>/message/template with the Official
 * Account's access token. The delivery id is the tracking_id, so a resend after a lost answer is
 * recognisable as the same message. Any failure throws ZnsError; the dispatcher then sends the
 * notice by SMS instead (dispatcher.ts).
 */
export class ZnsError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`ZNS lỗi ${code}: ${message}`);
  }
}

export interface ZnsSender {
  (delivery: OutgoingDelivery): Promise<void>;
  /** The local stand-in in the default mode, once started (tests, the dev tools). */
  standIn(): Promise<ZnsStandIn | undefined>;
}

/** Zalo's limits on template parameters (characters). */
const LIMITS = { ma_ho_so: 30, tieu_de: 100, noi_dung: 400 };

export function createZnsSender(env: NotificationConfig): ZnsSender {
  // The stand-in starts with the first message: a server that never sends one opens no port.
  let local: Promise<ZnsStandIn> | undefined;
  const target = async () => {
    if (env.ZNS_URL) return { url: env.ZNS_URL.replace(/\/$/, ''), token: env.ZNS_ACCESS_TOKEN ?? '' };
    local ??= startZnsStandIn();
    const s = await local;
    return { url: s.url, token: s.accessToken };
  };
  const send = async (d: OutgoingDelivery) => {
    const { url, token } = await target();
    const res = await fetch(`${url}/message/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify({
        phone: internationalNumber(d.recipient),
        template_id: env.ZNS_TEMPLATE_ID,
        template_data: {
          ma_ho_so: (d.dossierCode ?? '').slice(0, LIMITS.ma_ho_so),
          tieu_de: d.title.slice(0, LIMITS.tieu_de),
          noi_dung: d.body.slice(0, LIMITS.noi_dung),
        },
        tracking_id: `delivery-${d.id}`,
      }),
      signal: AbortSignal.timeout(env.ZNS_TIMEOUT_MS),
    });
    if (!res.ok) throw new ZnsError(-res.status, `HTTP ${res.status}`);
    const answer = (await res.json().catch(() => undefined)) as { error?: number; message?: string } | undefined;
    if (answer?.error !== 0) throw new ZnsError(answer?.error ?? -1, answer?.message ?? 'câu trả lời không đọc được');
  };
  return Object.assign(send, { standIn: async () => (local ? await local : undefined) });
}
