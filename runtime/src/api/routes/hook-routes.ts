import { z } from 'zod';
import { RunStartedSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type HttpMethod, type Route } from '../route.ts';

const HookParams = z.object({ workflowId: z.string().min(1).max(100) });
const HookPathParams = HookParams.extend({
  path: z.string().max(2000).meta({ description: 'Sub-path configured on the webhook trigger, e.g. invoices/received' }),
});
const HookBody = z.unknown().meta({ description: 'Any JSON value: it becomes the run input' });

/**
 * Webhooks: no bearer token (the workflow id in the URL identifies the tenant). A call starts a run of
 * the latest version at the webhook trigger listening for the method and path. A trigger with a signing
 * secret takes only Standard Webhooks signed calls (401 otherwise); a replayed webhook-id answers with
 * the run of its first delivery.
 */
export function hookRoutes(services: ApiServices): Route[] {
  const hook = (method: HttpMethod & ('post' | 'put'), withPath: boolean): Route => {
    const summary = `Start a run of the latest version at its ${method.toUpperCase()} webhook trigger${withPath ? ' for this sub-path' : ''}; the JSON body is the input`;
    const common = { method, auth: false as const, tag: 'webhooks', summary, body: HookBody, status: 202 as const, response: RunStartedSchema };
    const verb = method === 'post' ? 'Post' : 'Put';
    return withPath
      ? defineRoute({
          ...common,
          operationId: `callWebhook${verb}WithPath`,
          path: '/hooks/:workflowId/*path',
          params: HookPathParams,
          handle: ({ params, body, raw }) => services.webhooks.start({ workflowId: params.workflowId, method, path: params.path, body, headers: raw.headers, rawBody: raw.body }),
        })
      : defineRoute({
          ...common,
          operationId: `callWebhook${verb}`,
          path: '/hooks/:workflowId',
          params: HookParams,
          handle: ({ params, body, raw }) => services.webhooks.start({ workflowId: params.workflowId, method, path: '', body, headers: raw.headers, rawBody: raw.body }),
        });
  };
  return [hook('post', false), hook('post', true), hook('put', false), hook('put', true)];
}
