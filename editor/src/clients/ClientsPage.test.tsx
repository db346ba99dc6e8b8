import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartnerOverviewDto, TenantDto, UserDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { createSessionStore, type Session } from '../app/session.ts';
import { ClientsPage } from './ClientsPage.tsx';
import { PartnerBanner } from './PartnerBanner.tsx';

afterEach(cleanup);

const partnerUser: UserDto = { id: 'p-admin', tenantId: 'partner', email: 'partner@demo.test', name: 'Pat Partner', roles: ['admin'], tenantKind: 'partner' };
const tenant = (id: string, name: string): TenantDto => ({ id, name, kind: 'client', parentId: 'partner', createdAt: '2026-01-01T00:00:00.000Z' });
const OVERVIEW: PartnerOverviewDto['items'] = [
  { tenant: tenant('acme', 'Acme Ltd'), runs: { last24h: 40, failed24h: 4, running: 2, waiting: 3 }, tasks: { open: 5, overdue: 2, dueWithin24h: 1 }, lastRunAt: new Date().toISOString() },
  { tenant: tenant('quiet', 'Quiet Co'), runs: { last24h: 0, failed24h: 0, running: 0, waiting: 0 }, tasks: { open: 0, overdue: 0, dueWithin24h: 0 }, lastRunAt: null },
];

function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient {
  return { partnerOverview: vi.fn(async () => OVERVIEW), listTasks: vi.fn(async () => []), ...overrides } as unknown as ApiClient;
}

function memoryStore(session: Session) {
  const data = new Map<string, string>();
  const store = createSessionStore({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) });
  store.signIn(session);
  return store;
}

describe('the Clients page', () => {
  it("shows each client's runs and approval SLAs, with overdue tasks called out", async () => {
    const session = { token: 'partner-token', user: partnerUser };
    render(<ClientsPage api={fakeApi()} session={session} onSignOut={() => {}} store={memoryStore(session)} />);
    const acme = await screen.findByTestId('client-acme');
    expect(acme.textContent).toContain('Acme Ltd');
    expect(acme.textContent).toContain('40 (4 failed)');
    expect(acme.textContent).toContain('2 · 3');
    expect(acme.textContent).toContain('5 open · 2 overdue · 1 due within 24 h');
    expect(within(screen.getByTestId('client-quiet')).getByText('None')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('2 approval tasks are overdue across your clients.');
  });

  it('creates a client, pinning a taken email on its field', async () => {
    const user = userEvent.setup();
    const createClientTenant = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(409, 'CONFLICT', 'A user with the email x@acme.test exists already', [{ code: 'duplicate', path: ['body', 'admin', 'email'], message: 'This email is taken' }]))
      .mockResolvedValueOnce(tenant('new', 'Contoso'));
    const api = fakeApi({ createClientTenant } as Partial<ApiClient>);
    const session = { token: 'partner-token', user: partnerUser };
    render(<ClientsPage api={api} session={session} onSignOut={() => {}} store={memoryStore(session)} />);
    await user.click(await screen.findByTestId('new-client-open'));
    const dialog = screen.getByTestId('new-client-dialog');
    await user.type(within(dialog).getByLabelText('Client name'), 'Contoso');
    await user.type(within(dialog).getByLabelText("Admin's name"), 'Casey');
    await user.type(within(dialog).getByLabelText("Admin's email"), 'x@acme.test');
    await user.type(within(dialog).getByLabelText(/^First password/), 'a-long-password-1');
    await user.click(within(dialog).getByTestId('new-client-create'));
    expect(await within(dialog).findByText('This email is taken')).toBeTruthy();
    expect(within(dialog).getByLabelText("Admin's email").getAttribute('aria-invalid')).toBe('true');
    await user.clear(within(dialog).getByLabelText("Admin's email"));
    await user.type(within(dialog).getByLabelText("Admin's email"), 'casey@contoso.test');
    await user.click(within(dialog).getByTestId('new-client-create'));
    expect(createClientTenant).toHaveBeenLastCalledWith({ name: 'Contoso', admin: { name: 'Casey', email: 'casey@contoso.test', password: 'a-long-password-1' } });
    expect((await screen.findByRole('status')).textContent).toContain('Created Contoso');
    expect(api.partnerOverview).toHaveBeenCalledTimes(2);
  });

  it('opens a client as its admin, and the banner goes back to the partner session', async () => {
    const user = userEvent.setup();
    const switchIntoClient = vi.fn(async () => ({ token: 'client-token', tenant: tenant('acme', 'Acme Ltd') }));
    const session = { token: 'partner-token', user: partnerUser };
    const store = memoryStore(session);
    render(<ClientsPage api={fakeApi({ switchIntoClient } as Partial<ApiClient>)} session={session} onSignOut={() => {}} store={store} />);
    await user.click(await screen.findByTestId('client-open-acme'));
    expect(switchIntoClient).toHaveBeenCalledWith('acme');
    const acting = store.get();
    expect(acting).toMatchObject({ token: 'client-token', user: { tenantId: 'acme', roles: ['admin'], tenantKind: 'client' }, partner: { token: 'partner-token', clientName: 'Acme Ltd' } });
    expect(window.location.pathname).toBe('/');
    cleanup();

    render(<PartnerBanner session={acting as Session} store={store} />);
    expect(screen.getByTestId('partner-banner').textContent).toContain('Acme Ltd');
    await user.click(screen.getByRole('button', { name: 'Back to your clients' }));
    expect(store.get()).toEqual({ token: 'partner-token', user: partnerUser });
    expect(window.location.pathname).toBe('/clients');
  });

  it('keeps the way back to the partner across a reload of the tab', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const acting: Session = { token: 'client-token', user: { ...partnerUser, tenantId: 'acme', tenantKind: 'client' }, partner: { token: 'partner-token', user: partnerUser, clientName: 'Acme Ltd' } };
    createSessionStore(storage).signIn(acting);
    expect(createSessionStore(storage).get()).toEqual(acting);
  });
});
