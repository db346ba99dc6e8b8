import type { Knex } from 'knex';
import type { NodeRegistry, TemplateDetailDto, TemplateListDto, UpgradeTemplateResponseDto, WorkflowDto, WorkflowTemplateOriginDto } from '@countersign/shared';
import type { AuthorityActor } from '../services/authority-service.ts';
import { createWorkflowsService } from '../services/workflows-service.ts';
import { instantiateTemplate } from './instantiate-template.ts';
import { publishTemplate, type PublishTemplateInput } from './publish-template.ts';
import { audienceViewer, requireVisibleTemplate, scopeToViewer, viewerOf } from './template-access.ts';
import { selectTemplateVersions, toTemplate, toTemplateDetail, type TemplateRow } from './template-rows.ts';
import { upgradeFromTemplate, workflowOrigin } from './upgrade-template.ts';

/** Templates a partner publishes to its clients, instantiated by clients into drafts that go through their own review. */
export interface TemplatesService {
  /** Publishes a published version of one of the partner's workflows as a template (or its next version). */
  publish(actor: AuthorityActor, input: PublishTemplateInput): Promise<TemplateDetailDto>;
  /** The partner's own templates, or those a client was given; nothing for a standalone tenant. */
  list(actor: AuthorityActor): Promise<TemplateListDto>;
  /** One template (latest version) with its graph; 404 when the actor may not see it. */
  get(actor: AuthorityActor, templateId: string): Promise<TemplateDetailDto>;
  /** A new workflow in the client's tenant whose draft is the template with these parameters. */
  instantiate(actor: AuthorityActor, templateId: string, input: { parameters: Record<string, unknown>; name?: string | undefined }): Promise<WorkflowDto>;
  /** Where a workflow came from (null when not from a template). */
  origin(actor: AuthorityActor, workflowId: string): Promise<WorkflowTemplateOriginDto | null>;
  /** Moves the workflow's draft to a newer template version with the kept parameters; returns the diff. */
  upgrade(actor: AuthorityActor, workflowId: string, input: { version?: number | undefined; preview: boolean; parameters?: Record<string, unknown> | undefined }): Promise<UpgradeTemplateResponseDto>;
}

/** Creates the templates service. */
export function createTemplatesService(knex: Knex, registry: NodeRegistry): TemplatesService {
  const workflows = createWorkflowsService(knex, registry);

  const get = async (actor: AuthorityActor, templateId: string): Promise<TemplateDetailDto> => {
    const viewer = await viewerOf(knex, actor.tenantId);
    return toTemplateDetail(await requireVisibleTemplate(knex, viewer, templateId, { withGraph: true }), audienceViewer(viewer));
  };

  return {
    async publish(actor, input) {
      return get(actor, await publishTemplate(knex, actor, input));
    },

    async list(actor) {
      const viewer = await viewerOf(knex, actor.tenantId);
      const rows: TemplateRow[] = await scopeToViewer(selectTemplateVersions(knex, { withGraph: false }), viewer).orderBy([{ column: 't.category' }, { column: 't.name' }, { column: 't.id' }]);
      return { items: rows.map((row) => toTemplate(row, audienceViewer(viewer))), viewer: viewer.kind };
    },

    get,

    async instantiate(actor, templateId, input) {
      return workflows.get(actor, await instantiateTemplate(knex, registry, actor, templateId, input));
    },

    origin: (actor, workflowId) => workflowOrigin(knex, actor, workflowId),

    upgrade: (actor, workflowId, input) => upgradeFromTemplate(knex, registry, actor, workflowId, input),
  };
}
