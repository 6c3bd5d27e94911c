import type { PostalConfig } from '../config';
import { type PostalStandIn, type PostalStatus, startPostalStandIn } from './postal-stand-in';

/** The postal service's API as this server uses it (postal-stand-in.ts describes the shape). */
export interface PostalClient {
  createOrder(order: {
    idempotencyKey: string;
    orderCode: string;
    receiver: { name: string; phone: string | null; address: string };
    weightGrams: number;
    declaredFee: number;
  }): Promise<{ itemCode: string; totalFee: number }>;
  status(itemCode: string): Promise<{ status: PostalStatus; statusAt: string }>;
  /** The local stand-in in the default mode, once started (tests, the demo). */
  standIn(): Promise<PostalStandIn | undefined>;
}

export class PostalError extends Error {}

const KNOWN = new Set<string>(['created', 'picked_up', 'in_transit', 'delivered', 'returned']);

export function createPostalClient(env: PostalConfig): PostalClient {
  // The stand-in starts with the first request: a server that never sends a parcel opens no port.
  let local: Promise<PostalStandIn> | undefined;
  const target = async () => {
    if (env.POSTAL_URL) return { url: env.POSTAL_URL.replace(/\/$/, ''), token: env.POSTAL_TOKEN ?? '' };
    local ??= startPostalStandIn({ autoAdvance: true });
    const s = await local;
    return { url: s.url, token: s.token };
  };
  const call = async (path: string, init: { method: string; body?: object; headers?: Record<string, string> }) => {
    const { url, token } = await target();
    let res: Response;
    try {
      res = await fetch(`${url}${path}`, {
        method: init.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
        body: init.body ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(env.POSTAL_TIMEOUT_MS),
      });
    } catch (err) {
      throw new PostalError(`không kết nối được dịch vụ bưu chính: ${(err as Error).message}`);
    }
    const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!res.ok) throw new PostalError(`dịch vụ bưu chính trả lời HTTP ${res.status}${body?.error ? ` (${body.error})` : ''}`);
    return body ?? {};
  };
  return {
    async createOrder(o) {
      const body = await call('/api/v1/orders', {
        method: 'POST',
        headers: { 'idempotency-key': o.idempotencyKey },
        body: {
          orderCode: o.orderCode,
          serviceCode: 'BCCP-HCC',
          receiver: o.receiver,
          weightGrams: o.weightGrams,
          declaredFee: o.declaredFee,
        },
      });
      if (typeof body.itemCode !== 'string' || !/^[A-Z0-9]{6,30}$/.test(body.itemCode))
        throw new PostalError('dịch vụ bưu chính không trả mã vận đơn');
      return { itemCode: body.itemCode, totalFee: Number(body.totalFee) || o.declaredFee };
    },
    async status(itemCode) {
      const body = await call(`/api/v1/orders/${encodeURIComponent(itemCode)}`, { method: 'GET' });
      if (typeof body.status !== 'string' || !KNOWN.has(body.status)) throw new PostalError('trạng thái bưu gửi không đọc được');
      return { status: body.status as PostalStatus, statusAt: String(body.statusAt ?? '') };
    },
    standIn: async () => (local ? await local : undefined),
  };
}
