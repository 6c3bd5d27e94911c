import { CurrentTargetsView, TargetGroupView, TargetsView } from '@dvc/domain/contract/targets';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryFor, markAudited } from '../audit/index';
import { refusals, refuse } from '../http/refusal';
import { provinceAdminOnly, requireProvinceAdmin } from '../organisation/admin-scope';
import { listGroupsWithMembers, listTargetVersions, type TargetRow } from './targets.repository';
import { type GroupResult, saveGroup, setTarget, type TargetResult } from './targets.service';

const tags = ['Báo cáo'];
const UnitLevel = z.enum(['province', 'district', 'commune']);

/** A decision as the contract shows it: times as ISO strings, who recorded it left out. */
const show = ({ recordedBy: _r, recordedAt, supersededAt, ...t }: TargetRow) => ({
  ...t,
  recordedAt: recordedAt.toISOString(),
  supersededAt: supersededAt?.toISOString() ?? null,
});

const invalid = { status: 422, code: 'invalid-target', title: 'Chỉ tiêu chưa hợp lệ' } as const;
const TARGET_REFUSALS = refusals<Extract<TargetResult, { ok: false }>>({
  invalid,
  not_found: { status: 404, code: 'not-found', title: 'Không có nhóm thủ tục này' },
});
const GROUP_REFUSALS = refusals<Extract<GroupResult, { ok: false }>>({ invalid });

/** Targets per period, procedure set and unit level; the reports classify against them. */
export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/targets',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Nhóm thủ tục, chỉ tiêu đang áp dụng và lịch sử các quyết định chỉ tiêu',
        response: { 200: TargetsView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const p = app.ctx.config.PROVINCE_CODE;
      const [groups, current, history] = await Promise.all([
        listGroupsWithMembers(app.ctx.db, p),
        listTargetVersions(app.ctx.db, p, 'current'),
        listTargetVersions(app.ctx.db, p, 'all'),
      ]);
      return { groups, current: current.map(show), history: history.map(show) };
    },
  );

  app.post(
    '/api/v1/admin/targets',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Đặt chỉ tiêu tỷ lệ hồ sơ trực tuyến cho một nhóm thủ tục, cấp đơn vị và thời kỳ',
        body: z.strictObject({
          groupCode: z.string().trim().min(1).max(100),
          unitLevel: UnitLevel.nullish(),
          validFrom: z.string().max(10).describe('Từ ngày (YYYY-MM-DD)'),
          validTo: z.string().max(10).nullish().describe('Đến trước ngày (YYYY-MM-DD); trống: đến khi có quyết định khác'),
          onlineRate: z
            .number()
            .gt(0, { message: 'Chỉ tiêu phải lớn hơn 0%' })
            .max(1, { message: 'Chỉ tiêu tối đa 100% (chỉ tiếp nhận trực tuyến)' }),
          legalBasis: z.string().trim().min(5, { message: 'Vui lòng ghi căn cứ (số, ngày văn bản)' }).max(1000),
        }),
        response: { 200: CurrentTargetsView },
      },
    },
    async (request) => {
      const actor = requireProvinceAdmin(request);
      const b = request.body;
      const audit = auditEntryFor(request, 200, { type: 'report_target', id: b.groupCode });
      const result = await setTarget(
        app.ctx,
        actor.userId,
        {
          groupCode: b.groupCode,
          unitLevel: b.unitLevel ?? null,
          validFrom: b.validFrom,
          validTo: b.validTo || null,
          onlineRate: Math.round(b.onlineRate * 10_000) / 10_000,
          legalBasis: b.legalBasis,
        },
        audit,
      );
      if (!result.ok) throw refuse(result, TARGET_REFUSALS);
      markAudited(request);
      return { current: result.current.map(show) };
    },
  );

  app.put(
    '/api/v1/admin/target-groups/:code',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Tạo hoặc sửa một nhóm thủ tục để đặt chỉ tiêu',
        params: z.object({ code: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, { message: 'Mã nhóm không hợp lệ' }) }),
        body: z.strictObject({
          name: z.string().trim().min(3, { message: 'Vui lòng nhập tên nhóm' }).max(300),
          procedureCodes: z.array(z.string().trim().min(1).max(50)).min(1, { message: 'Chọn ít nhất một thủ tục' }).max(500),
        }),
        response: { 200: TargetGroupView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const { code } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'report_procedure_group', id: code });
      const result = await saveGroup(app.ctx, code, request.body, audit);
      if (!result.ok) throw refuse(result, GROUP_REFUSALS);
      markAudited(request);
      return result.group;
    },
  );
};
