import type { ApiServices } from './api-services.ts';
import type { Route } from './route.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { authorityRoutes } from './routes/authority-routes.ts';
import { credentialRoutes } from './routes/credential-routes.ts';
import { embedRoutes } from './routes/embed-routes.ts';
import { hookRoutes } from './routes/hook-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { taskRoutes } from './routes/task-routes.ts';
import { tenantRoutes } from './routes/tenant-routes.ts';
import { templateRoutes } from './routes/template-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { brandingRoutes } from './routes/branding-routes.ts';
import { versionRoutes } from './routes/version-routes.ts';
import { systemRoutes } from './routes/system-routes.ts';
import { workflowRoutes } from './routes/workflow-routes.ts';

/** The route table: every HTTP route of the API, registered with Express and described in OpenAPI from this one list. */
export function createRouteTable(services: ApiServices): Route[] {
  return [...systemRoutes(services), ...workflowRoutes(services), ...runRoutes(services), ...hookRoutes(services), ...authorityRoutes(services), ...taskRoutes(services), ...versionRoutes(services), ...auditRoutes(services), ...credentialRoutes(services), ...apiKeyRoutes(services), ...tenantRoutes(services), ...embedRoutes(services), ...templateRoutes(services), ...brandingRoutes(services)];
}
