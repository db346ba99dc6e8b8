import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  CountersignError,
  MAX_DELEGATION_DAYS,
  type AuthorityLimitDto,
  type CreateDelegationRequest,
  type DelegationDto,
  type Money,
  type UserWithAuthorityDto,
  type ValidationIssue,
} from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { Actor } from './actor.ts';
import { iso, isoOrNull } from './row-values.ts';

/** Who calls: the actor plus their roles (what they may do beyond their own authority depends on them). */
export interface AuthorityActor extends Actor {
  roles: readonly string[];
}

/** Users' authority limits and delegations of authority, always within the actor's tenant. */
export interface AuthorityService {
  listUsers(actor: Actor): Promise<UserWithAuthorityDto[]>;
  /** Replaces all of a user's limits (404 for a user of another tenant; only approvers hold limits). */
  setLimits(actor: Actor, userId: string, limits: AuthorityLimitDto[]): Promise<UserWithAuthorityDto>;
  listDelegations(actor: Actor, filter: { active?: boolean | undefined }, at?: Date): Promise<DelegationDto[]>;
  createDelegation(actor: AuthorityActor, input: CreateDelegationRequest, now?: Date): Promise<DelegationDto>;
  /** Ends a delegation now; by its delegator or an admin. Revoking twice leaves the first revocation. */
  revokeDelegation(actor: AuthorityActor, id: string, now?: Date): Promise<DelegationDto>;
  /** Delegations in force at `at` where the user is the delegate (default) or the delegator. */
  activeDelegationsFor(tenantId: string, userId: string, at: Date, as?: 'delegate' | 'delegator'): Promise<DelegationDto[]>;
  /** The user's authority in a currency, or null when they hold none in it (no limit means no authority). */
  authorityLimit(tenantId: string, userId: string, currency: string): Promise<Money | null>;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: unknown;
}

interface LimitRow {
  user_id: string;
  currency: string;
  limit_minor: string | number | bigint;
}

interface DelegationRow {
  id: string;
  tenant_id: string;
  delegator_id: string;
  delegate_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  reason: string;
  created_by: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
}

const DAY_MS = 86_400_000;
/** Clock skew tolerated for a start "now" sent by a client. */
const START_SKEW_MS = 5 * 60_000;

const rolesOf = (row: UserRow): string[] => (Array.isArray(row.roles) ? row.roles.filter((role): role is string => typeof role === 'string') : []);

const userNotFound = (): CountersignError => new CountersignError('NOT_FOUND', 'User not found');

function invalid(field: string, message: string): CountersignError {
  const issues: ValidationIssue[] = [{ code: 'invalid_delegation', path: ['body', field], message }];
  return new CountersignError('VALIDATION_FAILED', `Invalid request: body.${field}: ${message}`, { issues });
}

function isActive(row: DelegationRow, at: Date): boolean {
  const t = at.getTime();
  return row.revoked_at === null && new Date(row.starts_at).getTime() <= t && t < new Date(row.ends_at).getTime();
}

function toDelegation(row: DelegationRow, at: Date): DelegationDto {
  return {
    id: row.id,
    delegatorId: row.delegator_id,
    delegateId: row.delegate_id,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    revokedAt: isoOrNull(row.revoked_at),
    revokedBy: row.revoked_by,
    active: isActive(row, at),
  };
}

