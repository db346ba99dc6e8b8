import { z } from 'zod';
import {
  CreateWorkflowRequestSchema,
  UpdateDraftRequestSchema,
  VersionCreatedSchema,
  VersionListSchema,
  VersionSchema,
  WorkflowListSchema,
  WorkflowSchema,
} from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const WorkflowParams = z.object({ id: z.string().min(1).max(100) });
const VersionParams = WorkflowParams.extend({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

/** Workflows, drafts and versions. */
export function workflowRoutes(services: ApiServices): Route[] {
  const { workflows } = services;
  return [
    defineRoute({
      operationId: 'createWorkflow',
      method: 'post',
      path: '/api/workflows',
      auth: true,
      permission: 'workflow.write',
      tag: 'workflows',
      summary: 'Create a workflow with its first draft (422 with issues when the graph is invalid)',
      body: CreateWorkflowRequestSchema,
      status: 201,
      response: WorkflowSchema,
      handle: ({ user, body }) => workflows.create(user, body),
    }),
    defineRoute({
      operationId: 'listWorkflows',
      method: 'get',
      path: '/api/workflows',
      auth: true,
      permission: 'workflow.read',
      tag: 'workflows',
      summary: 'Workflows of your tenant, newest first, with their latest version and last run status',
      status: 200,
      response: WorkflowListSchema,
      handle: async ({ user }) => ({ items: await workflows.list(user) }),
    }),
    defineRoute({
      operationId: 'getWorkflow',
      method: 'get',
      path: '/api/workflows/:id',
      auth: true,
      permission: 'workflow.read',
      tag: 'workflows',
      summary: 'A workflow with its draft',
      params: WorkflowParams,
      status: 200,
      response: WorkflowSchema,
      handle: ({ user, params }) => workflows.get(user, params.id),
    }),
    defineRoute({
      operationId: 'updateDraft',
      method: 'put',
      path: '/api/workflows/:id/draft',
      auth: true,
      permission: 'workflow.write',
      tag: 'workflows',
      summary: 'Replace the draft (422 with issues when the graph is invalid)',
      params: WorkflowParams,
      body: UpdateDraftRequestSchema,
      status: 200,
      response: WorkflowSchema,
      handle: ({ user, params, body }) => workflows.updateDraft(user, params.id, body.graph),
    }),
    defineRoute({
      operationId: 'createVersion',
      method: 'post',
      path: '/api/workflows/:id/versions',
      auth: true,
      permission: 'workflow.write',
      tag: 'versions',
      summary: 'Save the draft as the next immutable version; returns its number and hash',
      params: WorkflowParams,
      status: 201,
      response: VersionCreatedSchema,
      handle: ({ user, params }) => workflows.createVersion(user, params.id),
    }),
    defineRoute({
      operationId: 'listVersions',
      method: 'get',
      path: '/api/workflows/:id/versions',
      auth: true,
      permission: 'workflow.read',
      tag: 'versions',
      summary: 'Versions of a workflow, newest first (without graphs)',
      params: WorkflowParams,
      status: 200,
      response: VersionListSchema,
      handle: async ({ user, params }) => ({ items: await workflows.listVersions(user, params.id) }),
    }),
    defineRoute({
      operationId: 'getVersion',
      method: 'get',
      path: '/api/workflows/:id/versions/:version',
      auth: true,
      permission: 'workflow.read',
      tag: 'versions',
      summary: 'One version with its graph',
      params: VersionParams,
      status: 200,
      response: VersionSchema,
      handle: ({ user, params }) => workflows.getVersion(user, params.id, params.version),
    }),
  ];
}
