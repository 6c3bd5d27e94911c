import { PortalSyncRequeuedView, PortalSyncView } from '@dvc/domain/contract/portal-sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit, auditEntryFor, markAudited } from '../audit/index';
import type { PortalSyncConfig } from '../config';
import { requireProvinceAdmin, withChange } from '../organisation/admin-scope';
import { portalReceiverRoutes } from './portal-receiver.routes';
import { portalTargetUrl, retryFailedPortalSync } from './portal-sync.sender';

const tags = ['Đồng bộ Cổng DVC quốc gia'];

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The administrators' view of the sync (what is pending, what failed and why, a "retry failed"
 * action), and — in the default mode or with DEV_TOOLS — the local receiver standing in for the portal.
 */
export const portalSyncRoutes: FastifyPluginAsyncZod<{ env?: PortalSyncConfig }> = async (app, opts) => {
  const env = opts.env ?? app.ctx.config.portalSync;
  if (app.ctx.config.devTools || !env.url) await app.register(portalReceiverRoutes, { env });

  app.get(
    '/api/v1/admin/portal-sync',
    {
      schema: {
        tags,
        summary: 'Tình trạng đồng bộ hồ sơ lên Cổng DVC quốc gia: số chờ gửi, đã gửi, lỗi và các lỗi gần nhất',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: PortalSyncView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const province = app.ctx.config.PROVINCE_CODE;
      const db = app.ctx.db;
      const counts = await db
        .selectFrom('portalSyncMessage')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('createdAt').as('oldest')])
        .where('provinceCode', '=', province)
        .groupBy('status')
        .execute();
      const list = (statuses: Array<'pending' | 'failed'>, order: 'asc' | 'desc') =>
        db
          .selectFrom('portalSyncMessage')
          .select(['messageId', 'dossierCode', 'seq', 'status', 'attempts', 'lastError', 'createdAt', 'nextAttemptAt'])
          .where('provinceCode', '=', province)
          .where('status', 'in', statuses)
          .orderBy('id', order)
          .limit(request.query.limit)
          .execute();
      // Failures first: for good, then pending ones whose last attempt failed (still retrying).
      const failed = await list(['failed'], 'desc');
      const pending = await list(['pending'], 'asc');
      const view = (r: (typeof failed)[number]) => ({ ...r, createdAt: iso(r.createdAt), nextAttemptAt: iso(r.nextAttemptAt) });
      const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
      const oldest = counts.find((c) => c.status === 'pending')?.oldest;
      return {
        target: portalTargetUrl(env, app.ctx.config),
        counts: { pending: n('pending'), sent: n('sent'), failed: n('failed') },
        oldestPendingAt: oldest ? iso(oldest) : null,
        failures: [...failed, ...pending.filter((p) => p.lastError !== null)].map(view),
        pending: pending.map(view),
      };
    },
  );

  app.post(
    '/api/v1/admin/portal-sync/retry-failed',
    {
      schema: {
        tags,
        summary: 'Gửi lại các thông điệp đồng bộ đã lỗi',
        response: { 200: PortalSyncRequeuedView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const requeued = await retryFailedPortalSync(app.ctx, app.ctx.now());
      request.auditRecord = { type: 'portal_sync', id: 'failed' };
      await appendAudit(app.ctx.db, withChange(auditEntryFor(request, 200), { failed: requeued }, { failed: 0, requeued }));
      markAudited(request);
      return { requeued };
    },
  );
};
