import { randomUUID } from 'node:crypto';
import { procedureDefinitions } from '@dvc/domain';
import { householdForm } from '../dossiers/dossiers.test-helpers';
import { ACTORS, type ActorName, type MatrixFixture } from './access-matrix.fixture';

/** The access matrix's vocabulary: who is in which group, and the requests its cases send. */

/** The procedure the cases file against, named by its definition rather than written out. */
export const REGISTRATION = procedureDefinitions.householdBusinessRegistrationDefinition.code;

/**
 * What each person is expected to get from each route — written from the rules of the service
 * (who files, who may see a dossier, who administers), not read from route-access.ts.
 * - ok: gets through every access check (any answer but 401, 403, 404 or 5xx; 404 too where the
 *   target does not exist: `absent`);
 * - hidden: 404 — the target exists but is not theirs;
 * - everyone else: 401 without a session, 403 with one.
 */
export interface MatrixCase {
  request(f: MatrixFixture): { url: string; payload?: unknown; headers?: Record<string, string> };
  ok: readonly ActorName[];
  hidden?: readonly ActorName[];
  /** The target does not exist in the matrix's data: 404 cannot tell refusal from absence. */
  absent?: true;
  /** The request ends the session it carries (logout): it gets a session of its own. */
  endsSession?: true;
  /** Rate-limited per address: each request from an address of its own. */
  ownAddress?: true;
  /** Needs a service the test does not run (the VNeID provider over HTTP): 503 is its honest answer. */
  needsOutsideService?: true;
}

export const EVERYONE = ACTORS;
export const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
export const CITIZENS = ['citizenA', 'citizenB'] as const;
export const OFFICERS = SIGNED_IN.filter((a) => a !== 'citizenA' && a !== 'citizenB');
export const ADMINS = ['provinceAdmin', 'systemAdmin'] as const;
export const RECEIVERS = ['deskA', 'deskB', 'department'] as const;
/** Who may see dossier A (agency A's officers, the province readers, its applicant) … */
export const SEE_A = ['citizenA', 'deskA', 'specialist', 'leader', ...ADMINS] as const;
/** … and who may not: it reads as 404 to them. */
export const NOT_SEE_A = ['citizenB', 'deskB', 'hotline', 'department'] as const;

export const get = (url: string) => () => ({ url });
export const post =
  (url: string, payload: unknown = {}) =>
  () => ({ url, payload });
export const filing = (extra: Record<string, unknown> = {}) => ({
  procedureCode: REGISTRATION,
  unitCode: '21025',
  form: householdForm(),
  attachments: [],
  delivery: 'electronic',
  ...extra,
});
export const withKey = (payload: unknown) => ({ payload, headers: { 'idempotency-key': randomUUID() } });
export const tusHeaders = { 'tus-resumable': '1.0.0' };
export const tusCreate = {
  ...tusHeaders,
  'upload-length': '10',
  'upload-metadata': `filename ${Buffer.from('a.pdf').toString('base64')},procedureCode ${Buffer.from(REGISTRATION).toString('base64')},componentId ${Buffer.from('giay-de-nghi').toString('base64')}`,
};
export const REPORT_QUERY = '?period=2026-11';
export const OVERRIDE_DAY = '2030-05-06';

export const pub = (url: string, extra: Partial<MatrixCase> = {}): MatrixCase => ({ request: get(url), ok: EVERYONE, ...extra });
