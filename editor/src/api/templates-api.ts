import {
  TemplateDetailSchema,
  TemplateListSchema,
  TenantListSchema,
  UpgradeTemplateResponseSchema,
  WorkflowSchema,
  WorkflowTemplateResponseSchema,
  type PublishTemplateRequest,
} from '@countersign/shared';
import type { Transport } from './transport.ts';

/** Templates: the gallery, publishing (partner admins), instantiating and upgrading (client designers). */
export function templatesApi({ request }: Transport) {
  const id = encodeURIComponent;
  return {
    /** The templates the user's tenant may see, and whether it looks as a partner or a client. */
    listTemplates: () => request('GET', '/api/templates', TemplateListSchema),
    /** One template with its graph. */
    getTemplate: (templateId: string) => request('GET', `/api/templates/${id(templateId)}`, TemplateDetailSchema),
    /** Publishes a published version of one of the partner's workflows as a template (or its next version). */
    publishTemplate: (body: PublishTemplateRequest) => request('POST', '/api/templates', TemplateDetailSchema, body),
    /** A new workflow from a template; 422 with issues at `body.parameters.<name>` for invalid values. */
    instantiateTemplate: (templateId: string, body: { parameters: Record<string, unknown>; name?: string }) =>
      request('POST', `/api/templates/${id(templateId)}/instantiate`, WorkflowSchema, body),
    /** Which template a workflow came from (null when none) and whether a newer version exists. */
    getWorkflowTemplate: async (workflowId: string) => (await request('GET', `/api/workflows/${id(workflowId)}/template`, WorkflowTemplateResponseSchema)).origin,
    /** Moves the draft to a newer template version with the kept parameters (`preview` changes nothing); returns the diff. */
    upgradeWorkflowTemplate: (workflowId: string, body: { version?: number; preview?: boolean }) =>
      request('POST', `/api/workflows/${id(workflowId)}/template/upgrade`, UpgradeTemplateResponseSchema, body),
    /** A partner's client tenants (to choose a template's audience). */
    listClientTenants: async () => (await request('GET', '/api/tenants', TenantListSchema)).items,
  };
}
