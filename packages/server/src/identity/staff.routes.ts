import { Password, PhoneNumber } from '@dvc/domain';
import { HandoverView, StaffListView, StaffPickListView, StaffView } from '@dvc/domain/contract/staff';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryFor, markAudited } from '../audit/index';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { type Actor, getActor, OFFICER_ROLES } from './actor';
import { backFromLeave, handOver } from './staff.handover';
import { activeStaffOf, listAgencies, searchStaff } from './staff.repository';
import {
  checkTarget,
  createStaff,
  deactivateStaff,
  mayAdministerStaff,
  resendPasswordCode,
  type StaffFailure,
  updateStaff,
} from './staff.service';
import { type SetPasswordResult, setStaffPassword } from './staff-password.service';

const tags = ['Cán bộ'];

const StaffBody = z.strictObject({
  fullName: z.string().trim().min(2, { message: 'Vui lòng nhập họ và tên' }).max(200),
  phone: PhoneNumber,
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Địa chỉ e-mail không hợp lệ' })
    .nullish(),
  roles: z
    .array(z.strictObject({ role: z.enum(OFFICER_ROLES), agencyCode: z.string().trim().min(1).max(100) }))
    .min(1, { message: 'Cần giao ít nhất một vai trò' })
    .max(50),
});

const IdParams = z.object({ id: z.string().max(100) });

/** Before the body is validated: someone who may not administer staff learns nothing of its fields. */
const adminOnly = async (request: FastifyRequest) => {
  requireStaffAdmin(request);
};

function requireStaffAdmin(request: FastifyRequest): Actor {
  const actor = getActor(request);
  if (!mayAdministerStaff(request.server.ctx, actor)) {
    throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
  }
  return actor;
}

/** The officer being administered, refused when they are a system administrator and the caller is not. */
function loadTargetFor(request: FastifyRequest, id: string) {
  return checkTarget(request.server.ctx, getActor(request), id);
}

const STAFF_REFUSALS = refusals<StaffFailure>({
  not_found: { status: 404, code: 'not-found', title: 'Không tìm thấy cán bộ' },
  forbidden: { status: 403 },
  invalid: { status: 422, code: 'invalid-staff', title: 'Thông tin cán bộ chưa hợp lệ' },
});

// Both reasons are the same refusal of the code field; only the sentence under it differs.
const PASSWORD_REFUSALS = refusals<Extract<SetPasswordResult, { ok: false }>>({
  'wrong-code': {
    status: 422,
    code: 'invalid-code',
    title: 'Không đặt được mật khẩu',
    errors: (f) => [{ field: 'body.code', message: `Mã không đúng, còn ${f.attemptsLeft} lần thử` }],
  },
  'no-live-code': {
    status: 422,
    code: 'invalid-code',
    title: 'Không đặt được mật khẩu',
    errors: () => [
      {
        field: 'body.code',
        message: 'Mã không còn hiệu lực (đã dùng, hết hạn hoặc nhập sai quá nhiều lần). Đề nghị quản trị gửi mã mới.',
      },
    ],
  },
});

const normalized = (body: z.infer<typeof StaffBody>) => ({
  fullName: body.fullName,
  phone: body.phone,
  email: body.email ? body.email : null,
  roles: body.roles,
});

