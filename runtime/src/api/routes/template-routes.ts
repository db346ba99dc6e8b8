import { z } from 'zod';
import {
  InstantiateTemplateRequestSchema,
  PublishTemplateRequestSchema,
  TemplateDetailSchema,
  TemplateListSchema,
  UpgradeTemplateRequestSchema,
  UpgradeTemplateResponseSchema,
  WorkflowSchema,
  WorkflowTemplateResponseSchema,
} from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** Templates: partners publish them to their clients; clients instantiate and upgrade them. */
export function templateRoutes(services: ApiServices): Route[] {
  const { templates } = services;
  return [
    defineRoute({
      operationId: 'publishTemplate',
      method: 'post',
      path: '/api/templates',
      auth: true,
      permission: 'tenant.manage',
      tag: 'templates',
      summary: "Publish a published version of one of your partner tenant's workflows as a template (or, with templateId, its next version) to all or chosen clients",
      body: PublishTemplateRequestSchema,
      status: 201,
      response: TemplateDetailSchema,
      handle: ({ user, body }) => templates.publish(user, body),
    }),
    defineRoute({
      operationId: 'listTemplates',
      method: 'get',
      path: '/api/templates',
      auth: true,
      permission: 'workflow.read',
      tag: 'templates',
      summary: "A partner's own templates; for a client, those its partner published to all clients or to it",
      status: 200,
      response: TemplateListSchema,
      handle: ({ user }) => templates.list(user),
    }),
    defineRoute({
      operationId: 'getTemplate',
      method: 'get',
      path: '/api/templates/:id',
      auth: true,
      permission: 'workflow.read',
      tag: 'templates',
      summary: 'A template (latest version) with its graph, {{param:<name>}} placeholders in place',
      params: IdParams,
      status: 200,
      response: TemplateDetailSchema,
      handle: ({ user, params }) => templates.get(user, params.id),
    }),
    defineRoute({
      operationId: 'instantiateTemplate',
      method: 'post',
      path: '/api/templates/:id/instantiate',
      auth: true,
      permission: 'workflow.write',
      tag: 'templates',
      summary: 'Create a workflow in your (client) tenant from a template with these parameters (422 with issues per parameter); its draft goes through your own review',
      params: IdParams,
      body: InstantiateTemplateRequestSchema,
      status: 201,
      response: WorkflowSchema,
      handle: ({ user, params, body }) => templates.instantiate(user, params.id, body),
    }),
    defineRoute({
      operationId: 'getWorkflowTemplate',
      method: 'get',
      path: '/api/workflows/:id/template',
      auth: true,
      permission: 'workflow.read',
      tag: 'templates',
      summary: 'Which template, version and parameters a workflow came from (origin null when none), and whether a newer version exists',
      params: IdParams,
      status: 200,
      response: WorkflowTemplateResponseSchema,
      handle: async ({ user, params }) => ({ origin: await templates.origin(user, params.id) }),
    }),
    defineRoute({
      operationId: 'upgradeWorkflowTemplate',
      method: 'post',
      path: '/api/workflows/:id/template/upgrade',
      auth: true,
      permission: 'workflow.write',
      tag: 'templates',
      summary: "Re-instantiate a newer template version (latest by default) with the kept parameters into the workflow's draft; returns the diff (preview: true changes nothing)",
      params: IdParams,
      body: UpgradeTemplateRequestSchema,
      status: 200,
      response: UpgradeTemplateResponseSchema,
      handle: ({ user, params, body }) => templates.upgrade(user, params.id, body),
    }),
  ];
}
