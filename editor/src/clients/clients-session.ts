import type { ApiClient } from '../api/api-client.ts';
import { navigate } from '../app/router.ts';
import type { Session, SessionStore } from '../app/session.ts';

/**
 * Acts in a client as its admin: the runtime issues a one-hour token (recorded in the client's audit
 * trail); the partner session is kept to go back to.
 */
export async function actInClient(api: Pick<ApiClient, 'switchIntoClient'>, store: SessionStore, session: Session, clientId: string): Promise<void> {
  const { token, tenant } = await api.switchIntoClient(clientId);
  const partner = session.partner ?? { token: session.token, user: session.user, clientName: tenant.name };
  store.signIn({
    token,
    user: { ...partner.user, tenantId: tenant.id, roles: ['admin'], tenantKind: 'client' },
    partner: { token: partner.token, user: partner.user, clientName: tenant.name },
  });
  navigate('/');
}

/** Back to the partner's own session, on its clients page. */
export function backToPartner(store: SessionStore, session: Session): void {
  if (!session.partner) return;
  store.signIn({ token: session.partner.token, user: session.partner.user });
  navigate('/clients');
}
