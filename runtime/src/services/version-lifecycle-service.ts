import type { Knex } from 'knex';
import { CountersignError, diffGraphs, hashGraph, validateGraph, type Graph, type LintFinding, type NodeRegistry, type VersionDiffDto } from '@countersign/shared';
import { audited, auditEntry, userActor, type AuditRecorder } from '../audit/audit-log.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import type { AuthorityActor } from './authority-service.ts';
import { readStoredGraph, requireValidGraph } from './graph-rules.ts';
import type { VersionRow } from './workflow-rows.ts';

/** The four-eyes lifecycle of a version: draft -> in_review -> approved -> published, or rejected. */
export interface VersionLifecycleService {
  /** Replaces the graph of a version still in draft; a submitted version is immutable (409). */
  edit(actor: AuthorityActor, workflowId: string, version: number, graph: unknown): Promise<{ version: number; hash: string }>;
  /** Runs the control lint; an error finding blocks (422, findings in details). */
  submit(actor: AuthorityActor, workflowId: string, version: number): Promise<void>;
  /** The author (or submitter) of a version can never approve or reject it (403, recorded). */
  approve(actor: AuthorityActor, workflowId: string, version: number, comment: string | null): Promise<void>;
  reject(actor: AuthorityActor, workflowId: string, version: number, comment: string): Promise<void>;
  /** Makes an approved version the one production runs and webhooks use; running instances keep theirs. */
  publish(actor: AuthorityActor, workflowId: string, version: number): Promise<void>;
  diff(actor: AuthorityActor, workflowId: string, from: number, to: number): Promise<VersionDiffDto>;
  /** Lints a graph (the saved draft when none is given). */
  lint(actor: AuthorityActor, workflowId: string, graph: unknown): Promise<LintFinding[]>;
}

const ACTIONS = { submit: 'submitted', approve: 'approved', reject: 'rejected', publish: 'published' } as const;

