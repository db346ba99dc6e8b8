import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { hashGraph, validateGraph, type NodeRegistry } from '@countersign/shared';
import { hashPassword } from '../auth/password.ts';
import { appendAudit, auditEntry, lockAudit, serviceActor } from '../audit/audit-log.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import { seedDemoTemplate } from '../templates/demo-template.ts';
import { DEMO_ERP_PATH } from './demo-erp.ts';
import { DEMO_WORKFLOW_NAME, demoWorkflowGraph } from './demo-workflow.ts';

/** What seeding did; clear passwords are present only when they were generated (to print them once). */
export interface SeedResult {
  created: boolean;
  tenantId: string;
  tenantName: string;
  users: { email: string; password?: string }[];
}

/** Seeding options. */
export interface SeedOptions {
  registry: NodeRegistry;
  /** Every demo user's password; a random one per user when absent. */
  demoPassword?: string | undefined;
  /** Where the sample workflow posts invoices; the built-in demo ERP inbox when absent. */
  demoErpUrl?: string | undefined;
  log: Logger;
}

/** The demo partner (an MSP) and its client, the demo finance team. */
const PARTNER = { id: 'demo-partner', name: 'Northwind Partners', kind: 'partner' };
const TENANT = { id: 'demo', name: 'Demo Finance Ltd', kind: 'client', parent_id: PARTNER.id };
/** The sample workflow's id, so its webhook URL is predictable: POST /hooks/ap-invoice-intake. */
export const DEMO_WORKFLOW_ID = 'ap-invoice-intake';
const USERS = [
  { id: 'demo-admin', email: 'admin@demo.test', name: 'Demo Admin', roles: ['admin'] },
  { id: 'demo-designer', email: 'designer@demo.test', name: 'Demo Designer', roles: ['designer'] },
  { id: 'demo-reviewer', email: 'reviewer@demo.test', name: 'Demo Reviewer', roles: ['reviewer'] },
  { id: 'demo-approver', email: 'approver@demo.test', name: 'Demo Approver', roles: ['approver'] },
  { id: 'demo-approver-2', email: 'approver2@demo.test', name: 'Second Approver', roles: ['approver'] },
  // Roles beyond the six of the permission matrix act as approval groups (the demo matrix routes to them).
  { id: 'demo-controller', email: 'controller@demo.test', name: 'Demo Controller', roles: ['approver', 'controller'] },
  { id: 'demo-cfo', email: 'cfo@demo.test', name: 'Demo CFO', roles: ['approver', 'cfo'] },
  { id: 'demo-operator', email: 'operator@demo.test', name: 'Demo Operator', roles: ['operator'] },
  { id: 'demo-auditor', email: 'auditor@demo.test', name: 'Demo Auditor', roles: ['auditor'] },
  { id: 'demo-partner-admin', email: 'partner@demo.test', name: 'Partner Admin', roles: ['admin'], tenant: PARTNER.id },
];
/** Authority limits of the demo approvers, integer minor units per currency. */
const LIMITS: Record<string, number> = { 'demo-approver': 1_000_000, 'demo-approver-2': 1_000_000, 'demo-controller': 5_000_000, 'demo-cfo': 100_000_000 };
const LIMIT_CURRENCIES = ['EUR', 'USD', 'GBP'];
// Two processes starting on one empty database must not both seed.
const SEED_LOCK = 7312002;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

function randomPassword(length = 16): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

const hasTenants = async (knex: Knex): Promise<boolean> => (await knex('tenants').first('id')) !== undefined;

/** The built-in demo ERP inbox on this process's port. */
function defaultErpUrl(): string {
  return `http://127.0.0.1:${process.env['PORT'] || 3000}${DEMO_ERP_PATH}`;
}

/**
 * Seeds the demo tenant, its users (every role, four approvers with authority limits) and the sample "AP invoice intake" workflow
 * with version 1, when the database has no tenant yet. Safe to call from several processes at once.
 */
