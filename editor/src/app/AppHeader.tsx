import { can, type UserDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { SupportLink } from '../branding/SupportLink.tsx';
import { ProductMark } from '../layout/ProductMark.tsx';
import { InboxLink } from './InboxLink.tsx';
import { Link } from './Link.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The pages the header links to. */
export type AppSection = 'workflows' | 'inbox' | 'audit' | 'templates' | 'clients' | 'settings';

/** Header of the app's own pages (not the editor, which has its top bar); `current` marks the page shown. "Audit" only for who may read it. */
export function AppHeader({ user, api, current, onSignOut }: { user: UserDto; api: Pick<ApiClient, 'listTasks'>; current: AppSection; onSignOut(): void }) {
  return (
    <header className="cs-app-header">
      <Link href="/" className="cs-app-header__home" aria-label="Workflows">
        <ProductMark />
      </Link>
      <nav className="cs-app-header__nav" aria-label="Main">
        <Link href="/" aria-current={current === 'workflows' ? 'page' : undefined}>
          Workflows
        </Link>
        <InboxLink api={api} current={current === 'inbox'} />
        <Link href="/templates" data-testid="templates-link" aria-current={current === 'templates' ? 'page' : undefined}>
          Templates
        </Link>
        {user.tenantKind === 'partner' && can(user.roles, 'tenant.manage') ? (
          <Link href="/clients" data-testid="clients-link" aria-current={current === 'clients' ? 'page' : undefined}>
            Clients
          </Link>
        ) : null}
        {can(user.roles, 'credential.read') || can(user.roles, 'apikey.manage') || can(user.roles, 'branding.manage') ? (
          <Link href="/settings" data-testid="settings-link" aria-current={current === 'settings' ? 'page' : undefined}>
            Settings
          </Link>
        ) : null}
        {can(user.roles, 'audit.read') ? (
          <Link href="/audit" data-testid="audit-link" aria-current={current === 'audit' ? 'page' : undefined}>
            Audit
          </Link>
        ) : null}
      </nav>
      <SupportLink />
      <UserMenu user={user} onSignOut={onSignOut} />
    </header>
  );
}
