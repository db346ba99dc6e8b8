import { useEffect, useRef, useState } from 'react';
import type { UserDto } from '@countersign/shared';

/** The signed-in user's menu: who, which roles, and sign out. */
export function UserMenu({ user, onSignOut }: { user: UserDto; onSignOut(): void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const initials = user.name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="cs-user" ref={ref}>
      <button type="button" className="cs-user__button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={user.email}>
        <span className="cs-user__avatar" aria-hidden="true">{initials}</span>
        <span className="cs-visually-hidden">User menu for {user.name}</span>
      </button>
      {open ? (
        <div className="cs-popover cs-user__menu" role="menu">
          <div className="cs-user__who">
            <strong>{user.name}</strong>
            <span className="cs-muted">{user.email}</span>
            <span className="cs-muted">Roles: {user.roles.join(', ')}</span>
          </div>
          <button type="button" role="menuitem" className="cs-button cs-button--small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
