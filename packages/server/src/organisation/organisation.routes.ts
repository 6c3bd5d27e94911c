import { AgencyListView, AgencyView as SharedAgencyView } from '@dvc/domain/contract/organisation';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamDate } from '../admin-units/admin-units.service';
import { auditEntryFor, markAudited } from '../audit/index';
import { refusals, unwrap } from '../http/refusal';
import { provinceAdminOnly, requireProvinceAdmin } from './admin-scope';
import { searchAgencies } from './organisation.repository';
import {
  AGENCY_KIND_NAMES,
  type AgencyFailure,
  type AgencyInput,
  closeAgency,
  createAgency,
  updateAgency,
} from './organisation.service';

const tags = ['Tổ chức'];

const KINDS = Object.keys(AGENCY_KIND_NAMES) as [keyof typeof AGENCY_KIND_NAMES, ...(keyof typeof AGENCY_KIND_NAMES)[]];
const AgencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,50}$/, { message: 'Mã cơ quan gồm chữ, số, dấu chấm, gạch (tối đa 50 ký tự)' });
const Hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ có dạng HH:MM' });

const AgencyBody = z.strictObject({
  name: z.string().trim().min(3, { message: 'Vui lòng nhập tên cơ quan' }).max(300),
  kind: z.enum(KINDS),
  unitCode: z
    .string()
    .trim()
    .regex(/^\d{2,5}$/, { message: 'Mã đơn vị hành chính không hợp lệ' }),
  parentCode: AgencyCode.nullish(),
  codePrefix: z
    .string()
    .trim()
    .toUpperCase()
    // The agency part of a dossier code (Circular 01/2018 art. 19, domain/dossier-code.ts): groups of
    // letters and digits split by dots; a dash would end it, since the code's parts are split by dashes.
    .regex(/^(?=.{1,30}$)[A-Z0-9]+(?:\.[A-Z0-9]+)*$/, {
      message: 'Tiền tố mã hồ sơ gồm các nhóm chữ in hoa, số, cách nhau bởi dấu chấm (ví dụ 000.00.31.H48)',
    })
    .nullish(),
  desk: z
    .strictObject({
      name: z.string().trim().min(3, { message: 'Vui lòng nhập tên bộ phận một cửa' }).max(300),
      address: z.string().trim().max(500).default(''),
      phone: z.string().trim().max(30).default(''),
    })
    .nullish(),
  officeHours: z
    .strictObject({
      periods: z
        .array(z.strictObject({ start: Hm, end: Hm }))
        .min(1, { message: 'Cần ít nhất một buổi làm việc' })
        .max(4),
    })
    .nullish(),
});

/** The contract's agency, its kind one of the server's list. */
const AgencyView = SharedAgencyView.extend({ kind: z.enum(KINDS) });

const view = <T extends { kind: keyof typeof AGENCY_KIND_NAMES }>(a: T) => ({ ...a, kindName: AGENCY_KIND_NAMES[a.kind] });

const input = (b: z.infer<typeof AgencyBody>): AgencyInput => ({
  name: b.name,
  kind: b.kind,
  unitCode: b.unitCode,
  parentCode: b.parentCode ?? null,
  codePrefix: b.codePrefix ?? null,
  desk: b.desk ?? null,
  officeHours: b.officeHours ?? null,
});

const AGENCY_REFUSALS = refusals<AgencyFailure>({
  not_found: { status: 404, code: 'not-found', title: 'Không tìm thấy cơ quan' },
  conflict: { status: 409, code: 'agency-conflict' },
  invalid: { status: 422, code: 'invalid-agency', title: 'Thông tin cơ quan chưa hợp lệ' },
});

const CodeParams = z.object({ code: AgencyCode });

/** Agencies and their one-stop desks, administered by the province's administrators. */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/agencies',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Danh sách cơ quan (tìm theo tên, mã, đơn vị hành chính; có thể gồm cơ quan đã ngừng hoạt động)',
        querystring: z.object({
          q: z.string().max(200).default(''),
          kind: z.enum(KINDS).optional(),
          includeClosed: z.enum(['true', 'false']).default('false'),
        }),
        response: {
          200: AgencyListView.extend({ items: z.array(AgencyView) }),
        },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const items = await searchAgencies(app.ctx.db, app.ctx.config.PROVINCE_CODE, {
        q: request.query.q,
        kind: request.query.kind,
        includeClosed: request.query.includeClosed === 'true',
        today: vietnamDate(app.ctx.now()),
        limit: 500,
      });
      return {
        items: items.map(view),
        kinds: Object.entries(AGENCY_KIND_NAMES).map(([code, name]) => ({ code, name })),
      };
    },
  );

  app.post(
    '/api/v1/admin/agencies',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Tạo cơ quan (loại, đơn vị hành chính, cơ quan cấp trên, bộ phận một cửa, giờ làm việc, tiền tố mã hồ sơ)',
        body: AgencyBody.extend({
          code: AgencyCode,
          validFrom: z.string().max(10).nullish().describe('Ngày bắt đầu hoạt động (mặc định: hôm nay)'),
        }),
        response: { 201: AgencyView },
      },
    },
    async (request, reply) => {
      requireProvinceAdmin(request);
      const { code, validFrom, ...rest } = request.body;
      const audit = auditEntryFor(request, 201, { type: 'agency', id: code });
      const result = await createAgency(app.ctx, { ...input(rest), code, validFrom: validFrom ?? null }, audit);
      const agency = unwrap(result, AGENCY_REFUSALS);
      markAudited(request);
      return reply.code(201).send(view(agency));
    },
  );

  app.put(
    '/api/v1/admin/agencies/:code',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Đổi tên, sửa thông tin cơ quan (mã cơ quan giữ nguyên)',
        params: CodeParams,
        body: AgencyBody,
        response: { 200: AgencyView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const { code } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'agency', id: code });
      const result = await updateAgency(app.ctx, code, input(request.body), audit);
      const agency = unwrap(result, AGENCY_REFUSALS);
      markAudited(request);
      return view(agency);
    },
  );

  app.post(
    '/api/v1/admin/agencies/:code/close',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Ngừng hoạt động cơ quan từ một ngày (lịch sử, hồ sơ cũ vẫn giữ tên cơ quan)',
        params: CodeParams,
        body: z.strictObject({ validTo: z.string().max(10).describe('Ngày ngừng hoạt động (YYYY-MM-DD)') }),
        response: { 200: AgencyView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const { code } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'agency', id: code });
      const result = await closeAgency(app.ctx, code, request.body.validTo, audit);
      const agency = unwrap(result, AGENCY_REFUSALS);
      markAudited(request);
      return view(agency);
    },
  );
};
