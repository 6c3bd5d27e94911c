import { ProcedureNoticeView } from '@dvc/domain/contract/privacy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { procedureNotice } from './notice';

/** The notice shown before filing (issue 20 point 1), public like the procedure it is about. */
export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/privacy/notices/procedures/:code',
    {
      schema: {
        tags: ['Dữ liệu cá nhân'],
        summary: 'Thông báo xử lý dữ liệu cá nhân của một thủ tục: thu thập gì, để làm gì, ai xử lý, lưu bao lâu',
        params: z.object({ code: z.string().max(60) }),
        response: { 200: ProcedureNoticeView },
      },
    },
    async (request) => {
      const notice = await procedureNotice(app.ctx, request.params.code, app.ctx.now());
      if (!notice) throw problem(404, 'procedure-not-found', 'Không tìm thấy thủ tục');
      return notice;
    },
  );
};
