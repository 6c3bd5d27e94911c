import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in of a postal service's shipment API (VNPost-like), for the default mode (no
 * POSTAL_URL) and the tests. Bearer token in `Authorization`.
 * - POST /api/v1/orders with `Idempotency-Key` and { orderCode, serviceCode, receiver: { name, phone,
 *   address }, weightGrams, declaredFee } → 201 { orderId, itemCode, status: 'created', totalFee };
 *   the same key again → 200 and the same order (a resend after a lost answer is not a second parcel).
 * - GET /api/v1/orders/{itemCode} → { itemCode, status, statusAt }; status: created → picked_up →
 *   in_transit → delivered (or returned).
 * Listens on 127.0.0.1 only; orders are kept in memory, no parcel leaves.
 */

export const POSTAL_STATUSES = ['created', 'picked_up', 'in_transit', 'delivered', 'returned'] as const;
export type PostalStatus = (typeof POSTAL_STATUSES)[number];

export interface StandInOrder {
  orderId: string;
  itemCode: string;
  idempotencyKey: string;
  orderCode: string;
  receiver: { name: string; phone: string | null; address: string };
  weightGrams: number;
  totalFee: number;
  status: PostalStatus;
  statusAt: string;
}

export interface PostalStandIn {
  url: string;
  token: string;
  orders: StandInOrder[];
  /** The next `n` order or status requests answer 503 (the service is down). */
  failNext(n: number): void;
  setStatus(itemCode: string, status: PostalStatus): void;
  close(): Promise<void>;
}

/** `autoAdvance`: each status query moves the parcel one step on (the demo's parcels get delivered). */
export async function startPostalStandIn(options: { token?: string; autoAdvance?: boolean } = {}): Promise<PostalStandIn> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const orders: StandInOrder[] = [];
  const byKey = new Map<string, StandInOrder>();
  let failures = 0;
  let sequence = 0;

  const send = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: 'unauthorized' });
    if (failures > 0) {
      failures--;
      return send(res, 503, { error: 'service_unavailable', message: 'Hệ thống bưu chính đang bảo trì' });
    }
    if (req.method === 'POST' && req.url === '/api/v1/orders') {
      const key = req.headers['idempotency-key'];
      const body = await readJson(req);
      const receiver = body?.receiver as StandInOrder['receiver'] | undefined;
      if (typeof key !== 'string' || !key || typeof body?.orderCode !== 'string' || !receiver?.name || !receiver.address)
        return send(res, 400, { error: 'invalid_request' });
      const known = byKey.get(key);
      if (known) return send(res, 200, orderAnswer(known));
      sequence += 1;
      const order: StandInOrder = {
        orderId: randomUUID(),
        // VNPost's item codes: two letters, nine digits, VN.
        itemCode: `EB${String(Date.now() % 1e6).padStart(6, '0')}${String(sequence).padStart(3, '0')}VN`,
        idempotencyKey: key,
        orderCode: body.orderCode,
        receiver: { name: receiver.name, phone: receiver.phone ?? null, address: receiver.address },
        weightGrams: Number(body.weightGrams) || 0,
        totalFee: Number(body.declaredFee) || 0,
        status: 'created',
        statusAt: new Date().toISOString(),
      };
      orders.push(order);
      byKey.set(key, order);
      return send(res, 201, orderAnswer(order));
    }
    const m = req.method === 'GET' ? req.url?.match(/^\/api\/v1\/orders\/([A-Z0-9]+)$/) : null;
    if (m) {
      const order = orders.find((o) => o.itemCode === m[1]);
      if (!order) return send(res, 404, { error: 'not_found' });
      if (options.autoAdvance && order.status !== 'delivered' && order.status !== 'returned') {
        order.status = POSTAL_STATUSES[POSTAL_STATUSES.indexOf(order.status) + 1]!;
        order.statusAt = new Date().toISOString();
      }
      return send(res, 200, { itemCode: order.itemCode, status: order.status, statusAt: order.statusAt });
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    orders,
    failNext(n) {
      failures = n;
    },
    setStatus(itemCode, status) {
      const order = orders.find((o) => o.itemCode === itemCode);
      if (!order) throw new Error(`no order ${itemCode}`);
      order.status = status;
      order.statusAt = new Date().toISOString();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function orderAnswer(o: StandInOrder) {
  return { orderId: o.orderId, itemCode: o.itemCode, status: o.status, totalFee: o.totalFee };
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
