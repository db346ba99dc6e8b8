import { Link } from '../app/Link.tsx';

/** The settings pages an admin has. */
export type SettingsSection = 'credentials' | 'api-keys' | 'branding';

const SECTIONS: { id: SettingsSection; href: string; label: string }[] = [
  { id: 'credentials', href: '/settings/credentials', label: 'Credentials' },
  { id: 'api-keys', href: '/settings/api-keys', label: 'API keys' },
  { id: 'branding', href: '/settings/branding', label: 'Branding' },
];

/** The tabs above every settings page; `current` marks the one shown. */
export function SettingsNav({ current }: { current: SettingsSection }) {
  return (
    <nav className="cs-settings-nav" aria-label="Settings">
      {SECTIONS.map((section) => (
        <Link key={section.id} href={section.href} data-testid={`settings-${section.id}`} aria-current={current === section.id ? 'page' : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
