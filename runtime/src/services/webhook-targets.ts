import type { Graph } from '@countersign/shared';

/** What a webhook trigger of a version listens for. */
export interface WebhookTarget {
  nodeId: string;
  method: string;
  /** Sub-path under /hooks/<workflowId>/ without slashes at the ends; '' for the bare URL. */
  path: string;
  signatureSecret: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The webhook triggers of a graph with their method (POST by default) and path. */
export function webhookTargets(graph: Graph): WebhookTarget[] {
  return graph.nodes
    .filter((node) => node.type === 'trigger.webhook')
    .map((node) => ({
      nodeId: node.id,
      method: (text(node.config['method']) ?? 'POST').toUpperCase(),
      path: normalisePath(text(node.config['path']) ?? ''),
      signatureSecret: text(node.config['signatureSecret']),
    }));
}

/** `/a/b/` and `a/b` are the same sub-path. */
export function normalisePath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
