import type { Session, SessionStore } from '../app/session.ts';
import { backToPartner } from './clients-session.ts';

/** Shown on every page while a partner admin acts in a client: whose data this is, and the way back. */
export function PartnerBanner({ session, store }: { session: Session; store: SessionStore }) {
  if (!session.partner) return null;
  return (
    <div className="cs-partner-banner" role="status" data-testid="partner-banner">
      <span>
        You are acting as an admin of <strong>{session.partner.clientName}</strong> for your partner tenant. What you do here is recorded in its audit trail.
      </span>
      <button type="button" className="cs-button cs-button--small" onClick={() => backToPartner(store, session)}>
        Back to your clients
      </button>
    </div>
  );
}
