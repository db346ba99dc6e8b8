import { scryptSync, timingSafeEqual } from 'node:crypto';

/** The six roles of Countersign's permission matrix. */
export type CountersignRole = 'designer' | 'reviewer' | 'approver' | 'operator' | 'auditor' | 'admin';

/** A user of the Northwind Portal (the partner's own accounts, not Countersign's). */
export interface PortalUser {
  id: string;
  email: string;
  name: string;
  /** What the user may do in Countersign: mapped into the embed token the portal signs. */
  countersign: { roles: CountersignRole[]; readOnly?: boolean; nodeCategories?: string[] };
}

/** The demo accounts: a designer, a clerk limited to some node categories, and a read-only viewer. */
export const PORTAL_USERS: readonly PortalUser[] = [
  { id: 'nw-dana', email: 'dana@northwind.test', name: 'Dana Reyes', countersign: { roles: ['designer'] } },
  { id: 'nw-carl', email: 'carl@northwind.test', name: 'Carl Ito', countersign: { roles: ['designer'], nodeCategories: ['trigger', 'flow', 'data', 'approval'] } },
  { id: 'nw-vera', email: 'vera@northwind.test', name: 'Vera Lind', countersign: { roles: ['auditor'], readOnly: true } },
];

const SALT = 'northwind-portal-demo';
const hash = (password: string): Buffer => scryptSync(password, SALT, 32);

/** Checks sign-in details against the demo accounts (all share one password in this example). */
export function createUserDirectory(demoPassword: string): { signIn(email: string, password: string): PortalUser | undefined; byId(id: string): PortalUser | undefined } {
  const expected = hash(demoPassword);
  return {
    signIn(email, password) {
      // The hash is computed for unknown emails too, so both failures take as long.
      const matches = timingSafeEqual(hash(password), expected);
      const user = PORTAL_USERS.find((candidate) => candidate.email === email.trim().toLowerCase());
      return matches ? user : undefined;
    },
    byId: (id) => PORTAL_USERS.find((user) => user.id === id),
  };
}
