import { randomUUID } from 'node:crypto';
import { RATING_QUESTIONS } from '../feedback/rating-questions';
import {
  ADMINS,
  CITIZENS,
  EVERYONE,
  filing,
  get,
  type MatrixCase,
  NOT_SEE_A,
  OFFICERS,
  OVERRIDE_DAY,
  post,
  pub,
  RECEIVERS,
  REGISTRATION,
  REPORT_QUERY,
  SEE_A,
  SIGNED_IN,
  tusCreate,
  tusHeaders,
  withKey,
} from './access-matrix.groups';
import { OFFICE_CASES } from './access-matrix.office-cases';

export type { MatrixCase } from './access-matrix.groups';

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

  ...OFFICE_CASES,
};
