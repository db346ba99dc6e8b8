import type { Knex } from 'knex';
import { GraphSchema, type ChainDecisionDto, type PolicyResultDto, type TaskDetailDto } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import { iso } from '../services/row-values.ts';

/** What an approver needs to decide: the run's input, policy outcomes and earlier decisions. */
export async function taskEvidence(db: Knex, tenantId: string, runId: string, nodeId: string): Promise<TaskDetailDto['evidence']> {
  const view = tenantDb(db, tenantId);
  const run = await view.table('runs').where({ id: runId }).first<{
    id: string;
    status: string;
    workflow_id: string;
    version: number;
    version_hash: string;
    input: unknown;
    requested_by: string | null;
    created_at: Date | string;
  }>('id', 'status', 'workflow_id', 'version', 'version_hash', 'input', 'requested_by', 'created_at');
  const version = await view.table('workflow_versions').where({ workflow_id: run.workflow_id, version: run.version }).first<{ graph: unknown }>('graph');
  const nodes = new Map(GraphSchema.parse(version.graph).nodes.map((node) => [node.id, node]));
  const steps: { node_id: string; status: string; port: string | null; input: unknown; output: unknown; position: number }[] = await view.table('run_steps')
    .where({ run_id: runId })
    .orderBy('position')
    .select('node_id', 'status', 'port', 'input', 'output', 'position');
  const policyResults: PolicyResultDto[] = steps
    .filter((step) => nodes.get(step.node_id)?.type.startsWith('policy.') && (step.status === 'succeeded' || step.status === 'failed'))
    .map((step) => {
      const node = nodes.get(step.node_id);
      return { nodeId: step.node_id, label: node?.label ?? step.node_id, type: node?.type ?? '', port: step.port, output: step.output };
    });
  const decided: { id: string; node_id: string; level: number; decision: 'approve' | 'reject'; decided_by: string; name: string | null; on_behalf_of: string | null; comment: string | null; closed_at: Date | string }[] =
    await view.table('approval_tasks as t')
      .leftJoin('users as u', 'u.id', 't.decided_by')
      .where({ 't.run_id': runId })
      .whereNotNull('t.decision')
      .orderBy('t.closed_at')
      .select('t.id', 't.node_id', 't.level', 't.decision', 't.decided_by', 'u.name', 't.on_behalf_of', 't.comment', 't.closed_at');
  const decisions: ChainDecisionDto[] = decided.map((row) => ({
    taskId: row.id,
    nodeId: row.node_id,
    level: row.level,
    decision: row.decision,
    decidedBy: row.decided_by,
    decidedByName: row.name ?? row.decided_by,
    onBehalfOf: row.on_behalf_of,
    comment: row.comment,
    at: iso(row.closed_at),
  }));
  return {
    input: run.input,
    stepInput: steps.find((step) => step.node_id === nodeId)?.input ?? null,
    policyResults,
    decisions,
    run: { id: run.id, status: run.status, version: run.version, versionHash: run.version_hash, requestedBy: run.requested_by, createdAt: iso(run.created_at) },
  };
}
