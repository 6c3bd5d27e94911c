import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { inBackground } from '../db/database';
import type { AppContext } from '../http/context';
import { retryBackoffMs } from '../jobs/index';
import { type DeliveryReceipt, endpointFromUrl, SmppConnection, SmscRefusal } from './smpp-session';
import { concatenationUdh, DATA_CODING, smsTextFor, splitSms } from './sms-encoding';
import {
  acceptedParts,
  type ClaimedSms,
  claimDueSms,
  markSmsSent,
  recordPart,
  recordReceipt,
  recordSmsFailure,
} from './sms-store';
import { type SmscStandIn, startSmscStandIn } from './smsc-stand-in';

/**
 * The SMS gateway: drains sms_outbox (one-time codes from identity/, dossier notices from the
 * dispatcher) to an SMSC over SMPP 3.4, and follows each message to 'delivered' or 'failed' by its
 * parts' delivery receipts. Without SMPP_URL it first starts the local SMSC stand-in.
 *
 * - Order: codes (priority 0) before notices, then oldest first; a round claims about a second's
 *   worth of messages, so a code queued behind a burst waits at most that long.
 * - Throughput: at most SMS_MAX_PER_SECOND submit_sm (each part counts), spaced evenly.
 * - Retries: a refused or unanswered part leaves the message pending with a doubling backoff from
 *   SMS_RETRY_BASE_MS; the parts already accepted are recorded and not submitted again. After
 *   SMS_MAX_ATTEMPTS, or on a permanent refusal (a bad number), the message is failed.
 * - The at-least-once window: a part the SMSC accepted whose answer is lost (the connection drops
 *   in between) is submitted again after the lease — as for e-mail, it cannot be closed from here.
 */

export interface SmsGateway {
  /** The stand-in in the default mode (undefined with SMPP_URL). */
  standIn: SmscStandIn | undefined;
  /** Look for due messages now instead of at the next poll (the dispatcher calls it). */
  wake(): void;
  /** One round now, awaited (tests). Returns how many messages it took. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export interface SmsGatewayOptions {
  /** How often to look for due messages when not woken (ms). */
  pollMs?: number;
  /** Do not loop: the caller drives runOnce (tests). */
  manual?: boolean;
  /** The app's logger (the workers pass theirs); by default one at LOG_LEVEL. */
  log?: FastifyBaseLogger;
}

const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 600_000;
/** Parts in flight at once: the SMSC's window. */
const WINDOW = 10;
const STAND_IN_CREDENTIALS = { systemId: 'dvc', password: 'dvc' };

let current: SmsGateway | undefined;

/** Wakes the running gateway, if any (the dispatcher, after it queued SMS). */
export function wakeSmsGateway(): void {
  current?.wake();
}

export function startSmsGateway(ctx: AppContext, options: SmsGatewayOptions = {}): Promise<SmsGateway> {
  return inBackground(() => start(ctx, options));
}

async function start(ctx: AppContext, options: SmsGatewayOptions): Promise<SmsGateway> {
  const env = ctx.config.notifications;
  const standIn = env.SMPP_URL ? undefined : await startSmscStandIn({ port: env.SMSC_STAND_IN_PORT, ...STAND_IN_CREDENTIALS });
  const endpoint = env.SMPP_URL
    ? endpointFromUrl(env.SMPP_URL, env.SMPP_SYSTEM_ID, env.SMPP_PASSWORD)
    : { host: '127.0.0.1', port: standIn?.port ?? 0, tls: false, ...STAND_IN_CREDENTIALS };
  const log = (options.log ?? pino({ level: ctx.config.LOG_LEVEL })).child({ component: 'sms' });
  const connection = new SmppConnection(endpoint, (r) => onReceipt(ctx, r), log);
  const pace = pacer(env.SMS_MAX_PER_SECOND);
  const batch = Math.max(1, Math.min(env.SMS_MAX_PER_SECOND, 100));

  let stopped = false;
  let running: Promise<number> | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const round = () => {
    running ??= sendRound(ctx, connection, pace, batch).finally(() => (running = undefined));
    return running;
  };
  const loop = async () => {
    while (!stopped) {
      const n = await round().catch((err: Error) => {
        log.error({ err }, 'SMS round failed');
        return 0;
      });
      if (n > 0 || stopped) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 1000);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
      woken = false;
    }
  };
  const looping = options.manual ? Promise.resolve() : loop();
  const gateway: SmsGateway = {
    standIn,
    wake() {
      woken = true;
      wakeUp?.();
    },
    runOnce: round,
    async stop() {
      stopped = true;
      wakeUp?.();
      await looping;
      await running?.catch(() => undefined);
      await connection.close();
      await standIn?.close();
      if (current === gateway) current = undefined;
    },
  };
  current = gateway;
  return gateway;
}

