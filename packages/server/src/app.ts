import { existsSync } from 'node:fs';
import { configureZodLocale } from '@dvc/domain';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { adminUnitRoutes } from './admin-units/admin-units.routes';
import { assistantRoutes } from './assistant/index';
import { auditPlugin } from './audit/audit.plugin';
import { calendarRoutes } from './calendar/calendar.routes';
import { catalogRoutes } from './catalog/catalog.routes';
import { procedureAdminRoutes } from './catalog/procedure-admin.routes';
import { procedureDefinitionRoutes } from './catalog/procedure-definition.routes';
import { dossierGroupRoutes } from './dossiers/dossier-groups.routes';
import { dossierImportRoutes } from './dossiers/dossier-import.routes';
import { dossierLookupRoutes } from './dossiers/dossier-lookup.routes';
import { officerDossierRoutes } from './dossiers/dossiers.officer.routes';
import { dossierRoutes } from './dossiers/dossiers.routes';
import { complaintRoutes } from './feedback/complaint.routes';
import { helpRoutes } from './feedback/help.routes';
import { ratingRoutes } from './feedback/rating.routes';
import { fileRoutes } from './files/files.routes';
import { healthRoutes } from './health/health.routes';
import type { AppContext } from './http/context';
import { clientErrorHandler, frameworkErrorHandler } from './http/framework-errors';
import { inputGuardPlugin } from './http/input-guard';
import { notFoundHandler, problemErrorHandler } from './http/problem';
import { routeAccessPlugin } from './http/route-access';
import { securityHeadersPlugin } from './http/security-headers';
import { webAppPlugin } from './http/web-app';
import { accountRoutes } from './identity/account.routes';
import { identityRoutes } from './identity/identity.routes';
import { passwordResetRoutes } from './identity/password-reset.routes';
import { staffRoutes } from './identity/staff.routes';
import { vneidRoutes } from './identity/vneid/vneid.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { organisationRoutes } from './organisation/organisation.routes';
import { paymentRoutes } from './payments/payments.routes';
import { sandboxGatewayPlugin } from './payments/sandbox-gateway';
import { portalSyncRoutes } from './portal-sync/portal-sync.routes';
import { postalRoutes } from './postal/postal.routes';
import {
  accessLogPlugin,
  accessLogRoutes,
  appLoggerOptions,
  noticeRoutes,
  retentionRoutes,
  subjectRightsRoutes,
} from './privacy';
import { registryRoutes } from './registry/registry.routes';
import { reportRoutes } from './reports/reports.routes';
import { targetRoutes } from './reports/targets.routes';
import { resultRoutes } from './results/results.routes';
import { signingRoutes } from './signing/signing.routes';
import { storeRoutes } from './store/store.routes';

configureZodLocale();

export interface BuildAppOptions {
  ctx: AppContext;
  logger?: boolean | object;
  /** Serve the built web app from this folder when it exists. */
  webDist?: string;
}

/** Builds the HTTP app from its capabilities. No logic lives here. */
export async function buildApp({ ctx, logger = false, webDist }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // No personal field reaches the log (privacy/log-redaction.ts).
    logger: logger === true ? appLoggerOptions(ctx.config.LOG_LEVEL) : logger,
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For only from the proxies named in TRUST_PROXY: from anyone else it is a choice
    // of address that would get around per-address limits and forge the audit log's `ip`.
    trustProxy: ctx.config.TRUST_PROXY.length > 0 ? ctx.config.TRUST_PROXY : false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body would otherwise reach the validators as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(problemErrorHandler);
  // First, so that their onRequest hooks run before every capability's (and on refusals too).
  await app.register(securityHeadersPlugin, { production: ctx.config.NODE_ENV === 'production' });
  await app.register(inputGuardPlugin);
  const servesWebApp = webDist !== undefined && existsSync(webDist);
  app.setNotFoundHandler((request, reply) =>
    servesWebApp && request.method === 'GET' && !request.url.startsWith('/api/')
      ? reply.sendFile('index.html')
      : notFoundHandler(request, reply),
  );

  await app.register(routeAccessPlugin);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'DVC Quảng Ngãi API',
        description: 'Dịch vụ công trực tuyến tỉnh Quảng Ngãi — API v1',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it is an image from validator.swagger.io, which the CSP refuses.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(auditPlugin);
  await app.register(accessLogPlugin);
  await app.register(healthRoutes);
  await app.register(identityRoutes);
  await app.register(staffRoutes);
  await app.register(organisationRoutes);
  await app.register(passwordResetRoutes);
  await app.register(accountRoutes);
  await app.register(vneidRoutes);
  await app.register(adminUnitRoutes);
  await app.register(catalogRoutes);
  await app.register(procedureDefinitionRoutes);
  await app.register(procedureAdminRoutes);
  await app.register(calendarRoutes);
  await app.register(officerDossierRoutes);
  await app.register(dossierRoutes);
  await app.register(dossierGroupRoutes);
  await app.register(dossierLookupRoutes());
  await app.register(assistantRoutes);
  await app.register(dossierImportRoutes);
  await app.register(notificationRoutes);
  await app.register(fileRoutes);
  await app.register(registryRoutes);
  await app.register(storeRoutes);
  await app.register(resultRoutes);
  await app.register(signingRoutes);
  await app.register(reportRoutes);
  await app.register(targetRoutes);
  await app.register(ratingRoutes);
  await app.register(complaintRoutes);
  await app.register(helpRoutes);
  await app.register(portalSyncRoutes);
  await app.register(paymentRoutes);
  await app.register(accessLogRoutes);
  await app.register(subjectRightsRoutes);
  await app.register(retentionRoutes);
  await app.register(noticeRoutes);
  await app.register(postalRoutes);
  // The built-in VNPay stand-in (default mode); serves nothing once VNPAY_URL names a real gateway.
  await app.register(sandboxGatewayPlugin);
  if (servesWebApp) await app.register(webAppPlugin, { root: webDist });
  return app;
}
