import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in of the Zalo Notification Service API, for the default mode (no ZNS_URL) and the
 * tests: POST /message/template with the Official Account's token in the `access_token` header and
 * { phone: 84…, template_id, template_data, tracking_id }, answered as Zalo answers — HTTP 200 and
 * { error: 0, message: 'Success', data: { msg_id, sent_time, quota } }, or a negative `error` code.
 * Listens on 127.0.0.1 only; the messages are kept in memory, nothing reaches a phone.
 */

export interface ZnsRequest {
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  trackingId: string | undefined;
  msgId: string;
}

export interface ZnsStandIn {
  url: string;
  accessToken: string;
  received: ZnsRequest[];
  /** Phones without a Zalo account: answered with error -118, as Zalo does. */
  notOnZalo: Set<string>;
  /** The next `n` requests fail with error -32 (the OA's rate limit). */
  failNext(n: number): void;
  close(): Promise<void>;
}

export const ZNS_ERRORS = {
  invalidToken: { error: -124, message: 'Access token không hợp lệ' },
  noZaloAccount: { error: -118, message: 'Tài khoản Zalo không tồn tại hoặc đã bị vô hiệu hóa' },
  rateLimited: { error: -32, message: 'Vượt quá giới hạn gửi tin' },
  invalidParams: { error: -108, message: 'Số điện thoại hoặc tham số không hợp lệ' },
} as const;

export async function startZnsStandIn(options: { accessToken?: string; port?: number } = {}): Promise<ZnsStandIn> {
  const accessToken = options.accessToken ?? randomBytes(16).toString('hex');
  const received: ZnsRequest[] = [];
  const notOnZalo = new Set<string>();
  const byTracking = new Map<string, string>();
  let failures = 0;

  const server = createServer(async (req, res) => {
    const answer = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/message/template') {
      res.writeHead(404).end();
      return;
    }
    const body = await readJson(req);
    if (req.headers.access_token !== accessToken) return answer(ZNS_ERRORS.invalidToken);
    const phone = typeof body?.phone === 'string' ? body.phone : '';
    const templateId = typeof body?.template_id === 'string' ? body.template_id : '';
    const data = body?.template_data;
    if (!/^84\d{9,10}$/.test(phone) || !templateId || typeof data !== 'object' || data === null)
      return answer(ZNS_ERRORS.invalidParams);
    if (failures > 0) {
      failures--;
      return answer(ZNS_ERRORS.rateLimited);
    }
    if (notOnZalo.has(phone)) return answer(ZNS_ERRORS.noZaloAccount);
    const trackingId = typeof body?.tracking_id === 'string' ? body.tracking_id : undefined;
    // The same tracking id twice is one message (a resend after a lost answer).
    const known = trackingId ? byTracking.get(trackingId) : undefined;
    const msgId = known ?? randomBytes(12).toString('hex');
    if (!known) {
      received.push({ phone, templateId, templateData: data as Record<string, string>, trackingId, msgId });
      if (trackingId) byTracking.set(trackingId, msgId);
    }
    answer({
      error: 0,
      message: 'Success',
      data: { msg_id: msgId, sent_time: String(Date.now()), quota: { dailyQuota: '100000', remainingQuota: '99999' } },
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accessToken,
    received,
    notOnZalo,
    failNext(n) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
