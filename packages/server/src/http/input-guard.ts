import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type FieldError, problem } from './problem';

/**
 * One guard at the edge for text no route can store or mean: a NUL byte (PostgreSQL's text refuses
 * it, so it used to surface as a 500 mid-write), a lone UTF-16 surrogate, a percent-escape that does
 * not decode to UTF-8, a JSON body nested deeper than any form of ours, an over-long URL. It runs
 * before the session lookup and every route, so a refused request touches nothing.
 */

/** Deeper than any body of ours (a form with members with addresses is 5 levels). */
export const MAX_JSON_DEPTH = 32;
/** Below Node's 16 KiB header limit, which a real connection hits first (431). */
export const MAX_URL_LENGTH = 8 * 1024;

const invalidText = (errors: FieldError[]) =>
  problem(400, 'invalid-text', 'Dữ liệu gửi lên chứa ký tự không hợp lệ', {
    detail: 'Vui lòng xoá ký tự điều khiển (NUL) hoặc ký tự lỗi mã hoá khỏi các trường được nêu và gửi lại.',
    errors,
  });

const badText = (field: string): FieldError => ({
  field,
  message: 'Chứa ký tự NUL hoặc ký tự Unicode không hợp lệ',
});

/** A UTF-16 surrogate without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isBadString(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

function fieldName(prefix: string, key: string): string {
  return isBadString(key) ? `${prefix}.?` : `${prefix}.${key}`;
}

/** The first defect of a parsed JSON value, as a field error; null when it is clean. */
export function findJsonDefect(value: unknown, field = 'body', depth = 0): FieldError | null {
  if (typeof value === 'string') return isBadString(value) ? badText(field) : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) {
    return { field, message: `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp)` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const defect = findJsonDefect(value[i], `${field}.${i}`, depth + 1);
      if (defect) return defect;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isBadString(key)) return badText(fieldName(field, key));
    const defect = findJsonDefect(item, `${field}.${key}`, depth + 1);
    if (defect) return defect;
  }
  return null;
}

/** Decodes one query component as the query parser does, or null when it is not valid UTF-8. */
function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function checkUrl(request: FastifyRequest): void {
  const url = request.url;
  if (url.length > MAX_URL_LENGTH) {
    throw problem(414, 'uri-too-long', 'Địa chỉ yêu cầu quá dài', {
      detail: `Địa chỉ (kể cả tham số) dài tối đa ${MAX_URL_LENGTH} ký tự.`,
    });
  }
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path.includes('%00') || path.includes('\u0000')) throw invalidText([badText('params')]);
  if (q === -1) return;
  const errors: FieldError[] = [];
  for (const pair of url.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    const shownName = name !== null && !isBadString(name) ? name : '?';
    if (name === null || value === null || isBadString(name) || isBadString(value)) {
      errors.push(badText(`querystring.${shownName}`));
    }
  }
  if (errors.length > 0) throw invalidText(errors);
}

const guard: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', async (request) => checkUrl(request));

  // The JSON parser Fastify would use (prototype poisoning refused), followed by the text checks.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const charset = /;\s*charset=([^;\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(problem(415, 'unsupported-media-type', 'Định dạng dữ liệu không được hỗ trợ', { detail: 'JSON phải mã hoá UTF-8.' }));
      return;
    }
    parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), (err, parsed) => {
      if (err) return done(err);
      const defect = findJsonDefect(parsed);
      if (!defect) return done(null, parsed);
      if (defect.message.startsWith('Dữ liệu lồng nhau')) {
        return done(problem(400, 'too-deep', 'Dữ liệu gửi lên lồng nhau quá sâu', { errors: [defect] }));
      }
      done(invalidText([defect]));
    });
  });
};

/** App-wide: register before every capability so that it runs first. */
export const inputGuardPlugin = fp(guard, { name: 'input-guard' });
