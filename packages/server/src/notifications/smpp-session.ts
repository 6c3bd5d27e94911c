import type { FastifyBaseLogger } from 'fastify';
import smpp, { type PDU, type Session } from 'smpp';

/** A submit_sm the SMSC answered with an error status (throttled, queue full, bad number…). */
export class SmscRefusal extends Error {
  constructor(readonly status: number) {
    super(`SMSC từ chối submit_sm: ${statusName(status)} (0x${status.toString(16).padStart(4, '0')})`);
  }
  /** Statuses that say "try again later" rather than "this message cannot be sent". */
  get temporary(): boolean {
    return [smpp.ESME_RTHROTTLED, smpp.ESME_RMSGQFUL, smpp.ESME_RSYSERR, smpp.ESME_RX_T_APPN].includes(this.status);
  }
}

function statusName(status: number): string {
  return Object.entries(smpp.errors).find(([, v]) => v === status)?.[0] ?? 'unknown';
}

export interface SmscEndpoint {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
}

export interface DeliveryReceipt {
  messageId: string;
  delivered: boolean;
  /** ENROUTE / ACCEPTD: not final, nothing to record. */
  final: boolean;
}

const RESPONSE_TIMEOUT_MS = 10_000;
const ENQUIRE_LINK_MS = 30_000;

/**
 * One bound transceiver session to the SMSC, (re)opened on demand: a session lost between rounds is
 * bound again by the next submit. Delivery receipts (deliver_sm with the receipt esm_class) go to
 * `onReceipt`; the deliver_sm_resp is sent after it settles, so an SMSC resends a receipt that was
 * not recorded.
 */
export class SmppConnection {
  private session: Session | undefined;
  private opening: Promise<Session> | undefined;

  constructor(
    private readonly endpoint: SmscEndpoint,
    private readonly onReceipt: (receipt: DeliveryReceipt) => Promise<void>,
    private readonly log: FastifyBaseLogger,
  ) {}

  async submit(options: Record<string, unknown>): Promise<string> {
    const session = await this.open();
    const resp = await new Promise<PDU>((resolve, reject) => {
      // A session that closes with the answer outstanding fails the part at once (retried later).
      const lost = () => done(() => reject(new Error('Mất kết nối SMSC')));
      const timer = setTimeout(() => done(() => reject(new Error('SMSC không trả lời submit_sm'))), RESPONSE_TIMEOUT_MS);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        session.off('close', lost);
        settle();
      };
      session.once('close', lost);
      const sent = session.submit_sm(options, (pdu) => done(() => resolve(pdu)));
      if (!sent) {
        this.drop(session);
        lost();
      }
    });
    if (resp.command_status !== 0) throw new SmscRefusal(resp.command_status);
    return String(resp.message_id);
  }

  async close(): Promise<void> {
    const s = this.session ?? (await this.opening?.catch(() => undefined));
    this.session = undefined;
    if (!s) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => s.destroy(() => resolve()), 1000);
      const sent = s.unbind({}, () => {
        clearTimeout(timer);
        s.destroy(() => resolve());
      });
      if (!sent) {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private open(): Promise<Session> {
    if (this.session) return Promise.resolve(this.session);
    this.opening ??= this.bind().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private drop(session: Session) {
    if (this.session === session) this.session = undefined;
    session.destroy();
  }

  private bind(): Promise<Session> {
    const { host, port, tls, systemId, password } = this.endpoint;
    return new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ host, port, tls, auto_enquire_link_period: ENQUIRE_LINK_MS } as never, () => {
        session.bind_transceiver({ system_id: systemId, password, interface_version: 0x34 }, (pdu) => {
          if (pdu.command_status !== 0) {
            session.destroy();
            return reject(new SmscRefusal(pdu.command_status));
          }
          this.session = session;
          resolve(session);
        });
      });
      // Each part in flight (up to the window) listens for the session's close.
      session.setMaxListeners(64);
      session.on('error', (err: Error) => {
        this.drop(session);
        reject(err);
      });
      session.on('close', () => {
        if (this.session === session) this.session = undefined;
      });
      session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
      session.on('unbind', (pdu: PDU) => {
        session.send(pdu.response());
        this.drop(session);
      });
      session.on('deliver_sm', (pdu: PDU) => {
        const receipt = parseReceipt(pdu);
        const answer = () => session.send(pdu.response());
        if (!receipt?.final) return answer();
        this.onReceipt(receipt).then(answer, (err: Error) => {
          this.log.error({ err, messageId: receipt.messageId }, 'SMS receipt not recorded');
          session.send(pdu.response({ command_status: smpp.ESME_RX_T_APPN }));
        });
      });
    });
  }
}

const DELIVERED_STATES = new Set(['DELIVRD']);
const PENDING_STATES = new Set(['ENROUTE', 'ACCEPTD', 'SCHEDUL']);

/** A delivery receipt's message id and outcome, from its TLVs or else its text; undefined for a mobile-originated SMS. */
export function parseReceipt(pdu: PDU): DeliveryReceipt | undefined {
  if ((Number(pdu.esm_class) & smpp.ESM_CLASS.MC_DELIVERY_RECEIPT) === 0) return undefined;
  const sm = pdu.short_message as { message?: string } | string | undefined;
  const text = typeof sm === 'string' ? sm : typeof sm?.message === 'string' ? sm.message : '';
  const messageId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : /\bid:(\S+)/.exec(text)?.[1];
  if (!messageId) return undefined;
  const state = typeof pdu.message_state === 'number' ? pdu.message_state : undefined;
  if (state !== undefined) {
    const m = smpp.MESSAGE_STATE;
    return {
      messageId,
      delivered: state === m.DELIVERED,
      final: state !== m.ENROUTE && state !== m.ACCEPTED && state !== m.SCHEDULED,
    };
  }
  const stat = /\bstat:(\w+)/.exec(text)?.[1]?.toUpperCase() ?? '';
  return { messageId, delivered: DELIVERED_STATES.has(stat), final: !PENDING_STATES.has(stat) };
}

/** smpp://host:port (ssmpp:// for TLS) as the connection's endpoint. */
export function endpointFromUrl(url: string, systemId: string, password: string): SmscEndpoint {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port), tls: u.protocol === 'ssmpp:', systemId, password };
}
