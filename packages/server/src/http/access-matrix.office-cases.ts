import { randomUUID } from 'node:crypto';
import { ADMINS, CITIZENS, EVERYONE, get, type MatrixCase, OFFICERS, post, REGISTRATION } from './access-matrix.groups';

/**
 * The officers' and administrators' tools: signing, staff, agencies, the catalog, targets and personal
 * data. Run after the dossier cases (access-matrix.cases.ts), in this order: some cases leave state the
 * next ones read.
 */
export const OFFICE_CASES: Record<string, MatrixCase> = {
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
