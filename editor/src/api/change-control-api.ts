import {
  AuditVerifySchema,
  LintResponseSchema,
  VersionCreatedSchema,
  VersionDiffSchema,
  VersionSchema,
  type AuditQuery,
  type GraphInput,
  type VersionDto,
} from '@countersign/shared';
import { AuditListingSchema } from './audit-page.ts';
import { queryString, type Schema, type Transport } from './transport.ts';

/** A version as the lifecycle routes return it (the graph, when sent, is not needed after an action). */
const VersionStateSchema: Schema<Omit<VersionDto, 'graph'>> = VersionSchema.omit({ graph: true });

/** Filters of the audit trail as the page sends them (every field optional; `limit` defaults on the server). */
export type AuditFilters = Partial<AuditQuery>;

/** Change control (version lifecycle, control lint, diffs), the audit trail and evidence packs. */
export function changeControlApi({ request, requestText }: Transport) {
  const id = encodeURIComponent;
  const versionPath = (workflowId: string, version: number): string => `/api/workflows/${id(workflowId)}/versions/${version}`;
  return {
    /** Replaces the graph of a version still in draft (409 once submitted); returns its number and new hash. */
    updateVersion: (workflowId: string, version: number, graph: GraphInput) => request('PUT', versionPath(workflowId, version), VersionCreatedSchema, { graph }),
    /** Submits a draft version for review: 422 with `details.findings` when the control lint blocks it. */
    submitVersion: (workflowId: string, version: number) => request('POST', `${versionPath(workflowId, version)}/submit`, VersionStateSchema),
    /** Approves a version in review; 403 (`SOD_VIOLATION`) for its author. */
    approveVersion: (workflowId: string, version: number, comment?: string) =>
      request('POST', `${versionPath(workflowId, version)}/approve`, VersionStateSchema, comment ? { comment } : {}),
    /** Rejects a version in review; the comment is required. */
    rejectVersion: (workflowId: string, version: number, comment: string) => request('POST', `${versionPath(workflowId, version)}/reject`, VersionStateSchema, { comment }),
    /** Publishes an approved version: production runs and webhooks use it from now on. */
    publishVersion: (workflowId: string, version: number) => request('POST', `${versionPath(workflowId, version)}/publish`, VersionStateSchema),
    /** What changed from version `from` to version `to`, node by node. */
    diffVersions: (workflowId: string, from: number, to: number) => request('GET', `${versionPath(workflowId, from)}/diff/${to}`, VersionDiffSchema),
    /** Runs the control lint over a graph (the saved draft when none is given). */
    lintWorkflow: (workflowId: string, graph?: GraphInput) => request('POST', `/api/workflows/${id(workflowId)}/lint`, LintResponseSchema, graph === undefined ? {} : { graph }),
    /** One page of the audit trail, newest first (unreadable rows kept as such); `nextBeforeSeq` pages further back. */
    listAudit: (filters: AuditFilters = {}) => request('GET', `/api/audit${queryString({ ...filters })}`, AuditListingSchema),
    /** Verifies the tenant's whole hash chain on the server. */
    verifyAudit: () => request('GET', '/api/audit/verify', AuditVerifySchema),
    /** A run's evidence pack as the exact JSON text the runtime sent (saved byte for byte, so that it verifies offline). */
    getEvidenceJson: (runId: string) => requestText(`/api/runs/${id(runId)}/evidence`, 'application/json'),
    /** A run's evidence pack as a printable HTML document. */
    getEvidenceHtml: (runId: string) => requestText(`/api/runs/${id(runId)}/evidence?format=html`, 'text/html'),
  };
}
