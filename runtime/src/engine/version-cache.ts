import type { Knex } from 'knex';
import { CountersignError, GraphSchema, migrateGraph, type NodeRegistry } from '@countersign/shared';
import { compileGraph, type RunGraph } from './run-graph.ts';

/** Compiled graphs by version hash: versions are immutable, so a hash never needs reloading. */
export class VersionCache {
  private readonly graphs = new Map<string, Promise<RunGraph>>();

  constructor(
    private readonly knex: Knex,
    private readonly registry: NodeRegistry,
    private readonly max = 500,
  ) {}

  /** The compiled graph of a workflow version. */
  get(workflowId: string, version: number, hash: string): Promise<RunGraph> {
    let graph = this.graphs.get(hash);
    if (!graph) {
      graph = this.load(workflowId, version, hash);
      graph.catch(() => this.graphs.delete(hash));
      if (this.graphs.size >= this.max) this.graphs.delete(this.graphs.keys().next().value as string);
      this.graphs.set(hash, graph);
    }
    return graph;
  }

  private async load(workflowId: string, version: number, hash: string): Promise<RunGraph> {
    const row = await this.knex('workflow_versions').where({ workflow_id: workflowId, version }).first<{ graph: unknown; hash: string } | undefined>('graph', 'hash');
    if (!row) throw new CountersignError('NOT_FOUND', `Version ${version} of workflow ${workflowId} does not exist`);
    if (row.hash !== hash) throw new CountersignError('INTERNAL', `Version ${version} of workflow ${workflowId} has hash ${row.hash}, the run expects ${hash}`);
    return compileGraph(GraphSchema.parse(migrateGraph(row.graph)), hash, this.registry);
  }
}
