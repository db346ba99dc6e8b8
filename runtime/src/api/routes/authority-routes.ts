import { z } from 'zod';
import {
  CreateDelegationRequestSchema,
  DelegationListQuerySchema,
  DelegationListSchema,
  DelegationSchema,
  SetAuthorityLimitsRequestSchema,
  UserListSchema,
  UserWithAuthoritySchema,
} from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** Users with their authority limits, and delegations of authority. */
export function authorityRoutes(services: ApiServices): Route[] {
  const { authority } = services;
  return [
    defineRoute({
      operationId: 'listUsers',
      method: 'get',
      path: '/api/users',
      auth: true,
      permission: 'authority.read',
      tag: 'authority',
      summary: 'Users of your tenant with their roles and authority limits (minor units per currency)',
      status: 200,
      response: UserListSchema,
      handle: async ({ user }) => ({ items: await authority.listUsers(user) }),
    }),
    defineRoute({
      operationId: 'setAuthorityLimits',
      method: 'put',
      path: '/api/users/:id/authority-limits',
      auth: true,
      permission: 'authority.manage',
      tag: 'authority',
      summary: "Replace an approver's authority limits (one per currency, integer minor units)",
      params: IdParams,
      body: SetAuthorityLimitsRequestSchema,
      status: 200,
      response: UserWithAuthoritySchema,
      handle: ({ user, params, body }) => authority.setLimits(user, params.id, body.limits),
    }),
    defineRoute({
      operationId: 'listDelegations',
      method: 'get',
      path: '/api/delegations',
      auth: true,
      permission: 'authority.read',
      tag: 'authority',
      summary: 'Delegations of your tenant; ?active=true for those in force now',
      query: DelegationListQuerySchema,
      status: 200,
      response: DelegationListSchema,
      handle: async ({ user, query }) => ({ items: await authority.listDelegations(user, { active: query.active }) }),
    }),
    defineRoute({
      operationId: 'createDelegation',
      method: 'post',
      path: '/api/delegations',
      auth: true,
      permission: 'delegation.manage',
      tag: 'authority',
      summary: 'Delegate your authority to another approver until a mandatory end date (admins may delegate for others)',
      body: CreateDelegationRequestSchema,
      status: 201,
      response: DelegationSchema,
      handle: ({ user, body }) => authority.createDelegation(user, body),
    }),
    defineRoute({
      operationId: 'revokeDelegation',
      method: 'post',
      path: '/api/delegations/:id/revoke',
      auth: true,
      permission: 'delegation.manage',
      tag: 'authority',
      summary: 'End a delegation now (its delegator or an admin)',
      params: IdParams,
      status: 200,
      response: DelegationSchema,
      handle: ({ user, params }) => authority.revokeDelegation(user, params.id),
    }),
  ];
}
