/**
 * HTTP to our own API: JSON, cookies, the session's CSRF token on state-changing requests, and
 * RFC 9457 problems turned into a typed error whose `errors[]` the forms show beside their fields.
 */
import { getLocale } from '../i18n';
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

/** Thrown when the request never reached the server (offline, DNS, tunnel). */
export class NetworkError extends Error {}

/** The screen asking, for the personal-data access log (issue 20): the page's path, never its query. */
function screenOf(): string {
  const path = (globalThis.location?.pathname ?? '').replace(/^\/+/, '').toLowerCase();
  return path.replace(/[^a-z0-9/_.-]/g, '-').slice(0, 80) || 'home';
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof json.title === 'string' ? json.title : `HTTP ${response.status}`,
      Array.isArray(json.errors) ? (json.errors as FieldError[]) : [],
      typeof json.detail === 'string' ? json.detail : undefined,
    );
  }
  return json as T;
}
