import type { Knex } from 'knex';
import { CountersignError, type EmbedRestrictions, type NodeRegistry, type UserDto } from '@countersign/shared';
import type { Route, RouteInput } from '../api/route.ts';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import type { WorkflowsService } from '../services/workflows-service.ts';
import { assertAllowedNodes, disallowedNodes } from './node-categories.ts';

/** What the checks read: stored graphs a save is compared with, node categories, and the audit trail. */
export interface RestrictionDeps {
  knex: Knex;
  workflows: Pick<WorkflowsService, 'get' | 'getVersion'>;
  registry: NodeRegistry;
}

type Input = RouteInput<unknown, unknown, unknown, boolean> & { user: UserDto };

/** A field of a parsed params or body object. */
const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** Whether a route changes something: reads are GETs, and POSTs that need only a `.read` permission (the lint). */
export function isMutation(route: Pick<Route, 'method' | 'permission'>): boolean {
  return route.method !== 'get' && !(route.permission?.endsWith('.read') ?? false);
}

/** A route that saves a graph: the graph it saves and the stored one it replaces (undefined for a new workflow). */
type GraphSave = (input: Input, deps: RestrictionDeps) => Promise<{ graph: unknown; baseline: unknown }>;

// Instantiating or upgrading a template is not listed: its graph is the partner's curated one, not the session's.
const GRAPH_SAVES: Record<string, GraphSave> = {
  createWorkflow: async ({ body }) => ({ graph: field(body, 'graph'), baseline: undefined }),
  updateDraft: async ({ user, params, body }, { workflows }) => ({ graph: field(body, 'graph'), baseline: (await workflows.get(user, String(field(params, 'id')))).draft }),
  editVersion: async ({ user, params, body }, { workflows }) => ({
    graph: field(body, 'graph'),
    baseline: (await workflows.getVersion(user, String(field(params, 'id')), Number(field(params, 'version')))).graph,
  }),
  // A new version snapshots the draft: what it adds over the latest version is this session's doing.
  createVersion: async ({ user, params }, { workflows }) => {
    const id = String(field(params, 'id'));
    const workflow = await workflows.get(user, id);
    const baseline = workflow.latestVersion === null ? undefined : (await workflows.getVersion(user, id, workflow.latestVersion)).graph;
    return { graph: workflow.draft, baseline };
  },
};

async function refuseReadOnly(deps: RestrictionDeps, route: Route, user: UserDto): Promise<never> {
  const target = `${route.method.toUpperCase()} ${route.path}`;
  await audited(deps.knex, user.tenantId, async (_trx, record) =>
    record(auditEntry({ actor: userActor(user.id), action: 'access.refused', target: { type: 'route', id: target }, reason: 'read-only embedded session' })),
  );
  throw new CountersignError('FORBIDDEN', 'This embedded session is read-only: it can look but not change anything', { details: { restriction: 'readOnly' } });
}

async function enforce(route: Route, input: Input, restrictions: EmbedRestrictions, deps: RestrictionDeps): Promise<void> {
  if (restrictions.readOnly && isMutation(route)) await refuseReadOnly(deps, route, input.user);
  const save = GRAPH_SAVES[route.operationId];
  if (restrictions.nodeCategories === undefined || save === undefined) return;
  const { graph, baseline } = await save(input, deps);
  assertAllowedNodes(disallowedNodes(graph, baseline, restrictions.nodeCategories, deps.registry));
}

/**
 * The route table with the restrictions of embed tokens enforced: a read-only session gets 403 on
 * every mutating route; a session limited to node categories gets 422 (naming the node) when it saves
 * a graph adding or changing a node of another category. Other callers are not affected.
 */
export function withEmbedRestrictions(routes: readonly Route[], deps: RestrictionDeps): Route[] {
  return routes.map((route): Route => {
    if (!route.auth) return route;
    return {
      ...route,
      async handle(input) {
        const user = input.user;
        if (user?.restrictions) await enforce(route, { ...input, user }, user.restrictions, deps);
        return route.handle(input);
      },
    };
  });
}
