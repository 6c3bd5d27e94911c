// A citizen's steps over HTTP, as the phone takes them, against a server in another process.
import { tinyPdf } from '../../packages/server/src/dossiers/dossiers.test-helpers';

export interface RemoteUser {
  cookie: string;
  csrfToken: string;
}

export async function signInOverHttp(base: string, phone: string, password: string): Promise<RemoteUser> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${phone} → ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Uploads a small PDF with the tus protocol (create, one PATCH) and returns its file id. */
export async function tusUpload(base: string, who: RemoteUser, procedureCode: string, componentId: string): Promise<string> {
  const bytes = tinyPdf(`${componentId}-${Date.now()}`);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const headers = { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      ...headers,
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${b64(`${componentId}.pdf`)},procedureCode ${b64(procedureCode)},componentId ${b64(componentId)}`,
    },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || !location) throw new Error(`tus create → ${created.status} ${await created.text()}`);
  const upload = new URL(location, base).toString();
  const patched = await fetch(upload, {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (patched.status !== 204) throw new Error(`tus patch → ${patched.status} ${await patched.text()}`);
  const result = await fetch(`${upload}/result`, { headers: { cookie: who.cookie } });
  if (result.status !== 200) throw new Error(`tus result → ${result.status} ${await result.text()}`);
  return ((await result.json()) as { fileId: string }).fileId;
}
