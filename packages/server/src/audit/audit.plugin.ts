import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { type AuditRecord, appendAudit, auditEntryFor } from './audit.repository';

export type { AuditEntry, AuditRecord } from './audit.repository';
export { appendAudit, auditEntryFor, auditInsert, markAudited, withChange } from './audit.repository';

declare module 'fastify' {
  interface FastifyRequest {
    /** The record a state-changing route touched; it lands in the audit row. */
    auditRecord: AuditRecord | null;
    /** True when the route already wrote its audit row inside its own transaction. */
    audited: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Appends an audit row for every state-changing request, refused ones included (a refused login
 * or a CSRF rejection is exactly what an auditor looks for).
 *
 * It runs in onSend rather than onResponse: the row is committed before the client sees the answer,
 * so "the server said yes" always implies "the audit has it". `request.actor` is read here, after
 * every onRequest hook and the handler (login sets the actor it has just authenticated).
 */
export const auditPlugin: FastifyPluginAsync = fp(
  async (app) => {
    app.decorateRequest('auditRecord', null);
    app.decorateRequest('audited', false);
    app.addHook('onSend', async (request, reply, payload) => {
      if (!STATE_CHANGING.has(request.method) || request.audited) return payload;
      request.audited = true;
      try {
        await appendAudit(app.ctx.db, auditEntryFor(request, reply.statusCode));
      } catch (err) {
        // Never answer a completed change with a 500; an operator must see this though.
        request.log.error({ err }, 'audit row could not be written');
      }
      return payload;
    });
  },
  { name: 'audit' },
);
