import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import smpp, { type PDU, type Session } from 'smpp';

/**
 * A local SMSC speaking SMPP 3.4, for the default mode (no SMPP_URL) and the tests: it binds an ESME
 * with the configured system id and password, accepts submit_sm, and answers each with a message
 * id and, when a receipt was asked for, a deliver_sm delivery receipt (esm_class 0x04) a moment
 * later, as a carrier's gateway does. Listens on 127.0.0.1 only. Nothing is sent to a phone: the
 * accepted parts are kept in memory (the last MAX_KEPT) for the tests and the notify bench.
 */

export interface SubmittedPart {
  messageId: string;
  sourceAddr: string;
  destination: string;
  dataCoding: number;
  esmClass: number;
  /** The decoded text of this part (without its UDH). */
  text: string;
  /** Concatenation: reference, total and 1-based sequence from the UDH (absent for a single SMS). */
  concat?: { reference: number; total: number; seq: number };
  at: number;
}

export interface SmscStandIn {
  port: number;
  /** Every part accepted, oldest first. */
  submitted: SubmittedPart[];
  /** After `after` more are accepted, `n` submit_sm are refused with `status` (ESME_RTHROTTLED). */
  refuseNext(n: number, options?: { status?: number; after?: number }): void;
  /** Receipts for these destinations say UNDELIV (the handset is off for good). */
  undeliverable: Set<string>;
  /** Texts reassembled from their parts, per destination, in order of their first part. */
  messages(): Array<{ destination: string; text: string; parts: number }>;
  /** 'submit' (SubmittedPart) for every part accepted. */
  events: EventEmitter;
  close(): Promise<void>;
}

const MAX_KEPT = 20_000;

export async function startSmscStandIn(options: {
  port?: number;
  systemId: string;
  password: string;
  receiptDelayMs?: number;
}): Promise<SmscStandIn> {
  let refusals = 0;
  let acceptBeforeRefusing = 0;
  let refusalStatus = smpp.ESME_RTHROTTLED;
  let nextId = 1;
  const submitted: SubmittedPart[] = [];
  const events = new EventEmitter();
  const undeliverable = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();

  const server = smpp.createServer({}, (session: Session) => {
    let bound = false;
    session.on('error', () => session.destroy());
    const bind = (pdu: PDU) => {
      const ok = pdu.system_id === options.systemId && pdu.password === options.password;
      bound = ok;
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RBINDFAIL }));
      if (!ok) session.close();
    };
    session.on('bind_transceiver', bind);
    session.on('bind_transmitter', bind);
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('deliver_sm_resp', () => {});
    session.on('submit_sm', (pdu: PDU) => {
      if (!bound) return session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
      if (refusals > 0 && acceptBeforeRefusing > 0) acceptBeforeRefusing--;
      else if (refusals > 0) {
        refusals--;
        return session.send(pdu.response({ command_status: refusalStatus }));
      }
      const part = acceptedPart(pdu, String(nextId++).padStart(10, '0'));
      submitted.push(part);
      if (submitted.length > MAX_KEPT) submitted.splice(0, submitted.length - MAX_KEPT);
      session.send(pdu.response({ message_id: part.messageId }));
      events.emit('submit', part);
      if ((Number(pdu.registered_delivery) & 0x03) === 0) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        sendReceipt(session, part, undeliverable.has(part.destination));
      }, options.receiptDelayMs ?? 20);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    submitted,
    undeliverable,
    events,
    refuseNext(n, { status = smpp.ESME_RTHROTTLED, after = 0 } = {}) {
      refusals = n;
      refusalStatus = status;
      acceptBeforeRefusing = after;
    },
    messages: () => reassemble(submitted),
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of [...server.sessions]) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function acceptedPart(pdu: PDU, messageId: string): SubmittedPart {
  const sm = pdu.short_message as { udh?: Buffer[]; message?: string | Buffer } | undefined;
  const payload = pdu.message_payload as { message?: string } | undefined;
  const text = typeof sm?.message === 'string' ? sm.message : (payload?.message ?? '');
  const ie = sm?.udh?.find((u) => u[0] === 0x00 && u[1] === 3);
  return {
    messageId,
    sourceAddr: String(pdu.source_addr),
    destination: String(pdu.destination_addr),
    dataCoding: Number(pdu.data_coding),
    esmClass: Number(pdu.esm_class),
    text,
    ...(ie ? { concat: { reference: ie[2] ?? 0, total: ie[3] ?? 1, seq: ie[4] ?? 1 } } : {}),
    at: Date.now(),
  };
}

/** The receipt's text is the de-facto format of SMPP 3.4 appendix B; the TLVs say the same. */
function sendReceipt(session: Session, part: SubmittedPart, failed: boolean) {
  const stamp = receiptDate(new Date(part.at));
  const stat = failed ? 'UNDELIV' : 'DELIVRD';
  session.deliver_sm({
    source_addr: part.destination,
    destination_addr: part.sourceAddr,
    esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
    data_coding: 0,
    short_message: `id:${part.messageId} sub:001 dlvrd:${failed ? '000' : '001'} submit date:${stamp} done date:${receiptDate(new Date())} stat:${stat} err:${failed ? '001' : '000'} text:`,
    receipted_message_id: part.messageId,
    message_state: failed ? smpp.MESSAGE_STATE.UNDELIVERABLE : smpp.MESSAGE_STATE.DELIVERED,
  });
}

function receiptDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

function reassemble(parts: SubmittedPart[]) {
  const out: Array<{ destination: string; text: string; parts: number }> = [];
  const open = new Map<string, { entry: (typeof out)[number]; texts: string[] }>();
  for (const p of parts) {
    if (!p.concat) {
      out.push({ destination: p.destination, text: p.text, parts: 1 });
      continue;
    }
    const key = `${p.destination}/${p.concat.reference}/${p.concat.total}`;
    let m = open.get(key);
    if (!m || m.texts[p.concat.seq - 1] !== undefined) {
      m = { entry: { destination: p.destination, text: '', parts: p.concat.total }, texts: [] };
      open.set(key, m);
      out.push(m.entry);
    }
    m.texts[p.concat.seq - 1] = p.text;
    m.entry.text = m.texts.join('');
  }
  return out;
}
