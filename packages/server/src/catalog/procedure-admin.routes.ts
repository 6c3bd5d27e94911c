import { foldVietnamese, topicLabel } from '@dvc/domain';
import {
  AdminProcedureListView,
  ProcedureDiffView,
  ProcedureImportReportView,
  ProcedurePublishedView,
  ProcedureSavedView,
  ProcedureUnchangedView,
  ProcedureVersionsView,
  ProcedureVersionView,
} from '@dvc/domain/contract/procedure-admin';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryFor, markAudited } from '../audit/index';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { type Actor, getActor } from '../identity/actor';
import { listAdminProcedures } from './procedure-admin.repository';
import {
  type AdminFailure,
  checkDefinition,
  diffVersions,
  importProcedures,
  saveDefinition,
  setPublished,
  versionOf,
  versionsOf,
} from './procedure-admin.service';
import { type ParsedImport, readCatalogCsv, readJsonBundle } from './procedure-import';

const tags = ['Quản trị danh mục thủ tục'];
const MIB = 1024 * 1024;
/** 1,700 definitions with their forms are a few MiB; a CSV of the national catalog less. */
const IMPORT_BODY_LIMIT = 32 * MIB;

/** The province's administrators and the system's. */
function requireCatalogAdmin(request: FastifyRequest): Actor {
  const actor = getActor(request);
  const province = request.server.ctx.config.PROVINCE_CODE;
  const may = actor.roles.some((g) => g.role === 'system_admin' || (g.role === 'province_admin' && g.unitCode === province));
  if (!may) throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
  return actor;
}

/** Before the body is validated: someone who may not administer the catalog learns nothing of its fields. */
const adminOnly = async (request: FastifyRequest) => {
  requireCatalogAdmin(request);
};

/** The catalogue's refusals; a missing procedure is named by the code in the address. */
const catalogRefusals = (code: string) =>
  refusals<AdminFailure>({
    not_found: {
      status: 404,
      code: 'procedure-not-found',
      title: 'Không tìm thấy thủ tục',
      detail: `Không có thủ tục mã ${code} trong danh mục của tỉnh.`,
    },
    invalid: {
      status: 422,
      code: 'invalid-procedure-definition',
      title: 'Định nghĩa thủ tục chưa hợp lệ',
      detail: (f) => `${f.errors.length} lỗi; không có gì được lưu.`,
    },
  });

const IMPORT_REFUSALS = refusals<Extract<ParsedImport, { ok: false }>>({
  invalid: { status: 422, code: 'invalid-import', title: 'Tệp nhập chưa hợp lệ', detail: 'Không có gì được lưu.' },
});

const Code = z.object({ code: z.string().max(40) });
const Version = z.coerce.number().int().positive();
const words = (q: string | undefined) =>
  foldVietnamese(q ?? '')
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 12);

