/** The roles a user can hold in a tenant. */
export const ROLES = ['designer', 'reviewer', 'approver', 'operator', 'auditor', 'admin'] as const;

/** One role. */
export type Role = (typeof ROLES)[number];

/**
 * Who may do what: the permission matrix every route checks (and the editor reads to hide what a
 * user cannot do). Reading is open to every role of the tenant; changing is not.
 */
export const PERMISSIONS = {
  'workflow.read': ROLES,
  'workflow.write': ['designer', 'admin'],
  'run.read': ROLES,
  'run.start': ['designer', 'operator', 'admin'],
  'run.cancel': ['designer', 'operator', 'admin'],
  'authority.read': ROLES,
  'authority.manage': ['admin'],
  'delegation.manage': ['approver', 'admin'],
  /** Reading one's own approval tasks; auditors and admins may list everyone's. */
  'task.read': ROLES,
  /** Deciding a task assigned (or delegated) to oneself; admins are the last fallback assignee. */
  'task.decide': ['approver', 'admin'],
  /** Submitting a version for review, editing a version still in draft. */
  'version.submit': ['designer', 'admin'],
  /** Approving or rejecting a version (never one's own). */
  'version.review': ['reviewer', 'admin'],
  /** Publishing an approved version to production. */
  'version.publish': ['designer', 'admin'],
  /** Reading and verifying the audit trail, evidence packs. */
  'audit.read': ['auditor', 'reviewer', 'admin'],
  /** Listing credentials (names and kinds, never values) to reference them in nodes. */
  'credential.read': ['designer', 'admin'],
  /** Creating, replacing, deleting credentials and rotating their encryption key. */
  'credential.manage': ['admin'],
  /** API keys for server-to-server use. */
  'apikey.manage': ['admin'],
  /** Client tenants of a partner: create, list, switch into, overview (admins of a partner tenant). */
  'tenant.manage': ['admin'],
  /** Embed signing keys, with which a partner's server signs embed tokens for its own users. */
  'embed.manage': ['admin'],
  /** The tenant's branding (a partner admin also its clients'): product name, logo, colours, support, custom domains. */
  'branding.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** One permission of {@link PERMISSIONS}. */
export type Permission = keyof typeof PERMISSIONS;

/** Whether a user with these roles holds a permission. */
export function can(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
