/**
 * HTTP to our own API: JSON, cookies, the session's CSRF token on state-changing requests, and
 * RFC 9457 problems turned into a typed error whose `errors[]` the forms show beside their fields.
 * Given the route's schema (from @dvc/domain/contract), the answer is checked against it before any
 * screen sees it: the server and the app read one contract, and a drift shows as an error, never as a
 * wrong page.
 */
import type { z } from 'zod';
import { getLocale, translate } from '../i18n';
import type { FieldError } from './outbox';

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}
export function getCsrfToken(): string | undefined {
  return csrfToken;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: FieldError[] = [],
    readonly detail?: string,
  ) {
    super(title);
  }
  /** The message for one field ('phone' matches 'body.phone'). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

/**
 * The server answered, but not in the shape of the route's contract. Screens show it as any failed
 * request (a generic "please try again"); the developer sees which fields differ, in the message, and
 * in the console of any build.
 */
export class ContractError extends ApiError {
  constructor(
    readonly path: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const friendly = translate(getLocale(), 'error.generic');
    const detail = `${path}: the answer does not match its contract — ${issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')}`;
    // A development build shows the difference on the page itself; a production one only says "try again".
    super(0, import.meta.env?.DEV ? `${friendly} [${detail}]` : friendly);
    this.message = detail;
  }
}

/** Thrown when the request never reached the server (offline, DNS, tunnel). */
export class NetworkError extends Error {}

/** The screen asking, for the personal-data access log (issue 20): the page's path, never its query. */
function screenOf(): string {
  const path = (globalThis.location?.pathname ?? '').replace(/^\/+/, '').toLowerCase();
  return path.replace(/[^a-z0-9/_.-]/g, '-').slice(0, 80) || 'home';
}

interface RequestInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** With `schema`: the answer checked against the route's contract and typed by it. */
export async function api<S extends z.ZodType>(path: string, init: RequestInit & { schema: S }): Promise<z.output<S>>;
export async function api<T>(path: string, init?: RequestInit): Promise<T>;
export async function api(path: string, init: RequestInit & { schema?: z.ZodType } = {}): Promise<unknown> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    // The server words its field messages in the reader's language (Vietnamese by default).
    'accept-language': getLocale(),
    'x-dvc-screen': screenOf(),
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new NetworkError('network');
  }
  if (response.status === 204) return undefined;
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof json.title === 'string' ? json.title : `HTTP ${response.status}`,
      Array.isArray(json.errors) ? (json.errors as FieldError[]) : [],
      typeof json.detail === 'string' ? json.detail : undefined,
    );
  }
  return init.schema ? checked(init.schema, `${method} ${path.split('?')[0]}`, json) : json;
}

function checked(schema: z.ZodType, route: string, json: unknown): unknown {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const error = new ContractError(route, parsed.error.issues);
  // Logged in every build: in production it is how a drift between server and app gets noticed.
  console.error(error.message);
  throw error;
}
