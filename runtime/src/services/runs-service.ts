import type { Knex } from 'knex';
import { CountersignError, type RunDto, type RunEvent, type RunStatus, type RunSummaryDto } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { Engine } from '../engine/engine.ts';
import { can } from '@countersign/shared';
import type { AuthorityActor } from './authority-service.ts';
import type { Actor } from './actor.ts';
import { readRunEvents } from './run-events.ts';
import { RUN_COLUMNS, RUN_SUMMARY_COLUMNS, STEP_COLUMNS, toRun, toRunSummary, type RunRow, type StepRow } from './run-rows.ts';

/** Filters and paging of a run list. */
export interface RunListQuery {
  workflowId?: string | undefined;
  status?: RunStatus | undefined;
  limit: number;
  offset: number;
}

/** Runs of the actor's tenant: start, read, list, follow and cancel. */
export interface RunsService {
  /** Queues a manual run of a version (latest when omitted). */
  start(actor: AuthorityActor, workflowId: string, request: { input?: unknown; version?: number | undefined; test?: boolean | undefined }): Promise<{ runId: string }>;
  get(actor: Actor, runId: string): Promise<RunDto>;
  /** Newest first. */
  list(actor: Actor, query: RunListQuery): Promise<RunSummaryDto[]>;
  /** Events after `afterSeq`, in order (at most `limit`). */
  events(actor: Actor, runId: string, afterSeq: number, limit?: number): Promise<RunEvent[]>;
  /** Requests cancellation; the status is `cancelled`, or `running` while the worker stops the step. */
  cancel(actor: Actor, runId: string): Promise<RunStatus>;
  /** Whether the run exists in the actor's tenant. */
  exists(actor: Actor, runId: string): Promise<boolean>;
}

const runNotFound = (): CountersignError => new CountersignError('NOT_FOUND', 'Run not found');

/** Creates the runs service. */
export function createRunsService(knex: Knex, engine: Engine): RunsService {
  const exists = async (actor: Actor, runId: string): Promise<boolean> =>
    (await tenantDb(knex, actor.tenantId).table('runs').where({ id: runId }).first('id')) !== undefined;

  return {
    async start(actor, workflowId, request) {
      const db = tenantDb(knex, actor.tenantId);
      const workflow = await db.table('workflows').where({ id: workflowId }).first<{ published_version: number | null } | undefined>('published_version');
      if (!workflow) throw new CountersignError('NOT_FOUND', 'Workflow not found');
      const test = request.test === true;
      if (test && !can(actor.roles, 'workflow.write')) throw new CountersignError('FORBIDDEN', 'Test runs of unpublished versions are for designers and admins (permission workflow.write)');
      let version = request.version;
      if (!test) {
        // Production runs only ever run a published version: the live one unless another published one is named.
        if (version === undefined) {
          if (workflow.published_version === null) throw new CountersignError('CONFLICT', 'This workflow has no published version: submit a version for review and publish it, or start a test run');
          version = workflow.published_version;
        } else {
          const row = await db.table('workflow_versions').where({ workflow_id: workflowId, version }).first<{ status: string } | undefined>('status');
          if (row && row.status !== 'published') throw new CountersignError('CONFLICT', `Version ${version} is ${row.status.replace('_', ' ')}, not published: only a test run may run it`);
        }
      }
      const { runId } = await engine.startRun({ tenantId: actor.tenantId, workflowId, version, input: request.input ?? null, trigger: 'manual', requestedBy: actor.id, isTest: test });
      return { runId };
    },

    async get(actor, runId) {
      const db = tenantDb(knex, actor.tenantId);
      const run = await db.table('runs').where({ id: runId }).first<RunRow | undefined>(RUN_COLUMNS);
      if (!run) throw runNotFound();
      const steps: StepRow[] = await db.table('run_steps').where({ run_id: runId }).orderBy('position').select(STEP_COLUMNS);
      return toRun(run, steps);
    },

    async list(actor, query) {
      const builder = tenantDb(knex, actor.tenantId).table('runs');
      if (query.workflowId !== undefined) builder.andWhere('workflow_id', query.workflowId);
      if (query.status !== undefined) builder.andWhere('status', query.status);
      const rows: RunRow[] = await builder
        .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .limit(query.limit)
        .offset(query.offset)
        .select(RUN_SUMMARY_COLUMNS);
      return rows.map(toRunSummary);
    },

    async events(actor, runId, afterSeq, limit) {
      if (!(await exists(actor, runId))) throw runNotFound();
      return readRunEvents(knex, runId, afterSeq, limit);
    },

    async cancel(actor, runId) {
      return engine.cancelRun(actor.tenantId, runId, actor.id);
    },

    exists,
  };
}
