import { z } from 'zod';
import { EditVersionRequestSchema, LintRequestSchema, LintResponseSchema, RejectRequestSchema, ReviewRequestSchema, VersionCreatedSchema, VersionDiffSchema, VersionSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const VersionParams = z.object({ id: z.string().min(1).max(100), version: z.coerce.number().int().min(1) });
const DiffParams = z.object({ id: z.string().min(1).max(100), a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1) });
const IdParams = z.object({ id: z.string().min(1).max(100) });

/** The four-eyes lifecycle of versions, their diff, and the control lint. */
export function versionRoutes(services: ApiServices): Route[] {
  const { versions, workflows } = services;
  const after = async (user: { id: string; tenantId: string }, id: string, version: number) => workflows.getVersion(user, id, version);
  return [
    defineRoute({
      operationId: 'editVersion',
      method: 'put',
      path: '/api/workflows/:id/versions/:version',
      auth: true,
      permission: 'version.submit',
      tag: 'versions',
      summary: 'Replace the graph of a version still in draft (a submitted version is immutable: 409)',
      params: VersionParams,
      body: EditVersionRequestSchema,
      status: 200,
      response: VersionCreatedSchema,
      handle: ({ user, params, body }) => versions.edit(user, params.id, params.version, body.graph),
    }),
    defineRoute({
      operationId: 'submitVersion',
      method: 'post',
      path: '/api/workflows/:id/versions/:version/submit',
      auth: true,
      permission: 'version.submit',
      tag: 'versions',
      summary: 'Submit a draft version for review; the control lint runs and an error finding blocks (422)',
      params: VersionParams,
      status: 200,
      response: VersionSchema,
      handle: async ({ user, params }) => {
        await versions.submit(user, params.id, params.version);
        return after(user, params.id, params.version);
      },
    }),
    defineRoute({
      operationId: 'approveVersion',
      method: 'post',
      path: '/api/workflows/:id/versions/:version/approve',
      auth: true,
      permission: 'version.review',
      tag: 'versions',
      summary: 'Approve a version in review; never by its author or submitter (403, recorded)',
      params: VersionParams,
      body: ReviewRequestSchema,
      status: 200,
      response: VersionSchema,
      handle: async ({ user, params, body }) => {
        await versions.approve(user, params.id, params.version, body.comment || null);
        return after(user, params.id, params.version);
      },
    }),
    defineRoute({
      operationId: 'rejectVersion',
      method: 'post',
      path: '/api/workflows/:id/versions/:version/reject',
      auth: true,
      permission: 'version.review',
      tag: 'versions',
      summary: 'Reject a version in review, saying why',
      params: VersionParams,
      body: RejectRequestSchema,
      status: 200,
      response: VersionSchema,
      handle: async ({ user, params, body }) => {
        await versions.reject(user, params.id, params.version, body.comment);
        return after(user, params.id, params.version);
      },
    }),
    defineRoute({
      operationId: 'publishVersion',
      method: 'post',
      path: '/api/workflows/:id/versions/:version/publish',
      auth: true,
      permission: 'version.publish',
      tag: 'versions',
      summary: 'Publish an approved version: production runs and webhooks use it from now on; running instances keep theirs',
      params: VersionParams,
      status: 200,
      response: VersionSchema,
      handle: async ({ user, params }) => {
        await versions.publish(user, params.id, params.version);
        return after(user, params.id, params.version);
      },
    }),
    defineRoute({
      operationId: 'diffVersions',
      method: 'get',
      path: '/api/workflows/:id/versions/:a/diff/:b',
      auth: true,
      permission: 'workflow.read',
      tag: 'versions',
      summary: 'What changed from version a to version b: nodes (with config paths), edges, settings; layout-only changes marked',
      params: DiffParams,
      status: 200,
      response: VersionDiffSchema,
      handle: ({ user, params }) => versions.diff(user, params.id, params.a, params.b),
    }),
    defineRoute({
      operationId: 'lintWorkflow',
      method: 'post',
      path: '/api/workflows/:id/lint',
      auth: true,
      permission: 'workflow.read',
      tag: 'versions',
      summary: 'Control lint of a graph (the saved draft when none is sent): findings { code, severity, nodeId, message }',
      params: IdParams,
      body: LintRequestSchema,
      status: 200,
      response: LintResponseSchema,
      handle: async ({ user, params, body }) => {
        const findings = await versions.lint(user, params.id, body.graph);
        return { findings, blocking: findings.some((f) => f.severity === 'error') };
      },
    }),
  ];
}
