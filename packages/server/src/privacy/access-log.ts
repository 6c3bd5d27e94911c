import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database';
import type { Actor } from '../identity/actor';

/** What an officer-facing read route shows, and how its record is named from the request. */
interface PersonalRead {
  recordType: string;
  /** The record read: the dossier code, the file's sha256, or a list's filter names (never their values). */
  recordId(request: FastifyRequest): string;
  /** How the dossier and the person it is about are found from the record. */
  subject: 'dossier' | 'file' | 'none';
}

const param = (name: string) => (request: FastifyRequest) => String((request.params as Record<string, unknown>)[name] ?? '');
// A list's search terms may be an identity number: only which filters were used is kept.
const filterNames = (request: FastifyRequest) =>
  Object.keys((request.query as Record<string, unknown>) ?? {})
    .sort()
    .join(',') || '-';

/**
 * Every route by which an officer sees a dossier, an attachment or a personal field, keyed like
 * ROUTE_ACCESS. The app refuses to start if one of them is no longer declared (renamed routes must
 * not silently stop being logged).
 */
export const PERSONAL_READ_ROUTES: Readonly<Record<string, PersonalRead>> = {
  'GET /api/v1/dossiers/:code': { recordType: 'dossier', recordId: param('code'), subject: 'dossier' },
  'GET /api/v1/dossiers/:code/documents/:kind': { recordType: 'dossier_document', recordId: param('code'), subject: 'dossier' },
  'GET /api/v1/dossiers/:code/result': { recordType: 'dossier_result', recordId: param('code'), subject: 'dossier' },
  'GET /api/v1/files/:sha256': { recordType: 'attachment', recordId: param('sha256'), subject: 'file' },
  'GET /api/v1/officer/complaints/:code/files/:sha256': {
    recordType: 'complaint_attachment',
    recordId: param('sha256'),
    subject: 'file',
  },
  'GET /api/v1/officer/dossiers': { recordType: 'dossier_list', recordId: filterNames, subject: 'none' },
  'GET /api/v1/officer/complaints': { recordType: 'complaint_list', recordId: filterNames, subject: 'none' },
  'GET /api/v1/officer/register.pdf': { recordType: 'register', recordId: filterNames, subject: 'none' },
  'GET /api/v1/household-businesses': { recordType: 'household_business_list', recordId: filterNames, subject: 'none' },
};

const SCREEN = /^[a-z0-9][a-z0-9/_.-]{0,79}$/;

interface Subject {
  dossierId: string | null;
  subjectId: string | null;
  agencyCode: string | null;
}

async function dossierSubject(db: Db, provinceCode: string, code: string): Promise<Subject> {
  const row = await db
    .selectFrom('dossier')
    .select(['id', 'applicantId', 'agencyCode'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return { dossierId: row?.id ?? null, subjectId: row?.applicantId ?? null, agencyCode: row?.agencyCode ?? null };
}

/** The dossier holding the file in one of the officer's agencies (else any), or its uploader. */
async function fileSubject(db: Db, provinceCode: string, sha256: string, agencies: string[]): Promise<Subject> {
  const held = await db
    .selectFrom('dossierAttachment as a')
    .innerJoin('dossier as d', 'd.id', 'a.dossierId')
    .select(['d.id', 'd.applicantId', 'd.agencyCode'])
    .where('a.provinceCode', '=', provinceCode)
    .where('a.fileId', '=', sha256)
    .execute();
  const row = held.find((h) => agencies.includes(h.agencyCode)) ?? held[0];
  if (row) return { dossierId: row.id, subjectId: row.applicantId, agencyCode: row.agencyCode };
  const owner = await db
    .selectFrom('storedFile')
    .select('ownerId')
    .where('provinceCode', '=', provinceCode)
    .where('sha256', '=', sha256)
    .orderBy('createdAt')
    .executeTakeFirst();
  return { dossierId: null, subjectId: owner?.ownerId ?? null, agencyCode: null };
}

/** Records that `actor` (an officer) has just been shown the record of this request. */
export async function recordPersonalRead(
  db: Db,
  request: FastifyRequest,
  actor: Actor,
  route: string,
  read: PersonalRead,
  at: Date,
): Promise<void> {
  const provinceCode = actor.provinceCode;
  const recordId = read.recordId(request).slice(0, 200);
  const agencies = actor.roles.map((r) => r.agencyCode);
  const subject: Subject =
    read.subject === 'dossier'
      ? await dossierSubject(db, provinceCode, recordId)
      : read.subject === 'file'
        ? await fileSubject(db, provinceCode, recordId, agencies)
        : { dossierId: null, subjectId: null, agencyCode: null };
  const agencyCode =
    subject.agencyCode && agencies.includes(subject.agencyCode) ? subject.agencyCode : (agencies[0] ?? provinceCode);
  const screen = request.headers['x-dvc-screen'];
  await db
    .insertInto('personalDataRead')
    .values({
      provinceCode,
      at,
      officerId: actor.userId,
      agencyCode,
      recordType: read.recordType,
      recordId,
      dossierId: subject.dossierId,
      subjectId: subject.subjectId,
      route,
      screen: typeof screen === 'string' && SCREEN.test(screen) ? screen : null,
      requestId: String(request.id),
    })
    .execute();
}

/**
 * Writes a row of personal_data_read for every successful read by an officer of a route in
 * PERSONAL_READ_ROUTES. It runs in onSend, like the audit log, so that the row is committed before
 * the officer gets the data; a row that cannot be written fails the read (no unlogged reads).
 */
export const accessLogPlugin: FastifyPluginAsync = fp(
  async (app) => {
    const declared = new Set<string>();
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) declared.add(`${method} ${route.url}`);
    });
    app.addHook('onReady', async () => {
      const missing = Object.keys(PERSONAL_READ_ROUTES).filter((key) => !declared.has(key));
      if (missing.length > 0)
        throw new Error(`personal-data read routes not declared: ${missing.join(', ')} (privacy/access-log.ts)`);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const actor = request.actor;
      if (actor?.kind !== 'officer' || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
      const route = `${request.method} ${request.routeOptions.url ?? ''}`;
      const read = PERSONAL_READ_ROUTES[route];
      if (!read) return payload;
      await recordPersonalRead(app.ctx.db, request, actor!, route, read, app.ctx.now());
      return payload;
    });
  },
  { name: 'privacy-access-log' },
);
