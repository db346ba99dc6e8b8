import type { UserDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { ProductMark } from '../layout/ProductMark.tsx';
import { InboxLink } from './InboxLink.tsx';
import { Link } from './Link.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Header of the app's own pages (not the editor, which has its top bar); `current` marks the page shown. */
export function AppHeader({ user, api, current, onSignOut }: { user: UserDto; api: Pick<ApiClient, 'listTasks'>; current: 'workflows' | 'inbox'; onSignOut(): void }) {
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
      </nav>
      <UserMenu user={user} onSignOut={onSignOut} />
    </header>
  );
}
