import type { FastifyInstance } from 'fastify';
import type { SignedIn } from '../identity/identity.test-helpers';

/** Shared steps of the files tests: tus requests as tus-js-client sends them. */

export const PROCEDURE = '1.001612';
export const COMPONENT = 'giay-de-nghi';
export const TUS_BODY_TYPE = 'application/offset+octet-stream';

/** An Upload-Metadata header: `key base64(value)` pairs. */
export function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
}

export const tusHeaders = (who: SignedIn | undefined, extra: Record<string, string> = {}) => ({
  'tus-resumable': '1.0.0',
  ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {}),
  ...extra,
});

export function createUpload(
  app: FastifyInstance,
  who: SignedIn | undefined,
  length: number | string,
  filename: string,
  component = COMPONENT,
  extra: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/uploads/',
    headers: tusHeaders(who, {
      'upload-length': String(length),
      'upload-metadata': metadata({ filename, procedureCode: PROCEDURE, componentId: component }),
      ...extra,
    }),
  });
}

export function patchUpload(
  app: FastifyInstance,
  who: SignedIn,
  location: string,
  offset: number | string,
  chunk: Buffer | string,
  contentType = TUS_BODY_TYPE,
) {
  return app.inject({
    method: 'PATCH',
    url: location,
    headers: tusHeaders(who, { 'upload-offset': String(offset), 'content-type': contentType }),
    payload: chunk,
  });
}

/** How far the server got with an upload (HEAD), or undefined when it has no such upload. */
export async function uploadOffset(app: FastifyInstance, who: SignedIn, location: string): Promise<string | undefined> {
  const head = await app.inject({ method: 'HEAD', url: location, headers: tusHeaders(who) });
  return head.statusCode === 200 ? String(head.headers['upload-offset']) : undefined;
}
