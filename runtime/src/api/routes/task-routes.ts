import { z } from 'zod';
import { DecisionRequestSchema, TaskDetailSchema, TaskListQuerySchema, TaskListSchema, TaskSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** The approval inbox: tasks, their evidence, and decisions. */
export function taskRoutes(services: ApiServices): Route[] {
  const { tasks } = services;
  return [
    defineRoute({
      operationId: 'listTasks',
      method: 'get',
      path: '/api/tasks',
      auth: true,
      permission: 'task.read',
      tag: 'tasks',
      summary: 'Your approval tasks (and those delegated to you); ?status= (default open), ?scope=all for admins and auditors, ?runId=',
      query: TaskListQuerySchema,
      status: 200,
      response: TaskListSchema,
      handle: async ({ user, query }) => ({ items: await tasks.list(user, query) }),
    }),
    defineRoute({
      operationId: 'getTask',
      method: 'get',
      path: '/api/tasks/:id',
      auth: true,
      permission: 'task.read',
      tag: 'tasks',
      summary: "A task with its evidence: the run's input, policy results, duplicate findings and earlier decisions",
      params: IdParams,
      status: 200,
      response: TaskDetailSchema,
      handle: ({ user, params }) => tasks.get(user, params.id),
    }),
    defineRoute({
      operationId: 'decideTask',
      method: 'post',
      path: '/api/tasks/:id/decision',
      auth: true,
      permission: 'task.decide',
      tag: 'tasks',
      summary: 'Approve or reject a task (a rejection needs a comment); repeating the same decision is answered with the decided task',
      params: IdParams,
      body: DecisionRequestSchema,
      status: 200,
      response: TaskSchema,
      handle: ({ user, params, body }) => tasks.decide(user, params.id, body),
    }),
  ];
}
