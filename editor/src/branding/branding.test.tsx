import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppHeader } from '../app/AppHeader.tsx';
import { createSessionStore } from '../app/session.ts';
import { ProductMark } from '../layout/ProductMark.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { ThemeRoot } from '../theme/ThemeRoot.tsx';
import { BrandingRoot } from './BrandingRoot.tsx';
import type { AppBranding } from './branding-theme.ts';

afterEach(cleanup);

/** The effective branding of a client of the partner "Northwind Flow". */
const NORTHWIND: AppBranding = {
  productName: 'Northwind Flow',
  logoUrl: null,
  primaryColor: '#6d28d9',
  accentColor: '#b45309',
  supportUrl: 'https://help.northwind.test',
  supportEmail: null,
};
const user = { id: 'u1', tenantId: 'demo', email: 'designer@demo.test', name: 'Dana Designer', roles: ['designer'] };

describe('branding in the app', () => {
  it("shows the partner's name in the header and the document title, with its support link, never Countersign", () => {
    render(
      <BrandingRoot branding={NORTHWIND} className="cs-app">
        <AppHeader user={user} api={{ listTasks: async () => [] }} current="workflows" onSignOut={() => undefined} />
      </BrandingRoot>,
    );
    expect(screen.getByRole('banner').textContent).toContain('Northwind Flow');
    expect(screen.getByTestId('support-link').getAttribute('href')).toBe('https://help.northwind.test');
    expect(document.title).toBe('Northwind Flow');
    expect(document.body.textContent).not.toMatch(/Countersign/i);
  });

  it("names the partner's product on the sign-in page", () => {
    render(
      <BrandingRoot branding={{ ...NORTHWIND, supportUrl: null, supportEmail: 'help@northwind.test' }}>
        <SignInPage session={createSessionStore(null)} next={null} />
      </BrandingRoot>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Sign in to Northwind Flow');
    expect(screen.getByTestId('support-link').getAttribute('href')).toBe('mailto:help@northwind.test');
    expect(document.body.textContent).toContain('Northwind Flow');
    expect(document.body.textContent).not.toMatch(/Countersign/i);
  });

  it('applies the colours as CSS variables of the theme, and the embedded editor inherits them', () => {
    const { container } = render(
      <BrandingRoot branding={{ ...NORTHWIND, logoUrl: 'https://cdn.northwind.test/logo.svg' }} className="cs-app">
        <ThemeRoot className="cs-editor-root">
          <ProductMark />
        </ThemeRoot>
      </BrandingRoot>,
    );
    const app = container.querySelector<HTMLElement>('.cs-app');
    expect(app?.style.getPropertyValue('--cs-primary')).toBe('#6d28d9');
    expect(app?.style.getPropertyValue('--cs-accent')).toBe('#b45309');
    expect(app?.style.getPropertyValue('--cs-primary-contrast')).toBe('#ffffff');
    const editor = container.querySelector<HTMLElement>('.cs-editor-root');
    expect(editor?.style.getPropertyValue('--cs-primary')).toBe('#6d28d9');
    expect(editor?.textContent).toBe('Northwind Flow');
    expect(editor?.querySelector('img')?.getAttribute('src')).toBe('https://cdn.northwind.test/logo.svg');
  });

  it('draws nothing until a branding has loaded', () => {
    const { container } = render(
      <BrandingRoot branding={null} className="cs-app">
        <p>page</p>
      </BrandingRoot>,
    );
    expect(container.textContent).toBe('');
  });
});
