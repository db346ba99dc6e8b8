import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BRANDING } from '@countersign/shared';
import { App } from '../App.tsx';
import { appSession } from '../app/session.ts';

// The whole app against a fake runtime: which branding it asks for, and where it shows it.
const PUBLIC = { productName: 'Northwind Flow', logoUrl: null, primaryColor: '#6d28d9', accentColor: '#b45309', supportUrl: 'https://help.northwind.test', supportEmail: null };
const TENANT = { effective: { ...PUBLIC, productName: 'Northwind Flow for Demo Finance', customDomains: ['flows.northwind.test'] }, own: {} };
const user = { id: 'demo-designer', tenantId: 'demo', email: 'designer@demo.test', name: 'Demo Designer', roles: ['designer'] };
const requested: string[] = [];

const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  requested.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    const path = String(url);
    requested.push(path.split('?')[0] ?? path);
    if (path === '/api/public/branding') return json(PUBLIC);
    if (path === '/api/branding') return json(TENANT);
    return json({ items: [] });
  });
});
afterEach(() => {
  cleanup();
  appSession.signOut();
  vi.unstubAllGlobals();
});

describe('the app applies the branding it loads', () => {
  it("shows the host's branding on the sign-in page before anyone signs in", async () => {
    window.history.replaceState(null, '', '/sign-in');
    render(<App />);
    expect((await screen.findByRole('heading', { name: /Sign in/ })).textContent).toBe('Sign in to Northwind Flow');
    expect(requested).toEqual(['/api/public/branding']);
    expect(document.title).toBe('Northwind Flow');
    expect(document.body.textContent).not.toMatch(/Countersign/i);
  });

  it("shows the tenant's effective branding once signed in", async () => {
    appSession.signIn({ token: 'T', user });
    window.history.replaceState(null, '', '/');
    render(<App />);
    const header = await screen.findByRole('banner');
    expect(header.textContent).toContain('Northwind Flow for Demo Finance');
    expect(requested[0]).toBe('/api/branding');
    expect(document.title).toBe('Northwind Flow for Demo Finance');
    expect(document.querySelector<HTMLElement>('.cs-app')?.style.getPropertyValue('--cs-primary')).toBe('#6d28d9');
    expect(document.body.textContent).not.toMatch(/Countersign/i);
  });

  it('falls back to the defaults when the runtime cannot say', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 500 }));
    window.history.replaceState(null, '', '/sign-in');
    render(<App />);
    expect((await screen.findByRole('heading', { name: /Sign in/ })).textContent).toBe(`Sign in to ${DEFAULT_BRANDING.productName}`);
  });
});
