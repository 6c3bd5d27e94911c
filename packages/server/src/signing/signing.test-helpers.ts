import type { FastifyInstance } from 'fastify';
import { latestCode, type SignedIn } from '../identity/identity.test-helpers';

const pending = new Map<string, Promise<void>>();

/**
 * The officer asks for the signing OTP, reads it from the SMS (the dev outbox) and enters it, as
 * the approval dialog has them do. Concurrent callers for one officer share one authorization
 * (forty resolves at once: one SMS, one code), and one already standing is kept.
 */
export function authorizeSigningOnce(app: FastifyInstance, who: SignedIn): Promise<void> {
  const key = who.body.user.id;
  const earlier = pending.get(key) ?? Promise.resolve();
  const next = earlier.then(() => authorizeSigning(app, who, { unlessReady: true }));
  pending.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

export async function authorizeSigning(app: FastifyInstance, who: SignedIn, opts: { unlessReady?: boolean } = {}) {
  const headers = { cookie: who.cookie, 'x-csrf-token': who.csrfToken };
  if (opts.unlessReady) {
    const ready = await app.inject({ method: 'GET', url: '/api/v1/signing/authorization', headers });
    if (ready.json().ready === true) return;
  }
  const sent = await app.inject({ method: 'POST', url: '/api/v1/signing/otp', payload: {}, headers });
  if (sent.statusCode !== 200) throw new Error(`signing OTP → ${sent.statusCode} ${sent.body}`);
  const phone = (who.body.user as { phone?: string }).phone;
  if (!phone) throw new Error('the signed-in officer has no phone');
  const otp = await latestCode(app, phone);
  const res = await app.inject({ method: 'POST', url: '/api/v1/signing/authorization', payload: { otp }, headers });
  if (res.statusCode !== 200) throw new Error(`signing authorization → ${res.statusCode} ${res.body}`);
}
