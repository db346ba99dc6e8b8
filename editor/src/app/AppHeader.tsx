import type { UserDto } from '@countersign/shared';
import { ProductMark } from '../layout/ProductMark.tsx';
import { Link } from './Link.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Header of the app's own pages (not the editor, which has its top bar). */
export function AppHeader({ user, onSignOut }: { user: UserDto; onSignOut(): void }) {
  return (
    <header className="cs-app-header">
      <Link href="/" className="cs-app-header__home" aria-label="Workflows">
        <ProductMark />
      </Link>
      <nav className="cs-app-header__nav" aria-label="Main">
        <Link href="/" aria-current="page">
          Workflows
        </Link>
      </nav>
      <UserMenu user={user} onSignOut={onSignOut} />
    </header>
  );
}
