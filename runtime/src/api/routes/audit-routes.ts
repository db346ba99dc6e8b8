import { z } from 'zod';
import { AuditPageSchema, AuditQuerySchema, AuditVerifySchema, EvidencePackSchema } from '@countersign/shared';
import { renderEvidenceHtml } from '../../evidence/evidence-html.ts';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, RawResponse, type Route } from '../route.ts';

const RunParams = z.object({ id: z.string().min(1).max(100) });
const EvidenceQuery = z.object({ format: z.enum(['json', 'html']).default('json') });

/** The audit trail: read and verify; nothing in the API edits or deletes it. */
export function auditRoutes(services: ApiServices): Route[] {
  const { audit, evidence } = services;
  return [
    defineRoute({
      operationId: 'listAudit',
      method: 'get',
      path: '/api/audit',
      auth: true,
      permission: 'audit.read',
      tag: 'audit',
      summary: "Your tenant's audit events, newest first; filter by time, actor, action, target, run; page with beforeSeq",
      query: AuditQuerySchema,
      status: 200,
      response: AuditPageSchema,
      handle: ({ user, query }) => audit.list(user, query),
    }),
    defineRoute({
      operationId: 'verifyAudit',
      method: 'get',
      path: '/api/audit/verify',
      auth: true,
      permission: 'audit.read',
      tag: 'audit',
      summary: "Verifies your tenant's hash chain: { ok, checked, firstBadSeq? }",
      status: 200,
      response: AuditVerifySchema,
      handle: ({ user }) => audit.verify(user),
    }),
    defineRoute({
      operationId: 'getRunEvidence',
      method: 'get',
      path: '/api/runs/:id/evidence',
      auth: true,
      permission: 'audit.read',
      tag: 'audit',
      summary: 'The evidence pack of a run (version and its approvals, inputs, steps, decisions, policy evaluations, audit events with their chain links); ?format=html for a printable view',
      params: RunParams,
      query: EvidenceQuery,
      status: 200,
      response: EvidencePackSchema,
      handle: async ({ user, params, query }) => {
        const pack = await evidence.build(user, params.id);
        return query.format === 'html' ? (new RawResponse('text/html; charset=utf-8', renderEvidenceHtml(pack)) as unknown as typeof pack) : pack;
      },
    }),
  ];
}
