import type { Auth } from '../auth/auth.ts';
import type { TenantsService } from '../tenants/tenants-service.ts';
import type { TemplatesService } from '../templates/templates-service.ts';
import type { BrandingService } from '../branding/index.ts';
import type { ApiKeysService } from '../api-keys/api-keys-service.ts';
import type { NodeTypeInfo } from '@countersign/shared';
import type { TasksService } from '../approvals/tasks-service.ts';
import type { AuditService } from '../audit/audit-service.ts';
import type { CredentialService } from '../credentials/index.ts';
import type { EmbedKeysService } from '../embed/index.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
import type { VersionLifecycleService } from '../services/version-lifecycle-service.ts';
import type { AuthorityService } from '../services/authority-service.ts';
import type { RunsService } from '../services/runs-service.ts';
import type { WebhooksService } from '../services/webhooks-service.ts';
import type { WorkflowsService } from '../services/workflows-service.ts';

/** The services the route handlers call (the transport holds no logic of its own). */
export interface ApiServices {
  dialect: 'pglite' | 'postgres';
  auth: Auth;
  tenants: TenantsService;
  templates: TemplatesService;
  branding: BrandingService;
  workflows: WorkflowsService;
  runs: RunsService;
  webhooks: WebhooksService;
  authority: AuthorityService;
  tasks: TasksService;
  versions: VersionLifecycleService;
  audit: AuditService;
  evidence: EvidenceService;
  credentials: CredentialService;
  apiKeys: ApiKeysService;
  embedKeys: EmbedKeysService;
  nodeTypes: { list(): NodeTypeInfo[] };
  /** The OpenAPI document of the route table. */
  openApi(): Record<string, unknown>;
}