export const procedureAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  // The national catalog's export as it is (this plugin's scope only); its size is checked by bodyLimit.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/v1/admin/procedures',
    {
      schema: {
        tags,
        summary: 'Danh sách thủ tục của tỉnh (cả thủ tục chưa công bố), tìm không phân biệt dấu',
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          status: z.enum(['all', 'published', 'unpublished']).default('all'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: AdminProcedureListView },
      },
    },
    async (request) => {
      requireCatalogAdmin(request);
      const { q, status, limit, offset } = request.query;
      const active = status === 'all' ? undefined : status === 'published';
      const found = await listAdminProcedures(app.ctx.db, app.ctx.config.PROVINCE_CODE, {
        words: words(q),
        active,
        limit,
        offset,
      });
      return {
        total: found.total,
        items: found.items.map((r) => ({
          ...r,
          topicLabel: topicLabel(r.topic as Parameters<typeof topicLabel>[0]),
          updatedAt: r.updatedAt.toISOString(),
        })),
      };
    },
  );

  app.put(
    '/api/v1/admin/procedures/:code',
    {
      preValidation: adminOnly,
      schema: {
        tags,
        summary: 'Lưu định nghĩa thủ tục thành phiên bản mới (422 kèm đường dẫn của mọi lỗi; trùng phiên bản hiện hành: 200)',
        params: Code,
        querystring: z.strictObject({ note: z.string().trim().max(500).optional() }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: ProcedureUnchangedView, 201: ProcedureSavedView },
      },
      bodyLimit: 4 * MIB,
    },
    async (request, reply) => {
      const actor = requireCatalogAdmin(request);
      const { code } = request.params;
      request.auditRecord = { type: 'procedure', id: code };
      const checked = checkDefinition(request.body, code);
      if (!checked.ok) throw refuse(checked, catalogRefusals(code));
      const saved = await saveDefinition(app.ctx, checked.definition, {
        createdBy: actor.userId,
        note: request.query.note,
        audit: auditEntryFor(request, 201),
      });
      if (!saved.ok) throw refuse(saved, catalogRefusals(code));
      if (saved.unchanged) return reply.code(200).send({ code, version: saved.version, unchanged: true as const });
      markAudited(request);
      return reply.code(201).send({ code, version: saved.version });
    },
  );

  app.get(
    '/api/v1/admin/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản của một thủ tục',
        params: Code,
        response: { 200: ProcedureVersionsView },
      },
    },
    async (request) => {
      requireCatalogAdmin(request);
      const found = await versionsOf(app.ctx, request.params.code);
      if (!found) throw refuse({ ok: false, reason: 'not_found' }, catalogRefusals(request.params.code));
      return {
        ...found,
        versions: found.versions.map((v) => ({
          ...v,
          createdAt: new Date(v.createdAt).toISOString(),
          note: v.note ?? null,
          createdBy: v.createdBy ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/procedures/:code/versions/:version',
    {
      schema: {
        tags,
        summary: 'Định nghĩa của một phiên bản (để sửa hoặc xem lại)',
        params: z.object({ code: z.string().max(40), version: Version }),
        response: { 200: ProcedureVersionView },
      },
    },
    async (request) => {
      requireCatalogAdmin(request);
      const { code, version } = request.params;
      const definition = await versionOf(app.ctx, code, version);
      if (!definition) throw refuse({ ok: false, reason: 'not_found' }, catalogRefusals(code));
      return { code, version, definition };
    },
  );

  app.get(
    '/api/v1/admin/procedures/:code/versions/:version/diff/:other',
    {
      schema: {
        tags,
        summary: 'Những gì thay đổi giữa hai phiên bản (theo đường dẫn, dễ đọc)',
        params: z.object({ code: z.string().max(40), version: Version, other: Version }),
        response: { 200: ProcedureDiffView },
      },
    },
    async (request) => {
      requireCatalogAdmin(request);
      const { code, version: from, other: to } = request.params;
      const diff = await diffVersions(app.ctx, code, from, to);
      if (!diff.ok) throw refuse(diff, catalogRefusals(code));
      return { code, from, to, changes: diff.changes };
    },
  );

  for (const [action, active] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `/api/v1/admin/procedures/:code/${action}`,
      {
        preValidation: adminOnly,
        schema: {
          tags,
          summary: active
            ? 'Công bố thủ tục (công dân thấy và nộp được)'
            : 'Ngừng công bố thủ tục (hồ sơ đang giải quyết không đổi)',
          params: Code,
          response: { 200: ProcedurePublishedView },
        },
      },
      async (request) => {
        requireCatalogAdmin(request);
        const { code } = request.params;
        request.auditRecord = { type: 'procedure', id: code };
        const result = await setPublished(app.ctx, code, active, auditEntryFor(request, 200));
        if (!result.ok) throw refuse(result, catalogRefusals(code));
        markAudited(request);
        return result;
      },
    );
  }

  app.post(
    '/api/v1/admin/procedures/import',
    {
      preValidation: adminOnly,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Nhập danh mục: gói JSON các định nghĩa, hoặc tệp CSV theo cột của CSDL quốc gia về TTHC (text/csv); báo cáo từng mục; nhập lại không tạo phiên bản mới',
        querystring: z.strictObject({ publish: z.enum(['true', 'false']).default('false') }),
        response: { 200: ProcedureImportReportView },
      },
    },
    async (request) => {
      const actor = requireCatalogAdmin(request);
      request.auditRecord = { type: 'procedure-import', id: request.id };
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      const parsed: ParsedImport =
        type === 'text/csv' ? readCatalogCsv(String(request.body ?? '')) : readJsonBundle(request.body);
      if (!parsed.ok) throw refuse(parsed, IMPORT_REFUSALS);
      const entries = await importProcedures(app.ctx, parsed.entries, {
        createdBy: actor.userId,
        audit: auditEntryFor(request, 200),
        publishNew: request.query.publish === 'true',
      });
      const count = (s: string) => entries.filter((e) => e.status === s).length;
      return {
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        refused: count('refused'),
        ignoredColumns: parsed.ignoredColumns,
        entries,
      };
    },
  );
};
