import { AuditPageSchema, AuditQuerySchema, AuditVerifySchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

/** The audit trail: read and verify; nothing in the API edits or deletes it. */
export function auditRoutes(services: ApiServices): Route[] {
  const { audit } = services;
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
  ];
}
