import type { NodeRegistry } from '@countersign/shared';
import type { TenantDb } from '../db/tenant-db.ts';
import { readStoredGraph } from '../services/graph-rules.ts';

/** A version that names a credential in one of its nodes. */
export interface CredentialUse {
  workflowId: string;
  workflowName: string;
  version: number;
  /** published (live), in_review or approved, or another status with runs still going. */
  status: string;
  nodeId: string;
}

/**
 * The versions that still need a credential: the live published version of each workflow, versions in
 * review or approved (about to go live), and any version with runs not yet finished (a waiting run
 * resumes on its own version). A node names the credential, by id or by name, in one of its node
 * type's `credentialFields`.
 */
export async function credentialUses(db: TenantDb, registry: NodeRegistry, credential: { id: string; name: string }): Promise<CredentialUse[]> {
  const rows: { workflow_id: string; name: string; version: number; status: string; graph: unknown }[] = await db
    .table('workflow_versions as v')
    .join('workflows as w', 'w.id', 'v.workflow_id')
    .where((q) =>
      q
        .whereIn('v.status', ['in_review', 'approved'])
        .orWhereRaw('w.published_version = v.version')
        .orWhereExists((runs) =>
          runs.select(db.db.raw('1')).from('runs as r').whereRaw('r.workflow_id = v.workflow_id AND r.version = v.version').whereIn('r.status', ['queued', 'running', 'waiting']),
        ),
    )
    .orderBy([{ column: 'w.name' }, { column: 'v.version' }])
    .select('v.workflow_id', 'w.name', 'v.version', 'v.status', 'v.graph');
  const names = new Set([credential.id, credential.name]);
  const uses: CredentialUse[] = [];
  for (const row of rows) {
    for (const node of readStoredGraph(row.graph).nodes) {
      const fields = registry.get(node.type, node.typeVersion)?.credentialFields ?? [];
      const config = node.config;
      if (fields.some((field) => typeof config[field] === 'string' && names.has(config[field]))) {
        uses.push({ workflowId: row.workflow_id, workflowName: row.name, version: row.version, status: row.status, nodeId: node.id });
      }
    }
  }
  return uses;
}
