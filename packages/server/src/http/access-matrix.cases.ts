import { randomUUID } from 'node:crypto';
import { procedureDefinitions } from '@dvc/domain';
import { householdForm } from '../dossiers/dossiers.test-helpers';
import { RATING_QUESTIONS } from '../feedback/rating-questions';
import { ACTORS, type ActorName, type MatrixFixture } from './access-matrix.fixture';

/** The procedure the cases file against, named by its definition rather than written out. */
const REGISTRATION = procedureDefinitions.householdBusinessRegistrationDefinition.code;

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

const EVERYONE = ACTORS;
const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
const CITIZENS = ['citizenA', 'citizenB'] as const;
const OFFICERS = SIGNED_IN.filter((a) => a !== 'citizenA' && a !== 'citizenB');
const ADMINS = ['provinceAdmin', 'systemAdmin'] as const;
const RECEIVERS = ['deskA', 'deskB', 'department'] as const;
/** Who may see dossier A (agency A's officers, the province readers, its applicant) … */
const SEE_A = ['citizenA', 'deskA', 'specialist', 'leader', ...ADMINS] as const;
/** … and who may not: it reads as 404 to them. */
const NOT_SEE_A = ['citizenB', 'deskB', 'hotline', 'department'] as const;

const get = (url: string) => () => ({ url });
const post =
  (url: string, payload: unknown = {}) =>
  () => ({ url, payload });
const filing = (extra: Record<string, unknown> = {}) => ({
  procedureCode: REGISTRATION,
  unitCode: '21025',
  form: householdForm(),
  attachments: [],
  delivery: 'electronic',
  ...extra,
});
const withKey = (payload: unknown) => ({ payload, headers: { 'idempotency-key': randomUUID() } });
const tusHeaders = { 'tus-resumable': '1.0.0' };
const tusCreate = {
  ...tusHeaders,
  'upload-length': '10',
  'upload-metadata': `filename ${Buffer.from('a.pdf').toString('base64')},procedureCode ${Buffer.from(REGISTRATION).toString('base64')},componentId ${Buffer.from('giay-de-nghi').toString('base64')}`,
};
const REPORT_QUERY = '?period=2026-11';
const OVERRIDE_DAY = '2030-05-06';

const pub = (url: string, extra: Partial<MatrixCase> = {}): MatrixCase => ({ request: get(url), ok: EVERYONE, ...extra });