async function sendRound(ctx: AppContext, connection: SmppConnection, pace: () => Promise<void>, batch: number) {
  const claimed = await claimDueSms(ctx, batch, LEASE_MS);
  // Codes are all submitted before any notice starts; within a priority up to WINDOW messages are
  // in flight, each taking its turns at the pacer.
  for (const priority of [...new Set(claimed.map((s) => s.priority))]) {
    const queue = claimed.filter((s) => s.priority === priority);
    const worker = async () => {
      for (let sms = queue.shift(); sms; sms = queue.shift()) await sendOne(ctx, connection, pace, sms);
    };
    await Promise.all(Array.from({ length: Math.min(WINDOW, queue.length) }, worker));
  }
  return claimed.length;
}

async function sendOne(ctx: AppContext, connection: SmppConnection, pace: () => Promise<void>, sms: ClaimedSms) {
  const env = ctx.config.notifications;
  const encoding = env.SMS_ENCODING;
  const parts = splitSms(smsTextFor(sms.body, encoding), encoding);
  try {
    const done = parts.length > 1 && sms.attempts > 1 ? await acceptedParts(ctx, sms.id) : new Set<number>();
    for (const [i, text] of parts.entries()) {
      const seq = i + 1;
      if (done.has(seq)) continue;
      await pace();
      const messageId = await connection.submit({
        source_addr_ton: 5,
        source_addr_npi: 0,
        source_addr: env.SMPP_SOURCE_ADDR,
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        destination_addr: internationalNumber(sms.phone),
        registered_delivery: 1,
        data_coding: DATA_CODING[encoding],
        esm_class: 0,
        short_message: parts.length > 1 ? { udh: concatenationUdh(sms.id, parts.length, seq), message: text } : { message: text },
      });
      await recordPart(ctx, { smsId: sms.id, seq, parts: parts.length, messageId });
    }
    await markSmsSent(ctx, sms.id);
  } catch (err) {
    const temporary = !(err instanceof SmscRefusal) || err.temporary;
    const retry = temporary && sms.attempts < env.SMS_MAX_ATTEMPTS;
    const delay = retryBackoffMs(sms.attempts, { baseMs: env.SMS_RETRY_BASE_MS, maxMs: MAX_BACKOFF_MS });
    await recordSmsFailure(
      ctx,
      sms.id,
      err instanceof Error ? err.message : String(err),
      retry ? new Date(ctx.now().getTime() + delay) : undefined,
    );
  }
}

/** A receipt may overtake the recording of its part by a moment: looked up again before giving up. */
async function onReceipt(ctx: AppContext, receipt: DeliveryReceipt): Promise<void> {
  await inBackground(async () => {
    for (let i = 0; i < 5; i++) {
      if (await recordReceipt(ctx, receipt.messageId, receipt.delivered)) return;
      await new Promise((r) => setTimeout(r, 50 * (i + 1)));
    }
  });
}

/** Vietnamese numbers as the SMSC wants them: 0912345678 → 84912345678. */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

/** Evenly spaced turns, perSecond of them a second, handed out in the order they are asked for. */
function pacer(perSecond: number): () => Promise<void> {
  const gap = 1000 / perSecond;
  let next = 0;
  return () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + gap;
    return at <= now ? Promise.resolve() : new Promise((r) => setTimeout(r, at - now));
  };
}
