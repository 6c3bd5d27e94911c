import fastifyHelmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers on every answer (@fastify/helmet), fitted to what the web app loads:
 * - scripts only from our origin, none inline (the Vite build emits external module scripts only;
 *   the service worker is /sw.js; Swagger UI at /api/docs loads its scripts as files);
 * - styles from our origin plus inline ones: React and ECharts set style attributes, and the
 *   development stand-ins (VNPay sandbox, VNeID) have a <style> block. Inline styles run no code;
 * - images also from data: and blob: (citizens' photos are previewed and shrunk from blobs);
 * - no framing by anyone (clickjacking of the filing and payment screens);
 * - no Referer leaves the site (dossier codes are in our URLs);
 * - the camera only for our own pages (citizens photograph their papers), other devices off;
 * - HSTS and upgrade-insecure-requests only in production: development and the tests run on
 *   http://127.0.0.1, which HSTS would make unreachable for a year.
 * PDFs (receipts, notices, the register) open in Chromium's own viewer under this policy as they are
 * (object-src 'none' no longer stops it): the browser test opens one.
 */
export const PERMISSIONS_POLICY =
  'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), ' +
  'magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()';

const securityHeaders: FastifyPluginAsync<{ production: boolean }> = async (app, { production }) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'media-src': ["'self'", 'blob:'],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'frame-src': ["'self'"],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
};

/** App-wide: register first, so that refusals at the edge carry the headers too. */
export const securityHeadersPlugin = fp(securityHeaders, { name: 'security-headers' });