export async function seedDemo(knex: Knex, options: SeedOptions): Promise<SeedResult> {
  const base = { tenantId: TENANT.id, tenantName: TENANT.name };
  if (await hasTenants(knex)) return { created: false, ...base, users: USERS.map(({ email }) => ({ email })) };

  const { graph, issues } = validateGraph(demoWorkflowGraph(options.demoErpUrl ?? defaultErpUrl()), options.registry);
  if (!graph || issues.length > 0) throw new Error(`The demo workflow is invalid (a bug): ${JSON.stringify(issues)}`);
  const hash = await hashGraph(graph);
  const passwords = USERS.map(() => options.demoPassword ?? randomPassword());
  const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));
  // The designer authored the sample, so segregation of duties keeps them (and only them) out of its approvals.
  const author = 'demo-designer';

  const created = await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [SEED_LOCK]);
    if (await hasTenants(trx)) return false;
    await trx('tenants').insert([PARTNER, TENANT]);
    await trx('users').insert(
      USERS.map((user, i) => ({ id: user.id, tenant_id: 'tenant' in user ? user.tenant : TENANT.id, email: user.email, name: user.name, roles: jsonb(user.roles), password_hash: hashes[i] })),
    );
    await trx('authority_limits').insert(
      Object.entries(LIMITS).flatMap(([userId, limit]) => LIMIT_CURRENCIES.map((currency) => ({ tenant_id: TENANT.id, user_id: userId, currency, limit_minor: limit, updated_by: 'seed' }))),
    );
    await trx('workflows').insert({ id: DEMO_WORKFLOW_ID, tenant_id: TENANT.id, name: DEMO_WORKFLOW_NAME, description: 'Sample: validates an incoming invoice, routes it by amount and posts it to the ERP.', draft: jsonb(graph), created_by: author });
    // The sample's version 1 went through the four-eyes lifecycle: the designer wrote and submitted it,
    // the reviewer approved it, the admin published it.
    const at = new Date();
    await trx('workflow_versions').insert({
      tenant_id: TENANT.id, workflow_id: DEMO_WORKFLOW_ID, version: 1, hash, graph: jsonb(graph), created_by: author, status: 'published',
      submitted_by: author, submitted_at: at, reviewed_by: 'demo-reviewer', reviewed_at: at, review_comment: 'Sample workflow, reviewed at seeding',
      published_by: 'demo-admin', published_at: at,
    });
    await trx('workflows').where({ id: DEMO_WORKFLOW_ID }).update({ published_version: 1 });
    await lockAudit(trx, [PARTNER.id, TENANT.id]);
    // The partner publishes the sample to its clients as the template "AP invoice approval".
    const template = await seedDemoTemplate(trx, { partnerId: PARTNER.id, authorId: 'demo-partner-admin', graph, hash });
    await appendAudit(trx, PARTNER.id, [auditEntry({ actor: serviceActor('seed'), action: 'tenant.seeded', target: { type: 'tenant', id: PARTNER.id }, after: { clients: [TENANT.id] } }), ...template]);
    const target = { type: 'version', id: `${DEMO_WORKFLOW_ID}@1` };
    await appendAudit(trx, TENANT.id, [
      auditEntry({ actor: serviceActor('seed'), action: 'tenant.seeded', target: { type: 'tenant', id: TENANT.id }, after: { users: USERS.map((u) => u.id) } }),
      ...(['submitted', 'approved', 'published'] as const).map((step) =>
        auditEntry({ actor: serviceActor('seed'), action: `version.${step}`, target, after: { status: step === 'submitted' ? 'in_review' : step }, versionHash: hash, reason: 'Seeded sample' }),
      ),
    ]);
    return true;
  });
  if (!created) return { created: false, ...base, users: USERS.map(({ email }) => ({ email })) };
  options.log.info({ tenantId: TENANT.id, users: USERS.length, workflowId: DEMO_WORKFLOW_ID }, 'seeded the demo tenant, users and sample workflow');
  const generated = options.demoPassword === undefined;
  return { created: true, ...base, users: USERS.map(({ email }, i) => (generated ? { email, password: passwords[i] ?? '' } : { email })) };
}
