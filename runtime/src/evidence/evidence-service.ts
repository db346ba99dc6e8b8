import type { Knex } from 'knex';
import { CountersignError, type AuditEvent, type EvidencePack } from '@countersign/shared';
import type { AuditService } from '../audit/audit-service.ts';
import { toAuditEvent, type AuditRow } from '../audit/audit-rows.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { Actor } from '../services/actor.ts';
import { readStoredGraph } from '../services/graph-rules.ts';
import { iso, isoOrNull } from '../services/row-values.ts';
import type { VersionRow } from '../services/workflow-rows.ts';

/** Builds the evidence pack of a run. */
export interface EvidenceService {
  build(actor: Actor, runId: string): Promise<EvidencePack>;
}

/** Creates the evidence service. */
export function createEvidenceService(knex: Knex, audit: AuditService): EvidenceService {
  return {
    async build(actor, runId) {
      const db = tenantDb(knex, actor.tenantId);
      const run = await db.table('runs').where({ id: runId }).first();
      if (!run) throw new CountersignError('NOT_FOUND', 'Run not found');
      const [tenant, workflow, version] = await Promise.all([
        knex('tenants').where({ id: actor.tenantId }).first<{ id: string; name: string }>('id', 'name'),
        db.table('workflows').where({ id: run.workflow_id }).first<{ id: string; name: string }>('id', 'name'),
        db.table('workflow_versions').where({ workflow_id: run.workflow_id, version: run.version }).first<VersionRow & { graph: unknown }>(),
      ]);
      const graph = readStoredGraph(version.graph);
      const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
      const steps = await db.table('run_steps').where({ run_id: runId }).orderBy('position');
      const tasks = await db.table('approval_tasks').where({ run_id: runId }).orderBy([{ column: 'created_at' }, { column: 'id' }]);
      const runEvents = await audit.ofRun(actor.tenantId, runId);
      // The chain segment from the run's first to its last event: the run's events in full, the others as links.
      const first = runEvents[0]?.seq ?? 0;
      const last = runEvents.at(-1)?.seq ?? 0;
      const between: { seq: number; prev_hash: string; hash: string; run_id: string | null }[] = first === 0 ? [] : await db.table('audit_events').whereBetween('seq', [first, last]).orderBy('seq').select('seq', 'prev_hash', 'hash', 'run_id');
      const full = new Map(runEvents.map((e) => [e.seq, e]));
      const segment = between.map((row) => full.get(Number(row.seq)) ?? { seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash });
      const head = await db.table('audit_events').orderBy('seq', 'desc').first<AuditRow | undefined>();
      const headEvent: AuditEvent | undefined = head ? toAuditEvent(head) : undefined;
      const verified = await audit.verify(actor);
      return {
        format: 'countersign.evidence/1',
        generatedAt: new Date().toISOString(),
        tenant: { id: tenant.id, name: tenant.name },
        workflow: { id: workflow.id, name: workflow.name },
        version: {
          version: version.version,
          hash: version.hash,
          status: version.status,
          createdBy: version.created_by,
          createdAt: iso(version.created_at),
          submittedBy: version.submitted_by,
          submittedAt: isoOrNull(version.submitted_at),
          reviewedBy: version.reviewed_by,
          reviewedAt: isoOrNull(version.reviewed_at),
          reviewComment: version.review_comment,
          publishedBy: version.published_by,
          publishedAt: isoOrNull(version.published_at),
          graph,
        },
        run: {
          id: run.id,
          status: run.status,
          trigger: run.trigger,
          isTest: run.is_test,
          requestedBy: run.requested_by,
          input: run.input ?? null,
          output: run.output ?? null,
          error: run.error ?? null,
          createdAt: iso(run.created_at),
          startedAt: isoOrNull(run.started_at),
          finishedAt: isoOrNull(run.finished_at),
        },
        steps: steps.map((s: Record<string, unknown>) => {
          const node = nodes.get(String(s['node_id']));
          return {
            nodeId: String(s['node_id']),
            label: node?.label ?? String(s['node_id']),
            type: node?.type ?? '',
            status: String(s['status']),
            port: (s['port'] as string | null) ?? null,
            attempt: Number(s['attempt']),
            startedAt: isoOrNull(s['started_at'] as Date | null),
            finishedAt: isoOrNull(s['finished_at'] as Date | null),
            output: s['output'] ?? null,
            error: s['error'] ?? null,
          };
        }),
        decisions: tasks.map((task: Record<string, unknown>) => ({
          taskId: String(task['id']),
          nodeId: String(task['node_id']),
          level: Number(task['level']),
          assigneeId: String(task['assignee_id']),
          decision: (task['decision'] as string | null) ?? null,
          status: String(task['status']),
          decidedBy: (task['decided_by'] as string | null) ?? null,
          onBehalfOf: (task['on_behalf_of'] as string | null) ?? null,
          comment: (task['comment'] as string | null) ?? null,
          at: isoOrNull(task['closed_at'] as Date | null),
        })),
        policyEvaluations: steps
          .filter((s: Record<string, unknown>) => nodes.get(String(s['node_id']))?.type.startsWith('policy.') && s['status'] === 'succeeded')
          .map((s: Record<string, unknown>) => {
            const node = nodes.get(String(s['node_id']));
            return { nodeId: String(s['node_id']), label: node?.label ?? '', type: node?.type ?? '', port: (s['port'] as string | null) ?? null, output: s['output'] ?? null };
          }),
        audit: {
          segment,
          head: { seq: headEvent?.seq ?? 0, hash: headEvent?.hash ?? '0'.repeat(64) },
          verifiedAtGeneration: { ok: verified.ok, checked: verified.checked, ...(verified.firstBadSeq === undefined ? {} : { firstBadSeq: verified.firstBadSeq }) },
        },
      };
    },
  };
}
