import { CitizenReadListView, OfficerReadListView, ReadsPerOfficerView } from '@dvc/domain/contract/privacy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCitizen } from '../identity/actor';
import { requireProvinceAdmin } from '../organisation/admin-scope';
import { listReads, readsOfSubject, readsPerOfficer } from './access-log.repository';

const tags = ['Dữ liệu cá nhân'];

const Period = {
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
};
const toDate = (s: string | undefined) => (s === undefined ? undefined : new Date(s));

/** The access log's two readers: the person the data is about, and an administrator. */
export const accessLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/privacy/reads',
    {
      schema: {
        tags,
        summary: 'Cơ quan nào đã xem hồ sơ, giấy tờ của tôi và khi nào',
        querystring: z.strictObject({
          dossierCode: z.string().max(60).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: CitizenReadListView },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const rows = await readsOfSubject(
        app.ctx.db,
        app.ctx.config.PROVINCE_CODE,
        actor.userId,
        request.query.dossierCode,
        request.query.limit,
      );
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );

  app.get(
    '/api/v1/admin/privacy/reads',
    {
      schema: {
        tags,
        summary: 'Nhật ký truy cập dữ liệu cá nhân: lượt xem của cán bộ (lọc theo cán bộ, người, hồ sơ, thời gian)',
        querystring: z.strictObject({
          officerId: z.uuid().optional(),
          subjectId: z.uuid().optional(),
          dossierCode: z.string().max(60).optional(),
          ...Period,
          limit: z.coerce.number().int().min(1).max(5000).default(200),
        }),
        response: { 200: OfficerReadListView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const q = request.query;
      const rows = await listReads(app.ctx.db, app.ctx.config.PROVINCE_CODE, {
        officerId: q.officerId,
        subjectId: q.subjectId,
        dossierCode: q.dossierCode,
        from: toDate(q.from),
        to: toDate(q.to),
        limit: q.limit,
      });
      return { items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })) };
    },
  );

  app.get(
    '/api/v1/admin/privacy/reads/by-officer',
    {
      schema: {
        tags,
        summary: 'Số lượt xem dữ liệu cá nhân của từng cán bộ trong một khoảng thời gian',
        querystring: z.strictObject(Period),
        response: { 200: ReadsPerOfficerView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const rows = await readsPerOfficer(
        app.ctx.db,
        app.ctx.config.PROVINCE_CODE,
        toDate(request.query.from),
        toDate(request.query.to),
      );
      return { items: rows.map((r) => ({ ...r, lastAt: r.lastAt.toISOString() })) };
    },
  );
};
