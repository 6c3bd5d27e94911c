import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentProcedureVersion } from '../catalog/index';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { requireCitizen } from '../identity/actor';
import { type DeleteOutcome, deleteStoreDocument, findStoreDocument, listStoreDocuments, offersFor } from './store.service';

const tags = ['Kho dữ liệu'];

const StoreDocumentView = z.object({
  id: z.string().describe('Mã giấy tờ trong kho: dùng làm reusedDocumentId khi nộp hồ sơ'),
  source: z.enum(['result', 'component', 'upload']).describe('Kết quả giải quyết, thành phần đã số hóa, hoặc tệp tự tải lên'),
  documentKind: z.string(),
  title: z.string().describe('Loại giấy tờ (tên thành phần hồ sơ hoặc tên kết quả)'),
  procedureName: z.string().nullable(),
  issuerName: z.string().describe('Cơ quan cấp hoặc tiếp nhận'),
  issuedAt: z.date(),
  dossierCode: z.string().nullable(),
  digitizedBy: z.enum(['desk', 'citizen']).nullable(),
  valid: z.boolean(),
  validUntil: z.date().nullable(),
  validityText: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  downloadUrl: z.string(),
  deletable: z.boolean(),
  business: z.object({ registrationNumber: z.string(), ownerCitizenId: z.string(), name: z.string() }).optional(),
});

const IdParams = z.object({ id: z.string().max(100).describe('Mã giấy tờ trong kho') });

const notFound = () => problem(404, 'document-not-found', 'Không tìm thấy giấy tờ trong Kho dữ liệu');

const DELETE_REFUSALS = refusals<Extract<DeleteOutcome, { ok: false }>>({
  not_found: { status: 404, code: 'document-not-found', title: 'Không tìm thấy giấy tờ trong Kho dữ liệu' },
  kept: { status: 409, code: 'document-kept' },
});

/** The citizen's document store (Kho dữ liệu): their results, digitized components and loose uploads. */
export const storeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me/documents',
    {
      schema: {
        tags,
        summary: 'Kho dữ liệu của tôi: kết quả giải quyết và giấy tờ đã số hóa',
        description:
          'Với procedureCode: thêm `offers` — với mỗi thành phần hồ sơ của thủ tục, các giấy tờ trong kho còn hiệu lực dùng thay được cho việc tải lên ("Dùng giấy tờ đã có").',
        querystring: z.object({ procedureCode: z.string().trim().max(50).optional() }),
        response: {
          200: z.object({
            items: z.array(StoreDocumentView),
            offers: z.array(z.object({ componentId: z.string(), documentIds: z.array(z.string()) })).optional(),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const items = await listStoreDocuments(app.ctx, actor.userId);
      const { procedureCode } = request.query;
      if (!procedureCode) return { items };
      const procedure = await currentProcedureVersion(app.ctx, procedureCode);
      if (!procedure) throw problem(404, 'procedure-not-found', 'Thủ tục không có trong danh mục');
      return { items, offers: offersFor(items, procedure.facts.components) };
    },
  );

  app.get(
    '/api/v1/me/documents/:id',
    {
      schema: { tags, summary: 'Một giấy tờ trong Kho dữ liệu của tôi', params: IdParams, response: { 200: StoreDocumentView } },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const doc = await findStoreDocument(app.ctx, actor.userId, request.params.id);
      if (!doc) throw notFound();
      return doc;
    },
  );

  app.delete(
    '/api/v1/me/documents/:id',
    {
      schema: {
        tags,
        summary: 'Xóa tệp tự tải lên chưa nộp kèm hồ sơ nào (không xóa được kết quả, giấy tờ thuộc hồ sơ)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      request.auditRecord = { type: 'stored-document', id: request.params.id };
      const outcome = await deleteStoreDocument(app.ctx, actor.userId, request.params.id);
      if (!outcome.ok) throw refuse(outcome, DELETE_REFUSALS);
      return reply.code(204).send();
    },
  );
};
