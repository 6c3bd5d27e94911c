import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type DossierImport, DossierImportView } from '@dvc/domain/contract/imports';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit, auditEntryFor, markAudited } from '../audit/index';
import { problem } from '../http/problem';
import { provinceAdminOnly, requireProvinceAdmin, withChange } from '../organisation/admin-scope';
import {
  type DossierImportRow,
  errorsPathOf,
  findImport,
  MAX_IMPORT_BYTES,
  receiveUpload,
  startImport,
  stopImports,
} from './dossier-import-web';

const tags = ['Nhập dữ liệu hồ sơ'];
const MIB = 1024 * 1024;

function view(r: DossierImportRow): DossierImport {
  return {
    id: r.id,
    fileName: r.fileName,
    status: r.status,
    sizeBytes: Number(r.sizeBytes),
    bytesRead: Number(r.bytesRead),
    rows: r.rowsRead,
    inserted: r.inserted,
    duplicates: r.duplicates,
    conflicts: r.conflicts,
    badRows: r.badRows,
    errorsUrl: r.status === 'done' && r.hasErrorsFile ? `/api/v1/admin/imports/${r.id}/errors.csv` : null,
    failure: r.failure,
    createdAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  };
}

const notFound = () => problem(404, 'not-found', 'Không tìm thấy lượt nhập dữ liệu này');

/**
 * This province's administrators (and the system's) import, as they administer the rest of the
 * province (organisation/admin-scope.ts): a province administrator of another province may not.
 */
const requireImporter = (request: FastifyRequest) => requireProvinceAdmin(request);

/** A file name for the download: letters, digits, dot, dash, underscore; never a path. */
const safeName = (name: string) =>
  name
    .replace(/\.csv$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 80) || 'ho-so';

/**
 * The web import of historical dossiers (reports screen): POST the CSV as a `text/csv` body (the
 * browser's upload progress shows the bytes going up), then poll the import and fetch its bad rows.
 */
export const dossierImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The body is streamed to disk by the handler, not buffered by a parser (this scope only).
  app.addContentTypeParser('text/csv', (_request, _payload, done) => done(null));
  // A shutdown stops imports between two batches (their row says so) rather than waiting for them.
  app.addHook('onClose', async () => stopImports());

  app.post(
    '/api/v1/admin/imports',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Nhập hồ sơ lịch sử từ tệp CSV (DOMAIN.md §9), chạy nền; trả về lượt nhập để theo dõi tiến độ',
        querystring: z.strictObject({ name: z.string().trim().min(1).max(255).default('ho-so.csv') }),
        response: { 202: DossierImportView },
      },
    },
    async (request, reply) => {
      const actor = requireImporter(request);
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv') {
        throw problem(415, 'unsupported-media-type', 'Tệp nhập phải là CSV', {
          detail: 'Gửi nội dung tệp với Content-Type: text/csv.',
        });
      }
      const tooLarge = () =>
        problem(413, 'file-too-large', 'Tệp quá lớn', {
          detail: `Tệp nhập tối đa ${MAX_IMPORT_BYTES / MIB} MiB; hãy chia tệp thành nhiều phần.`,
        });
      if (Number(request.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
      const id = randomUUID();
      const received = await receiveUpload(app.ctx, id, request.raw);
      if (!received.ok) {
        if (received.reason === 'too-large') throw tooLarge();
        throw problem(400, 'empty-file', 'Tệp rỗng', { detail: 'Hãy chọn tệp CSV có dòng tiêu đề và dữ liệu hồ sơ.' });
      }
      const row = await startImport(app.ctx, {
        id,
        provinceCode: actor.provinceCode,
        createdBy: actor.userId,
        fileName: request.query.name,
        sizeBytes: received.sizeBytes,
      });
      request.auditRecord = { type: 'dossier_import', id };
      await appendAudit(app.ctx.db, withChange(auditEntryFor(request, 202), null, view(row)));
      markAudited(request);
      return reply.code(202).send(view(row));
    },
  );

  app.get(
    '/api/v1/admin/imports/:id',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Tiến độ và kết quả một lượt nhập: số dòng đã đọc, đã nhập, trùng, xung đột, lỗi',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: DossierImportView },
      },
    },
    async (request) => {
      const actor = requireImporter(request);
      const row = await findImport(app.ctx, actor.provinceCode, request.params.id);
      if (!row) throw notFound();
      return view(row);
    },
  );

  app.get(
    '/api/v1/admin/imports/:id/errors.csv',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags,
        summary: 'Danh sách đầy đủ các dòng lỗi và xung đột của một lượt nhập (CSV: line, column, reason)',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const actor = requireImporter(request);
      const row = await findImport(app.ctx, actor.provinceCode, request.params.id);
      if (!row) throw notFound();
      if (row.status === 'running') {
        throw problem(409, 'import-running', 'Lượt nhập chưa xong', { detail: 'Danh sách dòng lỗi có khi nhập xong.' });
      }
      if (!row.hasErrorsFile) throw problem(404, 'no-errors', 'Lượt nhập này không có dòng lỗi');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${safeName(row.fileName)}.errors.csv"`)
        .header('cache-control', 'no-store')
        .send(createReadStream(errorsPathOf(app.ctx, row.id)));
    },
  );
};