/** Staff administration (province and system administrators), the assignment picker, setting a password. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/staff',
    {
      preValidation: adminOnly,
      schema: {
        tags,
        summary: 'Danh sách cán bộ (tìm theo tên, số điện thoại, e-mail) và các cơ quan',
        querystring: z.object({ q: z.string().max(200).default('') }),
        response: { 200: StaffListView },
      },
    },
    async (request) => {
      requireStaffAdmin(request);
      const provinceCode = app.ctx.config.PROVINCE_CODE;
      const [items, agencies] = await Promise.all([
        searchStaff(app.ctx.db, provinceCode, request.query.q, 200),
        listAgencies(app.ctx.db, provinceCode),
      ]);
      return { items, agencies };
    },
  );

  app.post(
    '/api/v1/admin/staff',
    {
      preValidation: adminOnly,
      schema: {
        tags,
        summary: 'Tạo tài khoản cán bộ; mã đặt mật khẩu được gửi qua SMS',
        body: StaffBody,
        response: { 201: StaffView },
      },
    },
    async (request, reply) => {
      const actor = requireStaffAdmin(request);
      const result = await createStaff(app.ctx, actor, normalized(request.body), (id) =>
        auditEntryFor(request, 201, { type: 'user_account', id }),
      );
      if (!result.ok) throw refuse(result, STAFF_REFUSALS);
      markAudited(request);
      return reply.code(201).send(result.staff);
    },
  );

  app.put(
    '/api/v1/admin/staff/:id',
    {
      preValidation: adminOnly,
      schema: {
        tags,
        summary: 'Sửa thông tin và vai trò của cán bộ',
        params: IdParams,
        body: StaffBody,
        response: { 200: StaffView },
      },
    },
    async (request) => {
      const actor = requireStaffAdmin(request);
      const { id } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'user_account', id });
      const result = await updateStaff(app.ctx, actor, id, normalized(request.body), audit);
      if (!result.ok) throw refuse(result, STAFF_REFUSALS);
      markAudited(request);
      return result.staff;
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/deactivate',
    {
      preValidation: adminOnly,
      schema: {
        tags,
        summary: 'Ngừng kích hoạt tài khoản cán bộ (kết thúc mọi phiên)',
        params: IdParams,
        response: { 200: StaffView },
      },
    },
    async (request) => {
      const actor = requireStaffAdmin(request);
      const { id } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'user_account', id });
      const result = await deactivateStaff(app.ctx, actor, id, audit);
      if (!result.ok) throw refuse(result, STAFF_REFUSALS);
      markAudited(request);
      return result.staff;
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/password-code',
    {
      preValidation: adminOnly,
      schema: { tags, summary: 'Gửi lại mã đặt mật khẩu cho cán bộ', params: IdParams, response: { 200: StaffView } },
    },
    async (request) => {
      const actor = requireStaffAdmin(request);
      const { id } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'user_account', id });
      const result = await resendPasswordCode(app.ctx, actor, id, audit);
      if (!result.ok) throw refuse(result, STAFF_REFUSALS);
      markAudited(request);
      return result.staff;
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/handover',
    {
      preValidation: adminOnly,
      schema: {
        tags,
        summary: 'Bàn giao hồ sơ đang xử lý của cán bộ cho chuyên viên khác cùng cơ quan (nghỉ phép hoặc điều chuyển)',
        params: IdParams,
        body: z.strictObject({
          toUserId: z.string().trim().max(100).nullish().describe('Chuyên viên nhận bàn giao'),
          agencyCode: z.string().trim().max(100).nullish().describe('Chỉ hồ sơ của cơ quan này'),
          leave: z.boolean().default(true).describe('Đánh dấu cán bộ nghỉ phép: không nhận phân công mới'),
          note: z.string().trim().max(500).nullish(),
        }),
        response: { 200: HandoverView },
      },
    },
    async (request) => {
      const actor = requireStaffAdmin(request);
      const { id } = request.params;
      const target = await loadTargetFor(request, id);
      if (!target.ok) throw refuse(target, STAFF_REFUSALS);
      const b = request.body;
      const result = await handOver(
        app.ctx,
        actor,
        id,
        { toUserId: b.toUserId || null, agencyCode: b.agencyCode || null, leave: b.leave, note: b.note || null },
        (record) => auditEntryFor(request, 200, record),
      );
      if (!result.ok) throw refuse(result, STAFF_REFUSALS);
      markAudited(request);
      return { staff: result.staff, moved: result.moved, kept: result.kept };
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/back-from-leave',
    {
      preValidation: adminOnly,
      schema: { tags, summary: 'Cán bộ trở lại làm việc sau nghỉ phép', params: IdParams, response: { 200: StaffView } },
    },
    async (request) => {
      requireStaffAdmin(request);
      const { id } = request.params;
      const target = await loadTargetFor(request, id);
      if (!target.ok) throw refuse(target, STAFF_REFUSALS);
      const result = await backFromLeave(app.ctx, id, auditEntryFor(request, 200, { type: 'user_account', id }));
      if (!result.ok) throw refuse(result, STAFF_REFUSALS);
      markAudited(request);
      return result.staff;
    },
  );

  app.get(
    '/api/v1/officer/agencies/:code/staff',
    {
      schema: {
        tags,
        summary: 'Cán bộ đang làm việc của một cơ quan theo vai trò (để phân công)',
        params: z.object({ code: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, { message: 'Mã cơ quan không hợp lệ' }) }),
        querystring: z.object({ role: z.enum(['specialist']).default('specialist') }),
        response: { 200: StaffPickListView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const { code } = request.params;
      const ofAgency = actor.roles.some((g) => g.agencyCode === code && g.role !== 'report_reader');
      if (!ofAgency && !mayAdministerStaff(app.ctx, actor)) {
        throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
      }
      const agency = await app.ctx.db
        .selectFrom('agency')
        .select('code')
        .where('provinceCode', '=', app.ctx.config.PROVINCE_CODE)
        .where('code', '=', code)
        .executeTakeFirst();
      if (!agency) throw problem(404, 'not-found', 'Không tìm thấy cơ quan');
      return { items: await activeStaffOf(app.ctx.db, app.ctx.config.PROVINCE_CODE, code, request.query.role) };
    },
  );

  app.post(
    '/api/v1/auth/staff-password',
    {
      schema: {
        tags,
        summary: 'Cán bộ đặt mật khẩu bằng mã một lần nhận qua SMS',
        body: z.strictObject({
          phone: PhoneNumber,
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, { message: 'Mã gồm 6 chữ số' }),
          password: Password,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const result = await setStaffPassword(app.ctx, request.body);
      if (!result.ok) throw refuse(result, PASSWORD_REFUSALS);
      return reply.code(204).send(null);
    },
  );
};