/** Creates the lifecycle service; `lint` is the control lint over a graph. */
export function createVersionLifecycleService(knex: Knex, registry: NodeRegistry, lint: (graph: Graph) => LintFinding[]): VersionLifecycleService {
  const target = (workflowId: string, version: number) => ({ type: 'version', id: `${workflowId}@${version}` });

  /** The version row locked for update, or 404. */
  const lockVersion = async (tx: TenantDb, workflowId: string, version: number): Promise<VersionRow> => {
    const row = await tx.table('workflow_versions').where({ workflow_id: workflowId, version }).forUpdate().first<VersionRow | undefined>();
    if (!row) throw new CountersignError('NOT_FOUND', `Version ${version} of this workflow does not exist`);
    return row;
  };

  /** Records a refused attempt in its own transaction (the attempt itself changes nothing), then throws. */
  const refuse = async (actor: AuthorityActor, workflowId: string, version: number, action: string, error: CountersignError): Promise<never> => {
    await audited(knex, actor.tenantId, async (_trx, record) => {
      record(auditEntry({ actor: userActor(actor.id), action: `${action}_refused`, target: target(workflowId, version), reason: error.message }));
    });
    throw error;
  };

  /** Moves a version from one status to the next, checking who may, and audits it. */
  const transition = async (
    actor: AuthorityActor,
    workflowId: string,
    version: number,
    step: keyof typeof ACTIONS,
    check: (row: VersionRow) => CountersignError | undefined,
    apply: (tx: TenantDb, row: VersionRow, record: AuditRecorder) => Promise<Record<string, unknown>>,
  ): Promise<void> => {
    let refused: CountersignError | undefined;
    await audited(knex, actor.tenantId, async (trx, record) => {
      const tx = tenantDb(trx, actor.tenantId);
      const row = await lockVersion(tx, workflowId, version);
      refused = check(row);
      if (refused) return;
      const patch = await apply(tx, row, record);
      await tx.table('workflow_versions').where({ workflow_id: workflowId, version }).update(patch);
      record(
        auditEntry({
          actor: userActor(actor.id),
          action: `version.${ACTIONS[step]}`,
          target: target(workflowId, version),
          before: { status: row.status },
          after: { status: patch['status'] },
          reason: typeof patch['review_comment'] === 'string' ? patch['review_comment'] : null,
          versionHash: row.hash,
        }),
      );
    });
    if (refused) await refuse(actor, workflowId, version, `version.${step}`, refused);
  };

  const wrongStatus = (row: VersionRow, expected: string, what: string): CountersignError | undefined =>
    row.status === expected ? undefined : new CountersignError('CONFLICT', `Version ${row.version} is ${row.status.replace('_', ' ')}; only a version ${expected.replace('_', ' ')} can be ${what}`);

  const fourEyes = (actor: AuthorityActor, row: VersionRow, verb: string): CountersignError | undefined => {
    if (row.created_by === actor.id) return new CountersignError('SOD_VIOLATION', `You authored version ${row.version}; another reviewer must ${verb} it`, { details: { reason: 'author' } });
    if (row.submitted_by === actor.id) return new CountersignError('SOD_VIOLATION', `You submitted version ${row.version}; another reviewer must ${verb} it`, { details: { reason: 'submitter' } });
    return undefined;
  };

  const versionGraph = async (db: TenantDb, workflowId: string, version: number): Promise<{ graph: Graph; hash: string; status: string }> => {
    const row = await db.table('workflow_versions').where({ workflow_id: workflowId, version }).first<VersionRow | undefined>();
    if (!row) throw new CountersignError('NOT_FOUND', `Version ${version} of this workflow does not exist`);
    return { graph: readStoredGraph(row.graph), hash: row.hash, status: row.status };
  };

  return {
    async edit(actor, workflowId, version, raw) {
      const graph = requireValidGraph(raw, registry);
      const hash = await hashGraph(graph);
      let refused: CountersignError | undefined;
      await audited(knex, actor.tenantId, async (trx, record) => {
        const tx = tenantDb(trx, actor.tenantId);
        const row = await lockVersion(tx, workflowId, version);
        if (row.status !== 'draft') {
          refused = new CountersignError('CONFLICT', `Version ${version} is ${row.status.replace('_', ' ')}: a submitted version is immutable. Save the draft as a new version instead`);
          return;
        }
        await tx.table('workflow_versions').where({ workflow_id: workflowId, version }).update({ graph: jsonb(graph), hash });
        record(auditEntry({ actor: userActor(actor.id), action: 'version.edited', target: target(workflowId, version), before: { hash: row.hash }, after: { hash }, versionHash: hash }));
      });
      if (refused) await refuse(actor, workflowId, version, 'version.edit', refused);
      return { version, hash };
    },

    async submit(actor, workflowId, version) {
      let blocking: LintFinding[] = [];
      await transition(
        actor,
        workflowId,
        version,
        'submit',
        (row) => {
          const status = wrongStatus(row, 'draft', 'submitted');
          if (status) return status;
          const findings = lint(readStoredGraph(row.graph));
          blocking = findings.filter((f) => f.severity === 'error');
          if (blocking.length === 0) return undefined;
          return new CountersignError('VALIDATION_FAILED', `The control lint found ${blocking.length} error(s): ${blocking[0]?.message ?? ''}`, {
            issues: blocking.map((f) => ({ code: f.code, path: [], message: f.message, ...(f.nodeId ? { nodeId: f.nodeId } : {}) })),
            details: { findings },
          });
        },
        async (_tx, row) => ({ status: 'in_review', submitted_by: actor.id, submitted_at: new Date(), lint: JSON.stringify(lint(readStoredGraph(row.graph))) }),
      );
    },

    async approve(actor, workflowId, version, comment) {
      await transition(
        actor,
        workflowId,
        version,
        'approve',
        (row) => wrongStatus(row, 'in_review', 'approved') ?? fourEyes(actor, row, 'approve'),
        async () => ({ status: 'approved', reviewed_by: actor.id, reviewed_at: new Date(), review_comment: comment }),
      );
    },

    async reject(actor, workflowId, version, comment) {
      await transition(
        actor,
        workflowId,
        version,
        'reject',
        (row) => wrongStatus(row, 'in_review', 'rejected') ?? fourEyes(actor, row, 'reject'),
        async () => ({ status: 'rejected', reviewed_by: actor.id, reviewed_at: new Date(), review_comment: comment }),
      );
    },

    async publish(actor, workflowId, version) {
      await transition(
        actor,
        workflowId,
        version,
        'publish',
        (row) => wrongStatus(row, 'approved', 'published'),
        async (tx) => {
          await tx.table('workflows').where({ id: workflowId }).update({ published_version: version });
          return { status: 'published', published_by: actor.id, published_at: new Date() };
        },
      );
    },

    async diff(actor, workflowId, from, to) {
      const db = tenantDb(knex, actor.tenantId);
      const [a, b] = await Promise.all([versionGraph(db, workflowId, from), versionGraph(db, workflowId, to)]);
      return { from: { version: from, hash: a.hash, status: a.status }, to: { version: to, hash: b.hash, status: b.status }, diff: diffGraphs(a.graph, b.graph) };
    },

    async lint(actor, workflowId, raw) {
      const row = await tenantDb(knex, actor.tenantId).table('workflows').where({ id: workflowId }).first<{ draft: unknown } | undefined>('draft');
      if (!row) throw new CountersignError('NOT_FOUND', 'Workflow not found');
      if (raw === undefined) return lint(readStoredGraph(row.draft));
      // Live lint of a draft being edited: judge what parses, even while the draft has other issues.
      const { graph } = validateGraph(raw, registry);
      if (!graph) throw new CountersignError('VALIDATION_FAILED', 'The graph is not a valid graph; fix its structure first');
      return lint(graph);
    },
  };
}