/** Creates the authority service. */
export function createAuthorityService(knex: Knex): AuthorityService {
  const findUser = async (db: TenantDb, id: string): Promise<UserRow | undefined> =>
    db.table('users').where({ id }).first<UserRow | undefined>('id', 'email', 'name', 'roles');

  const limitsOf = async (db: TenantDb, userIds: string[]): Promise<Map<string, AuthorityLimitDto[]>> => {
    const rows: LimitRow[] = userIds.length === 0 ? [] : await db.table('authority_limits').whereIn('user_id', userIds).orderBy([{ column: 'user_id' }, { column: 'currency' }]);
    const byUser = new Map<string, AuthorityLimitDto[]>();
    for (const row of rows) {
      const list = byUser.get(row.user_id) ?? [];
      list.push({ currency: row.currency.trim(), limit: Number(row.limit_minor) });
      byUser.set(row.user_id, list);
    }
    return byUser;
  };

  const toUsers = async (db: TenantDb, rows: UserRow[]): Promise<UserWithAuthorityDto[]> => {
    const limits = await limitsOf(db, rows.map((row) => row.id));
    return rows.map((row) => ({ id: row.id, email: row.email, name: row.name, roles: rolesOf(row), authorityLimits: limits.get(row.id) ?? [] }));
  };

  const getDelegation = async (db: TenantDb, id: string): Promise<DelegationRow> => {
    const row = await db.table('delegations').where({ id }).first<DelegationRow | undefined>();
    if (!row) throw new CountersignError('NOT_FOUND', 'Delegation not found');
    return row;
  };

  return {
    async listUsers(actor) {
      const db = tenantDb(knex, actor.tenantId);
      const rows: UserRow[] = await db.table('users').select('id', 'email', 'name', 'roles').orderBy('email');
      return toUsers(db, rows);
    },

    async setLimits(actor, userId, limits) {
      const db = tenantDb(knex, actor.tenantId);
      const user = await findUser(db, userId);
      if (!user) throw userNotFound();
      if (limits.length > 0 && !rolesOf(user).includes('approver')) {
        throw new CountersignError('VALIDATION_FAILED', `Invalid request: body.limits: ${user.email} does not hold the approver role, so cannot hold authority`, {
          issues: [{ code: 'not_an_approver', path: ['body', 'limits'], message: `${user.email} does not hold the approver role` }],
        });
      }
      const before = (await limitsOf(db, [userId])).get(userId) ?? [];
      await audited(knex, actor.tenantId, async (trx, record) => {
        const tx = db.through(trx);
        record(auditEntry({ actor: userActor(actor.id), action: 'authority.limits_set', target: { type: 'user', id: userId }, before, after: limits }));
        await tx.table('authority_limits').where({ user_id: userId }).delete();
        if (limits.length > 0) {
          await tx.insert(
            'authority_limits',
            limits.map((entry) => ({ user_id: userId, currency: entry.currency, limit_minor: entry.limit, updated_by: actor.id })),
          );
        }
      });
      const [dto] = await toUsers(db, [user]);
      return dto as UserWithAuthorityDto;
    },

    async listDelegations(actor, filter, at = new Date()) {
      const query = tenantDb(knex, actor.tenantId).table('delegations');
      if (filter.active === true) query.whereNull('revoked_at').andWhere('starts_at', '<=', at).andWhere('ends_at', '>', at);
      if (filter.active === false) query.andWhere((q) => q.whereNotNull('revoked_at').orWhere('starts_at', '>', at).orWhere('ends_at', '<=', at));
      const rows: DelegationRow[] = await query.orderBy([{ column: 'starts_at', order: 'desc' }, { column: 'id' }]);
      return rows.map((row) => toDelegation(row, at));
    },

    async createDelegation(actor, input, now = new Date()) {
      const isAdmin = actor.roles.includes('admin');
      const delegatorId = input.delegatorId ?? actor.id;
      if (delegatorId !== actor.id && !isAdmin) {
        throw new CountersignError('FORBIDDEN', 'You may only delegate your own authority (body.delegatorId); delegating for another user needs the admin role', {
          issues: [{ code: 'forbidden', path: ['body', 'delegatorId'], message: 'Only an admin may delegate another user\'s authority' }],
        });
      }
      if (input.delegateId === delegatorId) throw invalid('delegateId', 'A user cannot delegate authority to themselves');

      const startsAt = input.startsAt === undefined ? now : new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      if (startsAt.getTime() < now.getTime() - START_SKEW_MS) throw invalid('startsAt', 'A delegation cannot start in the past');
      if (endsAt.getTime() <= now.getTime()) throw invalid('endsAt', 'endsAt must be in the future');
      if (endsAt.getTime() <= startsAt.getTime()) throw invalid('endsAt', 'endsAt must be after startsAt');
      if (endsAt.getTime() - startsAt.getTime() > MAX_DELEGATION_DAYS * DAY_MS) throw invalid('endsAt', `A delegation lasts at most ${MAX_DELEGATION_DAYS} days`);

      const db = tenantDb(knex, actor.tenantId);
      const delegator = await findUser(db, delegatorId);
      if (!delegator) throw userNotFound();
      if (!rolesOf(delegator).includes('approver')) throw invalid('delegatorId', `${delegator.email} does not hold the approver role, so has no authority to delegate`);
      const delegate = await findUser(db, input.delegateId);
      if (!delegate) throw userNotFound();
      if (!rolesOf(delegate).includes('approver')) throw invalid('delegateId', `${delegate.email} does not hold the approver role`);

      const row: Omit<DelegationRow, 'tenant_id'> = {
        id: randomUUID(),
        delegator_id: delegatorId,
        delegate_id: input.delegateId,
        starts_at: startsAt,
        ends_at: endsAt,
        reason: input.reason,
        created_by: actor.id,
        created_at: now,
        revoked_at: null,
        revoked_by: null,
      };
      await audited(knex, actor.tenantId, async (trx, record) => {
        await db.through(trx).insert('delegations', row);
        record(auditEntry({ actor: userActor(actor.id), action: 'delegation.created', target: { type: 'delegation', id: row.id }, after: { delegatorId, delegateId: input.delegateId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }, reason: input.reason }));
      });
      return toDelegation(await getDelegation(db, row.id), now);
    },

    async revokeDelegation(actor, id, now = new Date()) {
      const db = tenantDb(knex, actor.tenantId);
      const row = await getDelegation(db, id);
      if (row.delegator_id !== actor.id && !actor.roles.includes('admin')) {
        throw new CountersignError('FORBIDDEN', 'Only the delegator or an admin may revoke a delegation');
      }
      if (row.revoked_at === null) {
        await audited(knex, actor.tenantId, async (trx, record) => {
          await db.through(trx).table('delegations').where({ id }).whereNull('revoked_at').update({ revoked_at: now, revoked_by: actor.id });
          record(auditEntry({ actor: userActor(actor.id), action: 'delegation.revoked', target: { type: 'delegation', id } }));
        });
      }
      return toDelegation(await getDelegation(db, id), now);
    },

    async activeDelegationsFor(tenantId, userId, at, as = 'delegate') {
      const rows: DelegationRow[] = await tenantDb(knex, tenantId)
        .table('delegations')
        .where({ [as === 'delegate' ? 'delegate_id' : 'delegator_id']: userId })
        .whereNull('revoked_at')
        .andWhere('starts_at', '<=', at)
        .andWhere('ends_at', '>', at)
        .orderBy([{ column: 'starts_at' }, { column: 'id' }]);
      return rows.map((row) => toDelegation(row, at));
    },

    async authorityLimit(tenantId, userId, currency) {
      const row = await tenantDb(knex, tenantId).table('authority_limits').where({ user_id: userId, currency }).first<LimitRow | undefined>('limit_minor');
      return row ? { amount: Number(row.limit_minor), currency } : null;
    },
  };
}
