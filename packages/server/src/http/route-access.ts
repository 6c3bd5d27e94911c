import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { problem } from './problem';

/**
 * Who may reach a route at all, checked before the body is parsed or validated (an anonymous
 * request learns nothing about a route's fields). The handlers keep their finer checks: role,
 * agency, locality, ownership.
 * - public: anyone, signed in or not;
 * - signed-in: any live session, citizen or officer;
 * - citizen / officer: a live session of that kind.
 */
export type RouteAccess = 'public' | 'signed-in' | 'citizen' | 'officer';

/**
 * One rule per route, keyed `METHOD url` as the route is declared. A HEAD route without its own
 * line follows its GET. A route missing here stops the app from starting (see routeAccessPlugin).
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // API documentation, health
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/docs/*': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/health': 'public',

  // Development stand-ins (registered only with dev tools or without the real service); they
  // guard themselves: the portal receiver checks signatures and roles.
  'GET /api/dev/sms-outbox': 'public',
  'POST /api/dev/portal-receiver': 'public',
  'GET /api/dev/portal-receiver': 'officer',
  'GET /dev-vneid': 'public',
  'POST /dev-vneid': 'public',
  'OPTIONS /dev-vneid': 'public',
  'GET /dev-vneid/*': 'public',
  'POST /dev-vneid/*': 'public',
  'OPTIONS /dev-vneid/*': 'public',
  'GET /sandbox/vnpay/pay': 'public',
  'GET /sandbox/vnpay/complete': 'public',
  // The signing stand-ins (local mode): CSC v2 checks its bearer token, both answer only this machine
  'POST /csc/v2/*': 'public',
  'POST /tsa': 'public',
  // …and the stand-in CA's certificates and revocation list, which any verifier fetches
  'GET /pki/root-ca.crt': 'public',
  'GET /pki/issuing-ca.crt': 'public',
  'GET /pki/issuing-ca.crl': 'public',

  // Accounts
  'POST /api/v1/auth/register': 'public',
  'POST /api/v1/auth/resend-code': 'public',
  'POST /api/v1/auth/verify-phone': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/vneid/start': 'public',
  'GET /api/v1/auth/vneid/callback': 'public',
  'GET /api/v1/auth/me': 'signed-in',
  'GET /api/v1/auth/verified-identity': 'citizen',
  // Results by post: the fee before filing; the shipment on the dossier (handlers check who sees it)
  'GET /api/v1/postage/quote': 'public',
  'GET /api/v1/dossiers/:code/postal-shipment': 'signed-in',
  'POST /api/v1/dossiers/:code/postal-shipment': 'officer',
  'GET /api/v1/auth/officer-roles': 'officer',
  // A forgotten password (the handlers limit per address and per phone), one's own account
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
  'PUT /api/v1/auth/password': 'signed-in',
  'POST /api/v1/auth/sign-out-everywhere': 'signed-in',
  'GET /api/v1/account/profile': 'citizen',
  'PUT /api/v1/account/profile': 'citizen',

  // Reference data, public figures, verification of results
  'GET /api/v1/admin-units': 'public',
  'GET /api/v1/admin-units/:code': 'public',
  'GET /api/v1/procedures': 'public',
  'GET /api/v1/procedures/:code': 'public',
  'GET /api/v1/procedures/:code/versions/:version': 'public',
  'GET /api/v1/procedure-topics': 'public',
  'GET /api/v1/procedure-definition.schema.json': 'public',
  'GET /api/v1/calendar': 'public',
  'GET /api/v1/public/indicators': 'public',
  'GET /api/v1/verify/:code': 'public',
  'POST /api/v1/verify': 'public',
  // A dossier's state by its code and a second factor (the handler checks it and limits guessing)
  'GET /api/v1/public/dossiers/:code': 'public',
  'POST /api/v1/assistant/messages': 'public',
  // The callbot's VoiceXML documents, fetched by the hotline's IVR platform (no session there)
  'GET /api/v1/assistant/voice/start.vxml': 'public',
  'GET /api/v1/assistant/voice/lookup.vxml': 'public',
  'POST /api/v1/assistant/voice/lookup.vxml': 'public',
  'GET /api/v1/assistant/voice/topics.vxml': 'public',
  'GET /api/v1/assistant/voice/topic.vxml': 'public',
  'GET /api/v1/assistant/voice/procedure.vxml': 'public',
  'GET /api/v1/assistant/voice/operator.vxml': 'public',
  'GET /api/v1/assistant/voice/audio/:name': 'public',
  // The assistant's unanswered questions and FAQ entries (the handlers check the province administrator)
  'GET /api/v1/admin/assistant/unanswered': 'officer',
  'GET /api/v1/admin/assistant/faq': 'officer',
  'POST /api/v1/admin/assistant/faq': 'officer',
  'GET /xac-minh/:code': 'public',
  'GET /api/v1/household-businesses/name-check': 'public',
  'GET /api/v1/notifications/vapid-public-key': 'public',

  // Dossiers: citizens file and follow their own
  'POST /api/v1/dossiers': 'citizen',
  'GET /api/v1/dossiers': 'citizen',
  'POST /api/v1/dossiers/:code/supplement': 'citizen',
  'POST /api/v1/dossiers/:code/withdraw': 'citizen',
  'POST /api/v1/dossier-groups': 'citizen',
  // The citizen's document store (Kho dữ liệu): their own documents only
  'GET /api/v1/me/documents': 'citizen',
  'GET /api/v1/me/documents/:id': 'citizen',
  'DELETE /api/v1/me/documents/:id': 'citizen',
  'GET /api/v1/household-businesses/lookup': 'citizen',
  // …a dossier is read by its applicant and by the officers who may see it (the handler decides)
  'GET /api/v1/dossiers/:code': 'signed-in',
  'GET /api/v1/dossiers/:code/documents/:kind': 'signed-in',
  'GET /api/v1/dossiers/:code/result': 'signed-in',
  'POST /api/v1/dossiers/:code/events': 'signed-in',
  'GET /api/v1/dossier-groups/:code': 'signed-in',
  // Satisfaction ratings: the applicant, or whoever holds the link of the SMS (the handler checks its token)
  'GET /api/v1/dossiers/:code/rating': 'citizen',
  'PUT /api/v1/dossiers/:code/rating': 'citizen',
  'GET /api/v1/public/ratings/:code': 'public',
  'PUT /api/v1/public/ratings/:code': 'public',
  'GET /api/v1/public/help': 'public',
  'GET /api/v1/reports/ratings': 'officer',
  // Complaints and recommendations: citizens file and read their own, the agency's staff answer
  'POST /api/v1/complaints': 'citizen',
  'GET /api/v1/complaints': 'citizen',
  'GET /api/v1/complaints/:code': 'citizen',
  'GET /api/v1/officer/complaints': 'officer',
  'POST /api/v1/officer/complaints/:code/answer': 'officer',
  'GET /api/v1/officer/complaints/:code/files/:sha256': 'officer',
  // …and the desk works on them
  'GET /api/v1/officer/dossiers': 'officer',
  'GET /api/v1/officer/register.pdf': 'officer',
  'POST /api/v1/dossiers/counter': 'officer',
  'POST /api/v1/dossiers/hotline': 'officer',
  'POST /api/v1/dossiers/:code/digitize': 'officer',
  'GET /api/v1/household-businesses': 'officer',

  // Fees
  'POST /api/v1/dossiers/:code/payments': 'citizen',
  'GET /api/v1/dossiers/:code/payments': 'signed-in',
  'GET /api/v1/payments/:id/receipt.pdf': 'signed-in',
  'GET /api/v1/payments/reconciliation': 'officer',
  // The gateway's callbacks carry its signature, not a session.
  'GET /api/v1/payments/vnpay/return': 'public',
  'GET /api/v1/payments/vnpay/ipn': 'public',

  // Attachments (tus: OPTIONS is the protocol's capability discovery, without a session)
  'POST /api/v1/uploads': 'signed-in',
  'OPTIONS /api/v1/uploads': 'public',
  'POST /api/v1/uploads/': 'signed-in',
  'OPTIONS /api/v1/uploads/': 'public',
  'HEAD /api/v1/uploads/:id': 'signed-in',
  'PATCH /api/v1/uploads/:id': 'signed-in',
  'DELETE /api/v1/uploads/:id': 'signed-in',
  'OPTIONS /api/v1/uploads/:id': 'public',
  'GET /api/v1/uploads/:id/result': 'signed-in',
  'GET /api/v1/files/:sha256': 'signed-in',

  // Notifications
  'GET /api/v1/notifications': 'signed-in',
  'POST /api/v1/notifications/:id/read': 'signed-in',
  'POST /api/v1/notifications/push-subscriptions': 'signed-in',
  'DELETE /api/v1/notifications/push-subscriptions': 'signed-in',
  'GET /api/v1/notifications/preferences': 'citizen',
  'PUT /api/v1/notifications/preferences': 'citizen',

  // Administration and reports
  'GET /api/v1/admin/notification-failures': 'officer',
  'GET /api/v1/admin/portal-sync': 'officer',
  'POST /api/v1/admin/portal-sync/retry-failed': 'officer',
  'POST /api/v1/admin/imports': 'officer',
  'GET /api/v1/admin/imports/:id': 'officer',
  'GET /api/v1/admin/imports/:id/errors.csv': 'officer',
  'PUT /api/v1/calendar/overrides/:date': 'officer',
  'DELETE /api/v1/calendar/overrides/:date': 'officer',
  'GET /api/v1/reports/indicators': 'officer',
  'GET /api/v1/reports/indicators.xlsx': 'officer',
  'GET /api/v1/reports/indicators.pdf': 'officer',
  'GET /api/v1/reports/settings': 'officer',

  // Signing: an officer's OTP and standing authorization; administrators revoke certificates
  'GET /api/v1/signing/authorization': 'officer',
  'POST /api/v1/signing/otp': 'officer',
  'POST /api/v1/signing/authorization': 'officer',
  'GET /api/v1/admin/signing/credentials': 'officer',
  'POST /api/v1/admin/signing/credentials/:id/revoke': 'officer',

  // Staff administration, the assignment picker, a new officer setting a password
  'GET /api/v1/admin/staff': 'officer',
  'POST /api/v1/admin/staff': 'officer',
  'PUT /api/v1/admin/staff/:id': 'officer',
  'POST /api/v1/admin/staff/:id/deactivate': 'officer',
  'POST /api/v1/admin/staff/:id/password-code': 'officer',
  'GET /api/v1/officer/agencies/:code/staff': 'officer',
  'POST /api/v1/auth/staff-password': 'public',
  'POST /api/v1/admin/staff/:id/handover': 'officer',
  'POST /api/v1/admin/staff/:id/back-from-leave': 'officer',

  // Organisation: agencies and desks, targets (the handlers check the province administrator)
  'GET /api/v1/admin/agencies': 'officer',
  'POST /api/v1/admin/agencies': 'officer',
  'PUT /api/v1/admin/agencies/:code': 'officer',
  'POST /api/v1/admin/agencies/:code/close': 'officer',
  'GET /api/v1/admin/targets': 'officer',
  'POST /api/v1/admin/targets': 'officer',
  'PUT /api/v1/admin/target-groups/:code': 'officer',

  // Catalog administration (province and system administrators; the handlers check the role)
  'GET /api/v1/admin/procedures': 'officer',
  'PUT /api/v1/admin/procedures/:code': 'officer',
  'GET /api/v1/admin/procedures/:code/versions': 'officer',
  'GET /api/v1/admin/procedures/:code/versions/:version': 'officer',
  'GET /api/v1/admin/procedures/:code/versions/:version/diff/:other': 'officer',
  'POST /api/v1/admin/procedures/:code/publish': 'officer',
  'POST /api/v1/admin/procedures/:code/unpublish': 'officer',
  'POST /api/v1/admin/procedures/import': 'officer',

  // Personal data: a citizen sees who read theirs; administrators list officers' reads
  'GET /api/v1/privacy/reads': 'citizen',
  'GET /api/v1/admin/privacy/reads': 'officer',
  'GET /api/v1/admin/privacy/reads/by-officer': 'officer',
  // …a citizen downloads what is held about them and asks to correct or delete it; administrators answer
  'GET /api/v1/privacy/export': 'citizen',
  'POST /api/v1/privacy/requests': 'citizen',
  'GET /api/v1/privacy/requests': 'citizen',
  'GET /api/v1/admin/privacy/requests': 'officer',
  'POST /api/v1/admin/privacy/requests/:code/answer': 'officer',
  // …and the retention periods and their job
  'GET /api/v1/admin/privacy/retention': 'officer',
  'GET /api/v1/privacy/notices/procedures/:code': 'public',
  'PUT /api/v1/admin/privacy/retention/:category': 'officer',
  'POST /api/v1/admin/privacy/retention/run': 'officer',
};

/**
 * The rule of `METHOD url`. A HEAD without a line of its own follows the GET of the same url.
 * Outside /api/, a GET or HEAD without a line is a file of the built web app (one route per file,
 * names change with every build): public, as the PWA's files are.
 */
