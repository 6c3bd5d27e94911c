import { catalogText, POSTAGE_RATES, type PostalWeightClass, postageFor, weightClassForResult } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentProcedureVersion } from '../catalog/index';
import { findVisibleDossier, lifecycleRoles } from '../dossiers/index';
import { problem } from '../http/problem';
import { getActor } from '../identity/actor';
import { postalClientFor } from './index';
import { ensureShipment, findShipment, sendShipment } from './postal.service';
import type { ShipmentRow } from './postal.tables';

const tags = ['Bưu chính'];

const ShipmentView = z.object({
  status: z.enum(['pending', 'created', 'picked_up', 'in_transit', 'delivered', 'returned']),
  statusLabel: z.string(),
  trackingNumber: z.string().nullable(),
  fee: z.number(),
  address: z.string(),
  orderedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  /** The last failure while creating the order or asking its status (shown to the desk only). */
  lastError: z.string().nullable(),
  /** Entries for the dossier's history: the order, then the delivery. */
  history: z.array(z.object({ at: z.string(), label: z.string() })),
});

function view(s: ShipmentRow, forDesk: boolean): z.infer<typeof ShipmentView> {
  const history = [
    ...(s.orderedAt
      ? [{ at: s.orderedAt.toISOString(), label: `Đã gửi kết quả qua bưu chính, mã vận đơn ${s.trackingNumber}` }]
      : []),
    ...(s.deliveredAt ? [{ at: s.deliveredAt.toISOString(), label: catalogText('vi', 'postalStatus.delivered') }] : []),
  ];
  return {
    status: s.status,
    statusLabel: catalogText('vi', `postalStatus.${s.status}`),
    trackingNumber: s.trackingNumber,
    fee: s.fee,
    address: s.address,
    orderedAt: s.orderedAt?.toISOString() ?? null,
    deliveredAt: s.deliveredAt?.toISOString() ?? null,
    lastError: forDesk ? s.lastError : null,
    history,
  };
}

const notFound = () => problem(404, 'not-found', 'Không tìm thấy hồ sơ');

export const postalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/postage/quote',
    {
      schema: {
        tags,
        summary: 'Phí bưu chính dự kiến khi nhận kết quả qua bưu chính (theo nơi nhận và khối lượng)',
        querystring: z.strictObject({
          procedureCode: z.string().trim().min(1).max(30),
          address: z.string().trim().max(255).default(''),
        }),
        response: {
          200: z.object({
            amount: z.number(),
            destination: z.string(),
            destinationLabel: z.string(),
            weightClass: z.string(),
            weightLabel: z.string(),
            basis: z.string(),
            rates: z.array(z.object({ destinationLabel: z.string(), weightLabel: z.string(), amount: z.number() })),
          }),
        },
      },
    },
    async (request) => {
      const current = await currentProcedureVersion(app.ctx, request.query.procedureCode);
      if (!current) throw problem(404, 'not-found', 'Thủ tục không có trong danh mục');
      const weightClass = weightClassForResult(current.facts.resultKind);
      const quote = postageFor(request.query.address, app.ctx.config.postal.POSTAL_HOME_PROVINCE, weightClass);
      const classes = Object.keys(POSTAGE_RATES.weightClasses) as PostalWeightClass[];
      return {
        amount: quote.amount,
        destination: quote.destination,
        destinationLabel: catalogText('vi', `postalDestination.${quote.destination}`),
        weightClass,
        weightLabel: catalogText('vi', `postalWeight.${weightClass}`),
        basis: POSTAGE_RATES.basis,
        rates: (['same-province', 'other-province'] as const).flatMap((d) =>
          classes.map((w) => ({
            destinationLabel: catalogText('vi', `postalDestination.${d}`),
            weightLabel: catalogText('vi', `postalWeight.${w}`),
            amount: POSTAGE_RATES.rates[d][w],
          })),
        ),
      };
    },
  );

  app.get(
    '/api/v1/dossiers/:code/postal-shipment',
    {
      schema: {
        tags,
        summary: 'Đơn gửi kết quả qua bưu chính của hồ sơ: mã vận đơn, trạng thái giao',
        params: z.strictObject({ code: z.string().trim().min(5).max(60) }),
        response: { 200: ShipmentView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const dossier = await findVisibleDossier(app.ctx, actor, request.params.code);
      if (!dossier) throw notFound();
      const shipment = await findShipment(app.ctx, dossier.id);
      if (!shipment) throw problem(404, 'no-postal-shipment', 'Hồ sơ chưa có đơn gửi bưu chính');
      return view(shipment, actor.kind === 'officer');
    },
  );

  app.post(
    '/api/v1/dossiers/:code/postal-shipment',
    {
      schema: {
        tags,
        summary: 'Tạo đơn gửi kết quả qua bưu chính (cán bộ một cửa; gọi lại không tạo thêm đơn)',
        params: z.strictObject({ code: z.string().trim().min(5).max(60) }),
        response: { 200: ShipmentView },
      },
    },
    async (request) => {
      const actor = getActor(request);
      const dossier = await findVisibleDossier(app.ctx, actor, request.params.code);
      if (!dossier) throw notFound();
      if (!lifecycleRoles(actor, dossier).includes('receiver'))
        throw problem(403, 'forbidden', 'Chỉ cán bộ một cửa của cơ quan giải quyết được gửi kết quả');
      if (dossier.delivery !== 'post') throw problem(409, 'not-by-post', 'Người nộp không chọn nhận kết quả qua bưu chính');
      let shipment = await findShipment(app.ctx, dossier.id);
      if (!shipment) {
        if (dossier.status !== 'resolved')
          throw problem(409, 'result-not-ready', 'Hồ sơ chưa có kết quả để gửi', {
            detail: 'Kết quả được gửi sau khi hồ sơ được giải quyết xong.',
          });
        shipment = await ensureShipment(app.ctx, dossier);
        if (!shipment) throw problem(422, 'no-postal-address', 'Hồ sơ không có địa chỉ nhận kết quả qua bưu chính');
      }
      if (shipment.status === 'pending')
        shipment = (await sendShipment(app.ctx, postalClientFor(app.ctx), shipment.id)) ?? shipment;
      return view(shipment, true);
    },
  );
};
