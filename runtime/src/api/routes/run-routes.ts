import { z } from 'zod';
import { RUN_STATUSES, RunEventSchema, RunListSchema, RunSchema, RunStartedSchema, StartRunRequestSchema } from '@countersign/shared';
import { MAX_EVENTS_PER_READ } from '../../services/run-events.ts';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });
const RunListQuery = z.object({
  workflowId: z.string().min(1).max(100).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const EventsQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_EVENTS_PER_READ).default(MAX_EVENTS_PER_READ),
});

/** Starting, reading, following and cancelling runs. */
export function runRoutes(services: ApiServices): Route[] {
  const { runs } = services;
  return [
    defineRoute({
      operationId: 'startRun',
      method: 'post',
      path: '/api/workflows/:id/runs',
      auth: true,
      permission: 'run.start',
      tag: 'runs',
      summary: 'Queue a manual run of a version (the latest when omitted)',
      params: IdParams,
      body: StartRunRequestSchema,
      status: 202,
      response: RunStartedSchema,
      handle: ({ user, params, body }) => runs.start(user, params.id, body),
    }),
    defineRoute({
      operationId: 'listRuns',
      method: 'get',
      path: '/api/runs',
      auth: true,
      permission: 'run.read',
      tag: 'runs',
      summary: 'Runs of your tenant, newest first, optionally of one workflow or status',
      query: RunListQuery,
      status: 200,
      response: RunListSchema,
      handle: async ({ user, query }) => ({ items: await runs.list(user, query) }),
    }),
    defineRoute({
      operationId: 'getRun',
      method: 'get',
      path: '/api/runs/:id',
      auth: true,
      permission: 'run.read',
      tag: 'runs',
      summary: 'A run with its steps in execution order',
      params: IdParams,
      status: 200,
      response: RunSchema,
      handle: ({ user, params }) => runs.get(user, params.id),
    }),
    defineRoute({
      operationId: 'listRunEvents',
      method: 'get',
      path: '/api/runs/:id/events',
      auth: true,
      permission: 'run.read',
      tag: 'runs',
      summary: 'Events of a run after a sequence number, in order (page on with the last seq)',
      params: IdParams,
      query: EventsQuery,
      status: 200,
      response: z.object({ items: z.array(RunEventSchema) }),
      handle: async ({ user, params, query }) => ({ items: await runs.events(user, params.id, query.afterSeq, query.limit) }),
    }),
    defineRoute({
      operationId: 'cancelRun',
      method: 'post',
      path: '/api/runs/:id/cancel',
      auth: true,
      permission: 'run.cancel',
      tag: 'runs',
      summary: 'Cancel a run: `cancelled` at once, or `running` while its worker stops the current step',
      params: IdParams,
      status: 202,
      response: z.object({ status: z.enum(RUN_STATUSES) }),
      handle: async ({ user, params }) => ({ status: await runs.cancel(user, params.id) }),
    }),
  ];
}