/** Keyed as route-access.ts keys its rules; HEAD routes are checked with their GET's case. */
export const MATRIX: Record<string, MatrixCase> = {
  'GET /api/docs': pub('/api/docs', { absent: true }),
  'GET /api/docs/': pub('/api/docs/', { absent: true }),
  'GET /api/docs/static/index.html': pub('/api/docs/static/index.html'),
  'GET /api/docs/static/swagger-initializer.js': pub('/api/docs/static/swagger-initializer.js'),
  'GET /api/docs/*': pub('/api/docs/static/favicon-32x32.png', { absent: true }),
  'GET /api/docs/static/*': pub('/api/docs/static/favicon-32x32.png', { absent: true }),
  'GET /api/docs/json': pub('/api/docs/json'),
  'GET /api/docs/yaml': pub('/api/docs/yaml'),
  'GET /api/openapi.json': pub('/api/openapi.json'),
  'GET /api/health': pub('/api/health'),

  'GET /api/dev/sms-outbox': pub('/api/dev/sms-outbox'),
  'POST /api/dev/portal-receiver': { request: post('/api/dev/portal-receiver'), ok: EVERYONE },
  'GET /api/dev/portal-receiver': { request: get('/api/dev/portal-receiver'), ok: ADMINS },
  'GET /dev-vneid': pub('/dev-vneid', { absent: true }),
  'POST /dev-vneid': { request: post('/dev-vneid'), ok: EVERYONE, absent: true },
  'OPTIONS /dev-vneid': pub('/dev-vneid', { absent: true }),
  'GET /dev-vneid/*': pub('/dev-vneid/.well-known/openid-configuration'),
  'POST /dev-vneid/*': { request: post('/dev-vneid/token'), ok: EVERYONE, absent: true },
  'OPTIONS /dev-vneid/*': pub('/dev-vneid/token', { absent: true }),
  'GET /sandbox/vnpay/pay': pub('/sandbox/vnpay/pay'),
  'GET /sandbox/vnpay/complete': pub('/sandbox/vnpay/complete'),
  // The inject requests come from 127.0.0.1: the stand-ins answer them (a bad request, 4xx, is an answer)
  'POST /csc/v2/*': { request: post('/csc/v2/info'), ok: EVERYONE },
  'POST /tsa': { request: post('/tsa'), ok: EVERYONE },
  'GET /pki/root-ca.crt': pub('/pki/root-ca.crt'),
  'GET /pki/issuing-ca.crt': pub('/pki/issuing-ca.crt'),
  'GET /pki/issuing-ca.crl': pub('/pki/issuing-ca.crl'),

  'POST /api/v1/auth/register': { request: post('/api/v1/auth/register'), ok: EVERYONE, ownAddress: true },
  'POST /api/v1/auth/resend-code': { request: post('/api/v1/auth/resend-code'), ok: EVERYONE, ownAddress: true },
  'POST /api/v1/auth/verify-phone': { request: post('/api/v1/auth/verify-phone'), ok: EVERYONE, ownAddress: true },
  'POST /api/v1/auth/login': { request: post('/api/v1/auth/login'), ok: EVERYONE, ownAddress: true },
  'POST /api/v1/auth/logout': { request: post('/api/v1/auth/logout'), ok: EVERYONE, endsSession: true },
  'GET /api/v1/auth/vneid/start': pub('/api/v1/auth/vneid/start', { endsSession: true, needsOutsideService: true }),
  'GET /api/v1/auth/vneid/callback': pub('/api/v1/auth/vneid/callback?code=x&state=y'),
  'GET /api/v1/auth/me': { request: get('/api/v1/auth/me'), ok: SIGNED_IN },
  'GET /api/v1/auth/verified-identity': { request: get('/api/v1/auth/verified-identity'), ok: CITIZENS },
  'GET /api/v1/postage/quote': pub(`/api/v1/postage/quote?procedureCode=${REGISTRATION}&address=Qu%E1%BA%A3ng%20Ng%C3%A3i`),
  // Dossier A goes electronically: no shipment (404 to everyone), and only its desk may ask for one (409).
  'GET /api/v1/dossiers/:code/postal-shipment': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/postal-shipment` }),
    ok: SIGNED_IN,
    absent: true,
  },
  'POST /api/v1/dossiers/:code/postal-shipment': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/postal-shipment` }),
    ok: ['deskA'],
    hidden: ['deskB', 'hotline', 'department'],
  },
  'GET /api/v1/auth/officer-roles': { request: get('/api/v1/auth/officer-roles'), ok: OFFICERS },
  'POST /api/v1/auth/password-reset': { request: post('/api/v1/auth/password-reset'), ok: EVERYONE, ownAddress: true },
  'POST /api/v1/auth/password-reset/confirm': {
    request: post('/api/v1/auth/password-reset/confirm'),
    ok: EVERYONE,
    ownAddress: true,
  },
  'PUT /api/v1/auth/password': { request: () => ({ url: '/api/v1/auth/password', payload: {} }), ok: SIGNED_IN },
  // Without its body (which devices): refused after the access checks, so no shared session ends.
  'POST /api/v1/auth/sign-out-everywhere': { request: post('/api/v1/auth/sign-out-everywhere'), ok: SIGNED_IN },
  'GET /api/v1/account/profile': { request: get('/api/v1/account/profile'), ok: CITIZENS },
  'PUT /api/v1/account/profile': { request: () => ({ url: '/api/v1/account/profile', payload: {} }), ok: CITIZENS },

  'GET /api/v1/admin-units': pub('/api/v1/admin-units'),
  'GET /api/v1/admin-units/:code': pub('/api/v1/admin-units/21025'),
  'GET /api/v1/procedures': pub('/api/v1/procedures'),
  'GET /api/v1/procedures/:code': pub(`/api/v1/procedures/${REGISTRATION}`),
  'GET /api/v1/procedures/:code/versions/:version': pub(`/api/v1/procedures/${REGISTRATION}/versions/1`),
  'GET /api/v1/procedure-definition.schema.json': pub('/api/v1/procedure-definition.schema.json'),
  'GET /api/v1/procedure-topics': pub('/api/v1/procedure-topics'),
  'GET /api/v1/calendar': pub('/api/v1/calendar?year=2026'),
  'GET /api/v1/public/indicators': pub('/api/v1/public/indicators?year=2026'),
  'GET /api/v1/verify/:code': pub('/api/v1/verify/KHONG-CO-MA', { absent: true }),
  'POST /api/v1/verify': { request: post('/api/v1/verify'), ok: EVERYONE },
  'GET /xac-minh/:code': pub('/xac-minh/KHONG-CO-MA', { absent: true }),
  'GET /api/v1/public/dossiers/:code': pub('/api/v1/public/dossiers/KHONG-CO-MA?phoneLast4=0000', {
    absent: true,
    ownAddress: true,
  }),
  'POST /api/v1/assistant/messages': {
    request: post('/api/v1/assistant/messages', { text: 'lệ phí đăng ký hộ kinh doanh' }),
    ok: EVERYONE,
    ownAddress: true,
  },
  'GET /api/v1/assistant/voice/start.vxml': pub('/api/v1/assistant/voice/start.vxml'),
  'GET /api/v1/assistant/voice/lookup.vxml': pub('/api/v1/assistant/voice/lookup.vxml'),
  'POST /api/v1/assistant/voice/lookup.vxml': {
    request: post('/api/v1/assistant/voice/lookup.vxml', { code: '2611300001', phone: '0000' }),
    ok: EVERYONE,
    ownAddress: true,
  },
  'GET /api/v1/assistant/voice/topics.vxml': pub('/api/v1/assistant/voice/topics.vxml'),
  'GET /api/v1/assistant/voice/topic.vxml': pub('/api/v1/assistant/voice/topic.vxml?id=ho-tich'),
  'GET /api/v1/assistant/voice/procedure.vxml': pub(`/api/v1/assistant/voice/procedure.vxml?code=${REGISTRATION}`),
  'GET /api/v1/assistant/voice/operator.vxml': pub('/api/v1/assistant/voice/operator.vxml'),
  'GET /api/v1/assistant/voice/audio/:name': pub(`/api/v1/assistant/voice/audio/${'0'.repeat(32)}.wav`, { absent: true }),
  'GET /api/v1/household-businesses/name-check': pub('/api/v1/household-businesses/name-check?name=Bánh%20mì&unitCode=21025'),
  'GET /api/v1/notifications/vapid-public-key': pub('/api/v1/notifications/vapid-public-key'),

  'POST /api/v1/dossiers': { request: () => ({ url: '/api/v1/dossiers', ...withKey(filing()) }), ok: CITIZENS },
  'GET /api/v1/dossiers': { request: get('/api/v1/dossiers'), ok: CITIZENS },
  'POST /api/v1/dossiers/:code/supplement': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/supplement`, payload: {} }),
    ok: ['citizenA'],
    hidden: ['citizenB'],
  },
  'POST /api/v1/dossiers/:code/withdraw': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/withdraw`, payload: { reason: 'Nộp nhầm' } }),
    ok: ['citizenA'],
    hidden: ['citizenB'],
  },
  'POST /api/v1/dossier-groups': {
    request: () => ({
      url: '/api/v1/dossier-groups',
      ...withKey({ group: 'birth', unitCode: '21025', form: {}, delivery: 'electronic' }),
    }),
    ok: CITIZENS,
  },
  'GET /api/v1/household-businesses/lookup': {
    request: get('/api/v1/household-businesses/lookup?registrationNumber=51A8000001&ownerCitizenId=051190123456'),
    ok: CITIZENS,
    absent: true,
  },
  'GET /api/v1/dossiers/:code': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}` }),
    ok: SEE_A,
    hidden: NOT_SEE_A,
  },
  'GET /api/v1/dossiers/:code/documents/:kind': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/documents/receipt` }),
    ok: SEE_A,
    hidden: NOT_SEE_A,
  },
  // No dossier has a result yet: this row shows the session check only.
  'GET /api/v1/dossiers/:code/result': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/result` }),
    ok: SIGNED_IN,
    absent: true,
  },
  // An event nobody may perform: who reaches the lifecycle gets 4xx, who may not see the dossier 404,
  // the province readers (who see every dossier but act on none) 403.
  'POST /api/v1/dossiers/:code/events': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/events`, payload: { type: 'no-such-step' } }),
    ok: ['citizenA', 'deskA', 'specialist', 'leader'],
    hidden: NOT_SEE_A,
  },
  // A group is seen by who sees every one of its dossiers (they are at three agencies).
  'GET /api/v1/dossier-groups/:code': {
    request: (f) => ({ url: `/api/v1/dossier-groups/${f.groupOfA}` }),
    ok: ['citizenA', ...ADMINS],
    hidden: SIGNED_IN.filter((a) => a !== 'citizenA' && !ADMINS.includes(a as (typeof ADMINS)[number])),
  },

  // Dossier A has no result yet: its applicant reads that it cannot be rated, and is refused a rating (409).
  'GET /api/v1/dossiers/:code/rating': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/rating` }),
    ok: ['citizenA'],
    hidden: ['citizenB'],
  },
  'PUT /api/v1/dossiers/:code/rating': {
    request: (f) => ({
      url: `/api/v1/dossiers/${f.dossierA}/rating`,
      payload: { answers: Object.fromEntries(RATING_QUESTIONS.map((q) => [q.code, 'satisfied'])) },
    }),
    ok: ['citizenA'],
    hidden: ['citizenB'],
  },
  // Without the link's token nobody finds the dossier.
  'GET /api/v1/public/ratings/:code': pub('/api/v1/public/ratings/KHONG-CO-MA?t=x', { absent: true }),
  'PUT /api/v1/public/ratings/:code': { request: post('/api/v1/public/ratings/KHONG-CO-MA?t=x'), ok: EVERYONE },
  'GET /api/v1/public/help': pub('/api/v1/public/help?procedure=1.001612'),
  'GET /api/v1/reports/ratings': { request: get('/api/v1/reports/ratings?from=2026-11-01&to=2026-11-30'), ok: OFFICERS },
  'POST /api/v1/complaints': { request: post('/api/v1/complaints'), ok: CITIZENS },
  'GET /api/v1/complaints': { request: get('/api/v1/complaints'), ok: CITIZENS },
  'GET /api/v1/complaints/:code': { request: get('/api/v1/complaints/PAKN-000000-000000'), ok: CITIZENS, absent: true },
  'GET /api/v1/officer/complaints': { request: get('/api/v1/officer/complaints'), ok: OFFICERS },
  'POST /api/v1/officer/complaints/:code/answer': {
    request: post('/api/v1/officer/complaints/PAKN-000000-000000/answer'),
    ok: OFFICERS,
  },
  'GET /api/v1/officer/complaints/:code/files/:sha256': {
    request: get(`/api/v1/officer/complaints/PAKN-000000-000000/files/${'a'.repeat(64)}`),
    ok: OFFICERS,
    absent: true,
  },
  'GET /api/v1/officer/dossiers': { request: get('/api/v1/officer/dossiers'), ok: OFFICERS },
  'GET /api/v1/officer/register.pdf': {
    request: get('/api/v1/officer/register.pdf?from=2026-11-01&to=2026-11-30'),
    ok: OFFICERS.filter((a) => a !== 'hotline'),
  },
  'POST /api/v1/dossiers/counter': {
    request: () => ({ url: '/api/v1/dossiers/counter', ...withKey({ ...filing(), applicant: { fullName: 'Trần Văn Tư' } }) }),
    ok: RECEIVERS,
  },
  'POST /api/v1/dossiers/hotline': {
    request: () => ({ url: '/api/v1/dossiers/hotline', ...withKey({ ...filing(), applicant: { fullName: 'Trần Văn Tư' } }) }),
    ok: ['hotline'],
  },
  'POST /api/v1/dossiers/:code/digitize': {
    request: (f) => ({
      url: `/api/v1/dossiers/${f.dossierA}/digitize`,
      payload: { componentId: 'giay-de-nghi', fileId: 'a'.repeat(64) },
    }),
    ok: ['deskA'],
    hidden: ['deskB', 'hotline', 'department'],
  },
  'GET /api/v1/household-businesses': { request: get('/api/v1/household-businesses'), ok: OFFICERS },

  'POST /api/v1/dossiers/:code/payments': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/payments`, payload: {} }),
    ok: ['citizenA'],
    hidden: ['citizenB'],
  },
  'GET /api/v1/dossiers/:code/payments': {
    request: (f) => ({ url: `/api/v1/dossiers/${f.dossierA}/payments` }),
    ok: SEE_A,
    hidden: NOT_SEE_A,
  },
  'GET /api/v1/payments/:id/receipt.pdf': {
    request: get(`/api/v1/payments/${randomUUID()}/receipt.pdf`),
    ok: SIGNED_IN,
    absent: true,
  },
  'GET /api/v1/payments/reconciliation': { request: get('/api/v1/payments/reconciliation'), ok: [...RECEIVERS, ...ADMINS] },
  'GET /api/v1/payments/vnpay/return': pub('/api/v1/payments/vnpay/return'),
  'GET /api/v1/payments/vnpay/ipn': pub('/api/v1/payments/vnpay/ipn'),

  'POST /api/v1/uploads': { request: () => ({ url: '/api/v1/uploads', headers: tusCreate }), ok: SIGNED_IN },
  'OPTIONS /api/v1/uploads': { request: () => ({ url: '/api/v1/uploads', headers: tusHeaders }), ok: EVERYONE },
  'POST /api/v1/uploads/': { request: () => ({ url: '/api/v1/uploads/', headers: tusCreate }), ok: SIGNED_IN },
  'OPTIONS /api/v1/uploads/': { request: () => ({ url: '/api/v1/uploads/', headers: tusHeaders }), ok: EVERYONE },
  'HEAD /api/v1/uploads/:id': {
    request: (f) => ({ url: `/api/v1/uploads/${f.uploadOfA}`, headers: tusHeaders }),
    ok: ['citizenA'],
    hidden: SIGNED_IN.filter((a) => a !== 'citizenA'),
  },
  'PATCH /api/v1/uploads/:id': {
    request: (f) => ({
      url: `/api/v1/uploads/${f.uploadOfA}`,
      headers: { ...tusHeaders, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      payload: Buffer.from('%PDF'),
    }),
    ok: ['citizenA'],
    hidden: SIGNED_IN.filter((a) => a !== 'citizenA'),
  },
  'DELETE /api/v1/uploads/:id': {
    request: (f) => ({ url: `/api/v1/uploads/${f.uploadOfAToDelete}`, headers: tusHeaders }),
    ok: ['citizenA'],
    hidden: SIGNED_IN.filter((a) => a !== 'citizenA'),
  },
  'OPTIONS /api/v1/uploads/:id': {
    request: (f) => ({ url: `/api/v1/uploads/${f.uploadOfA}`, headers: tusHeaders }),
    ok: EVERYONE,
  },
  'GET /api/v1/uploads/:id/result': {
    request: (f) => ({ url: `/api/v1/uploads/${f.uploadOfA}/result` }),
    ok: ['citizenA'],
    hidden: SIGNED_IN.filter((a) => a !== 'citizenA'),
  },
  // Issue 10 point 8: a file is readable by its owner and by officers who can read a dossier holding it.
  'GET /api/v1/me/documents': { request: get('/api/v1/me/documents'), ok: CITIZENS },
  // No dossier has a result yet: this row shows the session check only.
  'GET /api/v1/me/documents/:id': { request: get('/api/v1/me/documents/result-1'), ok: CITIZENS, absent: true },
  // Citizen A's upload is attached to dossier A: A is told it cannot be deleted (409), B learns nothing (404).
  'DELETE /api/v1/me/documents/:id': {
    request: (f) => ({ url: `/api/v1/me/documents/upload-${f.fileOfA}` }),
    ok: ['citizenA'],
    hidden: ['citizenB'],
  },
  'GET /api/v1/files/:sha256': {
    request: (f) => ({ url: `/api/v1/files/${f.fileOfA}` }),
    ok: SEE_A,
    hidden: NOT_SEE_A,
  },

  'GET /api/v1/notifications': { request: get('/api/v1/notifications'), ok: SIGNED_IN },
  'POST /api/v1/notifications/:id/read': {
    request: (f) => ({ url: `/api/v1/notifications/${f.notificationOfA}/read`, payload: {} }),
    ok: ['citizenA'],
    hidden: SIGNED_IN.filter((a) => a !== 'citizenA'),
  },
  'POST /api/v1/notifications/push-subscriptions': {
    request: () => ({
      url: '/api/v1/notifications/push-subscriptions',
      payload: { endpoint: `https://push.example.test/${randomUUID()}`, keys: { p256dh: 'BNcR', auth: 'tBHI' } },
    }),
    ok: SIGNED_IN,
  },
  'DELETE /api/v1/notifications/push-subscriptions': {
    request: () => ({ url: '/api/v1/notifications/push-subscriptions', payload: { endpoint: 'https://push.example.test/x' } }),
    ok: SIGNED_IN,
    absent: true, // nobody registered this endpoint
  },
  'GET /api/v1/notifications/preferences': { request: get('/api/v1/notifications/preferences'), ok: CITIZENS },
  'PUT /api/v1/notifications/preferences': {
    request: () => ({ url: '/api/v1/notifications/preferences', payload: { zalo: false } }),
    ok: CITIZENS,
  },

  'GET /api/v1/admin/notification-failures': { request: get('/api/v1/admin/notification-failures'), ok: ADMINS },
  'GET /api/v1/admin/portal-sync': { request: get('/api/v1/admin/portal-sync'), ok: ADMINS },
  'POST /api/v1/admin/portal-sync/retry-failed': { request: post('/api/v1/admin/portal-sync/retry-failed'), ok: ADMINS },
  'POST /api/v1/admin/imports': {
    request: () => ({ url: '/api/v1/admin/imports?name=a.csv', payload: 'code\n', headers: { 'content-type': 'text/csv' } }),
    ok: ADMINS,
  },
  'GET /api/v1/admin/imports/:id': { request: get(`/api/v1/admin/imports/${randomUUID()}`), ok: ADMINS, absent: true },
  'GET /api/v1/admin/imports/:id/errors.csv': {
    request: get(`/api/v1/admin/imports/${randomUUID()}/errors.csv`),
    ok: ADMINS,
    absent: true,
  },
  'PUT /api/v1/calendar/overrides/:date': {
    request: () => ({ url: `/api/v1/calendar/overrides/${OVERRIDE_DAY}`, payload: { kind: 'day_off', name: 'Nghỉ bù' } }),
    ok: ADMINS,
  },
  // The first administrator removes the day, the second finds nothing left to remove.
  'DELETE /api/v1/calendar/overrides/:date': {
    request: () => ({ url: `/api/v1/calendar/overrides/${OVERRIDE_DAY}` }),
    ok: ADMINS,
    absent: true,
  },
  'GET /api/v1/reports/indicators': { request: get(`/api/v1/reports/indicators${REPORT_QUERY}`), ok: OFFICERS },
  'GET /api/v1/reports/indicators.xlsx': { request: get(`/api/v1/reports/indicators.xlsx${REPORT_QUERY}`), ok: OFFICERS },
  'GET /api/v1/reports/indicators.pdf': { request: get(`/api/v1/reports/indicators.pdf${REPORT_QUERY}`), ok: OFFICERS },
  'GET /api/v1/reports/settings': { request: get('/api/v1/reports/settings'), ok: OFFICERS },

  'GET /api/v1/signing/authorization': { request: get('/api/v1/signing/authorization'), ok: OFFICERS },
  // Bodies refused by validation (400): the rule is checked without sending an SMS or signing in.
  'POST /api/v1/signing/otp': { request: post('/api/v1/signing/otp', { unknown: 1 }), ok: OFFICERS },
  'POST /api/v1/signing/authorization': { request: post('/api/v1/signing/authorization', {}), ok: OFFICERS },
  'GET /api/v1/admin/signing/credentials': { request: get('/api/v1/admin/signing/credentials'), ok: ADMINS },
  'POST /api/v1/admin/signing/credentials/:id/revoke': {
    request: () => ({ url: `/api/v1/admin/signing/credentials/${randomUUID()}/revoke`, payload: { reason: 'Thử quyền' } }),
    ok: ADMINS,
    absent: true,
  },
  'GET /api/v1/admin/staff': { request: get('/api/v1/admin/staff?q=Nguy'), ok: ADMINS },
  'POST /api/v1/admin/staff': { request: post('/api/v1/admin/staff'), ok: ADMINS },
  'PUT /api/v1/admin/staff/:id': { request: () => ({ url: `/api/v1/admin/staff/${randomUUID()}`, payload: {} }), ok: ADMINS },
  'POST /api/v1/admin/staff/:id/deactivate': {
    request: () => ({ url: `/api/v1/admin/staff/${randomUUID()}/deactivate`, payload: {} }),
    ok: ADMINS,
    absent: true,
  },
  'POST /api/v1/admin/staff/:id/password-code': {
    request: () => ({ url: `/api/v1/admin/staff/${randomUUID()}/password-code`, payload: {} }),
    ok: ADMINS,
    absent: true,
  },
  // The picker of agency A lists its specialists to agency A's officers and the administrators.
  'GET /api/v1/officer/agencies/:code/staff': {
    request: get('/api/v1/officer/agencies/UBND.21025/staff?role=specialist'),
    ok: ['deskA', 'specialist', 'leader', ...ADMINS],
  },
  'POST /api/v1/auth/staff-password': { request: post('/api/v1/auth/staff-password'), ok: EVERYONE },
  'POST /api/v1/admin/staff/:id/handover': {
    request: () => ({ url: `/api/v1/admin/staff/${randomUUID()}/handover`, payload: {} }),
    ok: ADMINS,
    absent: true,
  },
  'POST /api/v1/admin/staff/:id/back-from-leave': {
    request: () => ({ url: `/api/v1/admin/staff/${randomUUID()}/back-from-leave`, payload: {} }),
    ok: ADMINS,
    absent: true,
  },

  'GET /api/v1/admin/agencies': { request: get('/api/v1/admin/agencies?q=Cẩm'), ok: ADMINS },
  'POST /api/v1/admin/agencies': { request: post('/api/v1/admin/agencies'), ok: ADMINS },
  'PUT /api/v1/admin/agencies/:code': { request: () => ({ url: '/api/v1/admin/agencies/UBND.21025', payload: {} }), ok: ADMINS },
  'POST /api/v1/admin/agencies/:code/close': { request: post('/api/v1/admin/agencies/UBND.21025/close'), ok: ADMINS },
  'GET /api/v1/admin/targets': { request: get('/api/v1/admin/targets'), ok: ADMINS },
  'POST /api/v1/admin/targets': { request: post('/api/v1/admin/targets'), ok: ADMINS },
  'PUT /api/v1/admin/target-groups/:code': { request: () => ({ url: '/api/v1/admin/target-groups/X', payload: {} }), ok: ADMINS },

  // Catalog administration: the province's and the system's administrators only.
  'GET /api/v1/admin/procedures': { request: get('/api/v1/admin/procedures?q=ho kinh doanh'), ok: ADMINS },
  'PUT /api/v1/admin/procedures/:code': {
    request: () => ({ url: '/api/v1/admin/procedures/QNG-MA-TRAN', payload: { code: 'QNG-MA-TRAN' } }),
    ok: ADMINS,
  },
  'GET /api/v1/admin/procedures/:code/versions': {
    request: get(`/api/v1/admin/procedures/${REGISTRATION}/versions`),
    ok: ADMINS,
  },
  'GET /api/v1/admin/procedures/:code/versions/:version': {
    request: get(`/api/v1/admin/procedures/${REGISTRATION}/versions/1`),
    ok: ADMINS,
  },
  'GET /api/v1/admin/procedures/:code/versions/:version/diff/:other': {
    request: get(`/api/v1/admin/procedures/${REGISTRATION}/versions/1/diff/1`),
    ok: ADMINS,
  },
  // Already published: publishing again changes nothing the other cases depend on.
  'POST /api/v1/admin/procedures/:code/publish': {
    request: post(`/api/v1/admin/procedures/${REGISTRATION}/publish`),
    ok: ADMINS,
  },
  'POST /api/v1/admin/procedures/:code/unpublish': {
    request: post('/api/v1/admin/procedures/QNG-KHONG-CO/unpublish'),
    ok: ADMINS,
    absent: true,
  },
  'POST /api/v1/admin/procedures/import': { request: post('/api/v1/admin/procedures/import', { procedures: [] }), ok: ADMINS },

  // Personal data: one's own reads log; the officers' reads are the administrators'
  'GET /api/v1/privacy/reads': { request: get('/api/v1/privacy/reads'), ok: CITIZENS },
  'GET /api/v1/admin/privacy/reads': { request: get('/api/v1/admin/privacy/reads'), ok: ADMINS },
  'GET /api/v1/admin/privacy/reads/by-officer': { request: get('/api/v1/admin/privacy/reads/by-officer'), ok: ADMINS },
  'GET /api/v1/privacy/export': { request: get('/api/v1/privacy/export'), ok: CITIZENS },
  // A correction asked for, not a deletion: the matrix's citizens keep their accounts.
  'POST /api/v1/privacy/requests': {
    request: post('/api/v1/privacy/requests', { kind: 'correction', detail: 'Sai ngày sinh' }),
    ok: CITIZENS,
  },
  'GET /api/v1/privacy/requests': { request: get('/api/v1/privacy/requests'), ok: CITIZENS },
  'GET /api/v1/admin/privacy/requests': { request: get('/api/v1/admin/privacy/requests'), ok: ADMINS },
  'POST /api/v1/admin/privacy/requests/:code/answer': {
    request: post('/api/v1/admin/privacy/requests/YCDL-000000-000000/answer', { decision: 'refused', answer: 'Thử quyền' }),
    ok: ADMINS,
    absent: true,
  },
  'GET /api/v1/admin/assistant/unanswered': { request: get('/api/v1/admin/assistant/unanswered'), ok: ADMINS },
  'GET /api/v1/admin/assistant/faq': { request: get('/api/v1/admin/assistant/faq'), ok: ADMINS },
  'POST /api/v1/admin/assistant/faq': {
    request: post('/api/v1/admin/assistant/faq', {
      question: 'Làm hộ chiếu ở đâu?',
      answer: 'Hộ chiếu do Phòng Quản lý xuất nhập cảnh Công an tỉnh cấp.',
    }),
    ok: ADMINS,
  },
  'GET /api/v1/admin/privacy/retention': { request: get('/api/v1/admin/privacy/retention'), ok: ADMINS },
  'GET /api/v1/privacy/notices/procedures/:code': {
    request: get(`/api/v1/privacy/notices/procedures/${REGISTRATION}`),
    ok: EVERYONE,
  },
  // The default period again: the run that follows deletes nothing the other cases use.
  'PUT /api/v1/admin/privacy/retention/:category': {
    request: () => ({
      url: '/api/v1/admin/privacy/retention/sms_outbox',
      payload: { keepDays: 30, action: 'delete', legalBasis: 'Thử quyền' },
    }),
    ok: ADMINS,
  },
  'POST /api/v1/admin/privacy/retention/run': { request: post('/api/v1/admin/privacy/retention/run'), ok: ADMINS },
};
