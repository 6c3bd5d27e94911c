import type { FastifyRequest } from 'fastify';
import { personalField } from './field-protection';

/**
 * The application log keeps no personal field (issue 20 point 5): no session or CSRF secret, no
 * identity or phone number in a logged URL's query (the register's lookup by the owner's number,
 * the dev outbox's phone filter), and no database error's `detail` (PostgreSQL quotes the failing
 * row's values there). The rest of a request line stays, for the operators.
 */
const CENSOR = '[ẩn]';
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'err.detail',
  'err.parameters',
  'err.cause.detail',
];

/** `url` with the values of its personal query parameters (phone, citizenId, ownerCitizenId, phoneLast4…) hidden. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && (personalField(name) || /phone/i.test(name)) ? `${pair.slice(0, eq)}=${CENSOR}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The app's pino options (app.ts); `stream` for a test that reads the log. */
export function appLoggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}
