import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Shared steps of the identity tests: sign in, read the dev SMS outbox. */

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  body: { user: { id: string; kind: string; roles: { role: string; agencyCode: string }[] }; csrfToken: string };
}

let ipCounter = 0;
/** A fresh client address per call, so that per-IP rate limits do not couple unrelated tests. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((x) => x.name === 'dvc_session');
  return c ? `dvc_session=${c.value}` : undefined;
}

export async function signIn(app: FastifyInstance, phone: string, password: string): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { phone, password },
    remoteAddress: nextIp(),
  });
  if (res.statusCode !== 200) throw new Error(`login ${phone} → ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  const body = res.json();
  return { cookie, csrfToken: body.csrfToken, body };
}

/** The 6-digit code of the latest SMS sent to `phone`, read from the dev outbox page. */
export async function latestCode(app: FastifyInstance, phone: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/dev/sms-outbox?phone=${phone}` });
  if (res.statusCode !== 200) throw new Error(`outbox → ${res.statusCode}`);
  const body = res.json().messages[0]?.body as string | undefined;
  const code = body?.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in the outbox for ${phone}`);
  return code;
}

/** Every 6-digit code sent to `phone`, newest first (the dev outbox page). */
export async function codesSentTo(app: FastifyInstance, phone: string): Promise<string[]> {
  const res = await app.inject({ method: 'GET', url: `/api/dev/sms-outbox?phone=${phone}&limit=200` });
  if (res.statusCode !== 200) throw new Error(`outbox → ${res.statusCode}`);
  return (res.json().messages as { body: string }[]).map((m) => m.body.match(/\b(\d{6})\b/)?.[1] ?? '');
}

/** The registering browser's cookie from a register answer, for the verify and resend calls. */
export function signUpCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'dvc_sign_up');
  return c ? `dvc_sign_up=${c.value}` : '';
}