export function routeAccessOf(method: string, url: string): RouteAccess | undefined {
  const own = ROUTE_ACCESS[`${method} ${url}`] ?? (method === 'HEAD' ? ROUTE_ACCESS[`GET ${url}`] : undefined);
  if (own) return own;
  return (method === 'GET' || method === 'HEAD') && !url.startsWith('/api/') ? 'public' : undefined;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const declaredRoutes = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route the app declared after routeAccessPlugin, with its rule (for the access matrix). */
export function declaredRoutesOf(app: FastifyInstance): readonly DeclaredRoute[] {
  return declaredRoutes.get(app) ?? [];
}

const KIND_TITLES = {
  citizen: 'Chức năng này dành cho công dân',
  // The words requireRole uses: the same refusal whether the kind or the role is wrong.
  officer: 'Bạn không có quyền thực hiện thao tác này',
} as const;

/** Answers before parsing and validation; the session hook (an app-level onRequest) has run. */
export function checkRouteAccess(request: FastifyRequest): void {
  const access = routeAccessOf(request.method, request.routeOptions.url ?? '');
  if (access === 'public') return;
  const actor = request.actor;
  if (!actor) throw problem(401, 'unauthenticated', 'Vui lòng đăng nhập để tiếp tục');
  // undefined cannot happen (every route is checked at start-up); refuse rather than let it through.
  if (access === undefined) throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
  if (access !== 'signed-in' && actor.kind !== access) throw problem(403, 'forbidden', KIND_TITLES[access]);
}

const enforceRouteAccess: onRequestAsyncHookHandler = async (request) => checkRouteAccess(request);

/**
 * App-wide: every route registered after this plugin needs a line in ROUTE_ACCESS, or the app does
 * not start. The check is a route-level onRequest hook, so it runs after the app-level hooks
 * (the session plugin sets `request.actor`) and before the body is read. Registered before every
 * route (app.ts) so that it sees them all; a non-public route must still be registered after the
 * identity plugin, or it never has an actor (the access matrix would show it).
 */
export const routeAccessPlugin = fp(
  async (app) => {
    const routes: DeclaredRoute[] = [];
    declaredRoutes.set(app, routes);
    app.addHook('onRoute', (route: RouteOptions) => {
      const methods = [route.method].flat();
      const rules = methods.map((method) => {
        const access = routeAccessOf(method, route.url);
        if (access === undefined) {
          throw new Error(
            `Route ${method} ${route.url} has no access rule: add it to ROUTE_ACCESS in packages/server/src/http/route-access.ts`,
          );
        }
        routes.push({ method, url: route.url, access });
        return access;
      });
      if (rules.every((r) => r === 'public')) return;
      const hooks = [route.onRequest ?? []].flat();
      if (!hooks.includes(enforceRouteAccess)) route.onRequest = [...hooks, enforceRouteAccess];
    });
  },
  { name: 'route-access' },
);
