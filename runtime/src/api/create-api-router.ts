import express from 'express';
import { lintGraph } from '@countersign/nodes';
import { createTasksService } from '../approvals/tasks-service.ts';
import { createTenantsService } from '../tenants/tenants-service.ts';
import { createTemplatesService } from '../templates/templates-service.ts';
import { createBrandingService } from '../branding/index.ts';
import { createApiKeysService } from '../api-keys/api-keys-service.ts';
import { createAuditService } from '../audit/audit-service.ts';
import { createCredentialService } from '../credentials/index.ts';
import { createEmbedKeysService, withEmbedRestrictions } from '../embed/index.ts';
import { createEvidenceService } from '../evidence/evidence-service.ts';
import { createVersionLifecycleService } from '../services/version-lifecycle-service.ts';
import { createDemoErpRouter } from '../seed/demo-erp.ts';
import { createAuthorityService } from '../services/authority-service.ts';
import { createNodeTypesService } from '../services/node-types-service.ts';
import { createRunsService } from '../services/runs-service.ts';
import { createWebhooksService } from '../services/webhooks-service.ts';
import { createWorkflowsService } from '../services/workflows-service.ts';
import type { ApiDeps } from './api-deps.ts';
import type { ApiServices } from './api-services.ts';
import { errorHandler, notFound } from './http-errors.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { registerRoutes } from './register-routes.ts';
import { correlate } from '../audit/correlation.ts';
import { requestLog } from './request-log.ts';
import { createRouteTable } from './route-table.ts';

/** The API (`/api/...`), webhooks (`/hooks/...`) and the demo ERP inbox, as one mountable router. */
export function createApiRouter(deps: ApiDeps): express.Router {
  const { knex, engine, registry, auth, log } = deps;
  let openApi: Record<string, unknown> | undefined;
  const audit = createAuditService(knex);
  const services: ApiServices = {
    dialect: deps.dialect,
    auth,
    workflows: createWorkflowsService(knex, registry),
    runs: createRunsService(knex, engine),
    webhooks: createWebhooksService(knex, engine, deps.credentials),
    authority: createAuthorityService(knex),
    tasks: createTasksService(knex, deps.notifier, () => engine.notify()),
    versions: createVersionLifecycleService(knex, registry, (graph) => lintGraph(graph, registry)),
    audit,
    evidence: createEvidenceService(knex, audit),
    credentials: createCredentialService(knex, deps.credentials, registry),
    apiKeys: createApiKeysService(knex),
    embedKeys: createEmbedKeysService(knex, deps.credentials),
    tenants: createTenantsService(knex),
    templates: createTemplatesService(knex, registry),
    branding: createBrandingService(knex),
    nodeTypes: createNodeTypesService(registry),
    openApi: () => (openApi ??= buildOpenApiDocument(routes, { title: 'Countersign runtime API', version: '0.1.0' })),
  };
  const routes = withEmbedRestrictions(createRouteTable(services), { knex, workflows: services.workflows, registry });

  const router = express.Router();
  router.use(correlate);
  router.use(requestLog(log));
  registerRoutes(router, routes, auth, knex);
  router.use(createDemoErpRouter());
  router.use(['/api', '/hooks'], notFound);
  router.use(errorHandler(log));
  return router;
}
