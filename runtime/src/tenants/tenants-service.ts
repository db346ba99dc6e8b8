import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, type PartnerOverviewDto, type TenantDto } from '@countersign/shared';
import { appendAudit, audited, auditEntry, lockAudit, retryOnAuditConflict, userActor } from '../audit/audit-log.ts';
import { hashPassword } from '../auth/password.ts';
import type { AuthorityActor } from '../services/authority-service.ts';
import { iso } from '../services/row-values.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { alsoTenants, asSystem } from '../db/tenant-scope.ts';
import { toTenant, type TenantRow } from './tenant-rows.ts';

/** A partner's client tenants: create, list, look into, and the runs and SLAs of all in one place. */
export interface TenantsService {
  listClients(actor: AuthorityActor): Promise<TenantDto[]>;
  /** Creates a client tenant with its first admin. */
  createClient(actor: AuthorityActor, input: { name: string; admin: { email: string; name: string; password: string } }): Promise<TenantDto>;
  /** The client tenant, checked to belong to the actor's partner tenant (404 otherwise). */
  clientOf(actor: AuthorityActor, clientId: string): Promise<TenantDto>;
  /** Records in the client's audit trail that the partner's user switched into it, and returns it. */
  switchInto(actor: AuthorityActor, clientId: string): Promise<TenantDto>;
  overview(actor: AuthorityActor, now?: Date): Promise<PartnerOverviewDto>;
}

/** Creates the tenants service. */
export function createTenantsService(knex: Knex): TenantsService {
  const requirePartner = async (actor: AuthorityActor): Promise<void> => {
    const tenant = await knex('tenants').where({ id: actor.tenantId }).first<TenantRow | undefined>();
    if (tenant?.kind !== 'partner') throw new CountersignError('FORBIDDEN', 'Only a partner tenant has client tenants');
  };
  const clients = async (actor: AuthorityActor): Promise<TenantRow[]> => {
    await requirePartner(actor);
    return knex('tenants').where({ parent_id: actor.tenantId }).orderBy([{ column: 'name' }, { column: 'id' }]);
  };

  const clientOf = async (actor: AuthorityActor, clientId: string): Promise<TenantDto> => {
    await requirePartner(actor);
    const row = await knex('tenants').where({ id: clientId, parent_id: actor.tenantId }).first<TenantRow | undefined>();
    if (!row) throw new CountersignError('NOT_FOUND', 'Client tenant not found');
    return toTenant(row);
  };

  return {
    async listClients(actor) {
      return (await clients(actor)).map(toTenant);
    },

    async createClient(actor, input) {
      await requirePartner(actor);
      const email = input.admin.email.trim().toLowerCase();
      // Emails are unique across every tenant: the check looks beyond the partner's own.
      if (await asSystem(async () => knex('users').where({ email }).first('id'))) {
        throw new CountersignError('CONFLICT', `A user with the email ${email} exists already`, { issues: [{ code: 'duplicate', path: ['body', 'admin', 'email'], message: 'This email is taken' }] });
      }
      const id = randomUUID();
      const adminId = randomUUID();
      const passwordHash = await hashPassword(input.admin.password);
      await alsoTenants([id], () => retryOnAuditConflict(() =>
        knex.transaction(async (trx) => {
          await lockAudit(trx, [actor.tenantId, id]);
          await trx('tenants').insert({ id, name: input.name, kind: 'client', parent_id: actor.tenantId });
          await tenantDb(trx, id).insert('users', { id: adminId, email, name: input.admin.name, password_hash: passwordHash, roles: JSON.stringify(['admin']) });
          const created = { type: 'tenant', id };
          await appendAudit(trx, actor.tenantId, [auditEntry({ actor: userActor(actor.id), action: 'tenant.created', target: created, after: { name: input.name, kind: 'client', adminId } })]);
          // The client's own chain starts with its creation by the partner.
          await appendAudit(trx, id, [auditEntry({ actor: userActor(actor.id), action: 'tenant.created', target: created, after: { name: input.name, partnerId: actor.tenantId, adminId } })]);
        }),
      ));
      return toTenant(await knex('tenants').where({ id }).first<TenantRow>());
    },

    clientOf,

    async switchInto(actor, clientId) {
      const client = await clientOf(actor, clientId);
      await recordSwitch(knex, actor, client);
      return client;
    },

    async overview(actor, now = new Date()) {
      const rows = await clients(actor);
      const ids = rows.map((r) => r.id);
      // The one place a partner reads its clients' runs and tasks.
      return alsoTenants(ids, () => clientActivity(knex, rows, now));
    },
  };
}

/** Runs and open approval tasks of each client (the caller's scope must include the clients). */
async function clientActivity(knex: Knex, rows: TenantRow[], now: Date): Promise<PartnerOverviewDto> {
  const ids = rows.map((r) => r.id);
  const day = new Date(now.getTime() - 86_400_000);
  const soon = new Date(now.getTime() + 86_400_000);
  const runStats: { tenant_id: string; last24h: string; failed24h: string; running: string; waiting: string; last_run_at: Date | null }[] =
    ids.length === 0
      ? []
      : await knex('runs')
          .whereIn('tenant_id', ids)
          .groupBy('tenant_id')
          .select('tenant_id')
          .select(knex.raw('count(*) FILTER (WHERE created_at >= ?) AS last24h', [day]))
          .select(knex.raw("count(*) FILTER (WHERE created_at >= ? AND status = 'failed') AS failed24h", [day]))
          .select(knex.raw("count(*) FILTER (WHERE status IN ('queued', 'running')) AS running"))
          .select(knex.raw("count(*) FILTER (WHERE status = 'waiting') AS waiting"))
          .select(knex.raw('max(created_at) AS last_run_at'));
  const taskStats: { tenant_id: string; open: string; overdue: string; soon: string }[] =
    ids.length === 0
      ? []
      : await knex('approval_tasks')
          .whereIn('tenant_id', ids)
          .andWhere({ status: 'open' })
          .groupBy('tenant_id')
          .select('tenant_id')
          .select(knex.raw('count(*) AS open'))
          .select(knex.raw('count(*) FILTER (WHERE due_at < ?) AS overdue', [now]))
          .select(knex.raw('count(*) FILTER (WHERE due_at >= ? AND due_at < ?) AS soon', [now, soon]));
  return {
    items: rows.map((row) => {
      const r = runStats.find((s) => s.tenant_id === row.id);
      const t = taskStats.find((s) => s.tenant_id === row.id);
      return {
        tenant: toTenant(row),
        runs: { last24h: Number(r?.last24h ?? 0), failed24h: Number(r?.failed24h ?? 0), running: Number(r?.running ?? 0), waiting: Number(r?.waiting ?? 0) },
        tasks: { open: Number(t?.open ?? 0), overdue: Number(t?.overdue ?? 0), dueWithin24h: Number(t?.soon ?? 0) },
        lastRunAt: r?.last_run_at ? iso(r.last_run_at) : null,
      };
    }),
  };
}

/** Records that a partner user switched into a client tenant (in the client's chain). */
export async function recordSwitch(knex: Knex, actor: AuthorityActor, client: TenantDto): Promise<void> {
  await alsoTenants([client.id], () => audited(knex, client.id, async (_trx, record) => {
    record(auditEntry({ actor: userActor(actor.id), action: 'tenant.switched_into', target: { type: 'tenant', id: client.id }, after: { partnerId: actor.tenantId } }));
  }));
}
