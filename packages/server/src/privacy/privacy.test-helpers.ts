import type { AppContext } from '../http/context';
import { createSession } from '../identity/identity.service';
import type { SignedIn } from '../identity/identity.test-helpers';
import { findUserByPhone } from '../identity/index';
import { register, verifyPhone } from '../identity/sign-up.service';
import { listRecentSms } from '../identity/sms-outbox';

/** A citizen who signed up and verified their phone (the demo has only one), signed in. */
export async function newCitizen(ctx: AppContext, phone: string, fullName: string): Promise<SignedIn> {
  const r = await register(ctx, { phone, password: 'MatKhau@2026', fullName });
  if (!r.ok) throw new Error(`register ${phone}: ${r.reason}`);
  const [sms] = await listRecentSms(ctx.db, ctx.config.PROVINCE_CODE, { phone, limit: 1 });
  const code = sms?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  const v = await verifyPhone(ctx, { phone, code, signUpToken: r.signUpToken });
  if (!v.ok) throw new Error(`verify ${phone}: ${v.reason}`);
  return sessionOf(ctx, phone);
}

export async function sessionOf(ctx: AppContext, phone: string): Promise<SignedIn> {
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, phone);
  if (!user) throw new Error(`no account ${phone}`);
  const s = await createSession(ctx, user, '127.0.0.1', 'privacy-test');
  const roles = s.actor.roles.map((g) => ({ role: g.role, agencyCode: g.agencyCode }));
  return {
    cookie: `dvc_session=${s.token}`,
    csrfToken: s.csrfToken,
    body: { user: { id: s.actor.userId, kind: s.actor.kind, roles }, csrfToken: s.csrfToken },
  };
}
