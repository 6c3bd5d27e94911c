import { CitizenIdNumber, RegistrationNumber, UnitCode } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerAgencies } from '../dossiers/dossier-access';
import { problem } from '../http/problem';
import { getActor, OFFICER_ROLES, requireCitizen, requireRole } from '../identity/actor';
import { checkNameAvailability, listRegisterFor, lookupRegistration, registrationView } from './registry.service';

const TAGS = ['Sổ đăng ký hộ kinh doanh'];

const Line = z.object({ code: z.string(), name: z.string(), isMain: z.boolean() });

const RegistrationPublic = z.object({
  registrationNumber: z.string(),
  name: z.string(),
  status: z.enum(['active', 'terminated']),
  address: z.string(),
  unitCode: z.string(),
  authorityAgencyCode: z.string(),
  businessLines: z.array(Line),
  capital: z.number().int(),
  registeredAt: z.date(),
  changedAt: z.date().nullable(),
  terminatedAt: z.date().nullable(),
});

const RegisterEntry = RegistrationPublic.extend({
  ownerName: z.string(),
  sourceDossierCode: z.string(),
  changeCount: z.number().int(),
});

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/household-businesses/name-check',
    {
      schema: {
        tags: TAGS,
        summary: 'Kiểm tra tên hộ kinh doanh: đúng quy tắc đặt tên và chưa trùng tại cơ quan đăng ký nơi đặt trụ sở',
        querystring: z.object({
          name: z.string().max(300),
          unitCode: UnitCode,
        }),
        response: { 200: z.object({ available: z.boolean(), problems: z.array(z.string()) }) },
      },
    },
    async (request) => checkNameAvailability(app.ctx, request.query.name, request.query.unitCode),
  );

  app.get(
    '/api/v1/household-businesses/lookup',
    {
      schema: {
        tags: TAGS,
        summary: 'Tra cứu hộ kinh doanh đã đăng ký của mình (cần đúng mã số và số định danh của chủ hộ)',
        querystring: z.object({
          registrationNumber: RegistrationNumber,
          ownerCitizenId: z.string().pipe(CitizenIdNumber),
        }),
        response: { 200: RegistrationPublic },
      },
    },
    async (request) => {
      requireCitizen(request);
      const row = await lookupRegistration(app.ctx, request.query.registrationNumber, request.query.ownerCitizenId);
      if (!row) {
        throw problem(404, 'household_business_not_found', 'Không tìm thấy hộ kinh doanh', {
          detail: 'Kiểm tra lại mã số hộ kinh doanh và số định danh cá nhân của chủ hộ.',
        });
      }
      return registrationView(row);
    },
  );

  app.get(
    '/api/v1/household-businesses',
    {
      schema: {
        tags: TAGS,
        summary: 'Sổ đăng ký hộ kinh doanh của cơ quan (cán bộ)',
        querystring: z.object({ unitCode: UnitCode.optional() }),
        response: { 200: z.object({ items: z.array(RegisterEntry) }) },
      },
    },
    async (request) => {
      requireRole(request, ...OFFICER_ROLES.filter((r) => r !== 'report_reader'));
      const rows = await listRegisterFor(app.ctx, officerAgencies(getActor(request)), request.query.unitCode);
      return {
        items: rows.map((r) => ({
          ...registrationView(r),
          ownerName: r.ownerName,
          sourceDossierCode: r.sourceDossierCode,
          changeCount: r.changeCount,
        })),
      };
    },
  );
};
