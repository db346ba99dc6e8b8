import type { IncomingHttpHeaders } from 'node:http';
import type { Knex } from 'knex';
import { CountersignError } from '@countersign/shared';
import type { Engine } from '../engine/engine.ts';
import type { CredentialStore } from '../credentials/index.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { asSystem, withTenants } from '../db/tenant-scope.ts';
import { readStoredGraph } from './graph-rules.ts';
import { claimDelivery, recordDeliveryRun, releaseDelivery } from './webhook-deliveries.ts';
import { checkWebhookSignature } from './webhook-signature-check.ts';
import { normalisePath, webhookTargets, type WebhookTarget } from './webhook-targets.ts';

/** An incoming webhook call. */
export interface WebhookCall {
  workflowId: string;
  method: string;
  /** The part of the URL after /hooks/<workflowId>/ ('' for none). */
  path: string;
  body: unknown;
  /** Headers and body bytes as received (signed triggers check them). */
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

/**
 * Starts runs from webhook calls: the workflow id identifies the tenant; no bearer token is involved.
 * A trigger with a signing secret takes only correctly signed calls, and a replayed webhook-id gets
 * the run of its first delivery.
 */
export interface WebhooksService {
  start(call: WebhookCall): Promise<{ runId: string }>;
}

const MAX_CACHED = 500;

/** Creates the webhooks service. */
export function createWebhooksService(knex: Knex, engine: Engine, credentials: CredentialStore): WebhooksService {
  // Versions are immutable, so the triggers of a hash never change.
  const targetsByHash = new Map<string, WebhookTarget[]>();

  const targetsOf = async (workflowId: string, version: number, hash: string): Promise<WebhookTarget[]> => {
    const cached = targetsByHash.get(hash);
    if (cached) return cached;
    const row = await knex('workflow_versions').where({ workflow_id: workflowId, version }).first<{ graph: unknown }>('graph');
    const targets = webhookTargets(readStoredGraph(row?.graph));
    if (targetsByHash.size >= MAX_CACHED) targetsByHash.delete(targetsByHash.keys().next().value as string);
    targetsByHash.set(hash, targets);
    return targets;
  };

  return {
    async start(call) {
      // The workflow id is what names the tenant (system lookup); the rest runs in that tenant's scope.
      const workflow = await asSystem(() => knex('workflows').where({ id: call.workflowId }).first<{ tenant_id: string } | undefined>('tenant_id'));
      if (!workflow) throw new CountersignError('NOT_FOUND', 'No workflow has this webhook URL');
      return withTenants([workflow.tenant_id], () => startIn(workflow.tenant_id, call));
    },
  };

  async function startIn(tenantId: string, call: WebhookCall): Promise<{ runId: string }> {
    // Webhooks are production: only the published (live) version receives them.
    const latest = await tenantDb(knex, tenantId)
      .table('workflow_versions as v')
      .join('workflows as w', function live() {
        this.on('w.id', '=', 'v.workflow_id').andOn('w.published_version', '=', 'v.version');
      })
      .where({ 'v.workflow_id': call.workflowId })
      .first<{ version: number; hash: string } | undefined>('v.version', 'v.hash');
    if (!latest) throw new CountersignError('CONFLICT', 'This workflow has no published version: webhooks reach only a version that was reviewed and published');
    const targets = await targetsOf(call.workflowId, latest.version, latest.hash);
    if (targets.length === 0) throw new CountersignError('CONFLICT', 'The published version of this workflow has no webhook trigger');
    const path = normalisePath(call.path);
    const target = targets.find((candidate) => candidate.method === call.method.toUpperCase() && candidate.path === path);
    if (!target) {
      const listening = targets.map((t) => `${t.method} /hooks/${call.workflowId}${t.path === '' ? '' : `/${t.path}`}`).join(', ');
      throw new CountersignError('NOT_FOUND', `No webhook trigger of this workflow listens for ${call.method.toUpperCase()} ${path === '' ? 'at its bare URL' : `/${path}`}; it listens for ${listening}`);
    }
    const start = async (): Promise<string> =>
      (await engine.startRun({ tenantId: tenantId, workflowId: call.workflowId, version: latest.version, input: call.body ?? null, trigger: 'webhook', triggerNodeId: target.nodeId, requestedBy: null })).runId;
    if (target.signatureSecret === undefined) return { runId: await start() };

    const webhookId = await checkWebhookSignature(credentials, { tenantId: tenantId, secretRef: target.signatureSecret, headers: call.headers, rawBody: call.rawBody });
    const delivery = { tenantId: tenantId, workflowId: call.workflowId, webhookId };
    const claim = await claimDelivery(knex, delivery);
    if (claim.kind === 'replay') {
      if (claim.runId === null) throw new CountersignError('CONFLICT', 'A delivery with this webhook-id is still being accepted; retry shortly');
      return { runId: claim.runId };
    }
    try {
      const runId = await start();
      await recordDeliveryRun(knex, delivery, runId);
      return { runId };
    } catch (error) {
      await releaseDelivery(knex, delivery);
      throw error;
    }
  }
}
