import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiKeyDto, UserDto } from '@countersign/shared';
import { ApiError } from '../api/api-error.ts';
import { ApiKeysPage, type ApiKeysPageApi } from './ApiKeysPage.tsx';

afterEach(cleanup);

const admin: UserDto = { id: 'u-admin', tenantId: 'acme', email: 'admin@acme.test', name: 'Ada Admin', roles: ['admin'] };
const designer: UserDto = { id: 'u-designer', tenantId: 'acme', email: 'dana@acme.test', name: 'Dana Designer', roles: ['designer'] };

const apiKey = (overrides: Partial<ApiKeyDto> = {}): ApiKeyDto => ({
  id: 'k1',
  name: 'ERP production',
  prefix: 'csk_3f9a1c',
  roles: ['operator'],
  rateLimitPerMinute: 600,
  createdBy: 'u-admin',
  createdAt: '2026-01-05T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});
const KEYS = [apiKey(), apiKey({ id: 'k2', name: 'Old portal', prefix: 'csk_77b0e2', roles: ['operator', 'auditor'], rateLimitPerMinute: 60, lastUsedAt: '2026-01-06T10:00:00.000Z', revokedAt: '2026-01-07T10:00:00.000Z' })];
const SECRET = 'csk_3f9a1c0d4e5f6a7b8c9d0e1f2a3b4c5d';

function fakeApi(overrides: Partial<ApiKeysPageApi> = {}): ApiKeysPageApi {
  return { listApiKeys: vi.fn(async () => KEYS), createApiKey: vi.fn(), revokeApiKey: vi.fn(), listTasks: vi.fn(async () => []), ...overrides };
}

const renderPage = (api: ApiKeysPageApi, user: UserDto = admin) => render(<ApiKeysPage api={api} session={{ token: 't', user }} onSignOut={() => {}} />);

describe('the API keys page', () => {
  it('lists the keys by prefix, roles, limit and use, never the key', async () => {
    renderPage(fakeApi());
    const active = await screen.findByTestId('apikey-row-k1');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('API keys');
    expect(screen.getByTestId('settings-api-keys').getAttribute('aria-current')).toBe('page');
    for (const text of ['ERP production', 'csk_3f9a1c…', 'operator', '600 / min', 'Never', 'Active']) expect(active.textContent).toContain(text);
    expect(within(active).getByTestId('apikey-revoke-k1')).toBeTruthy();
    const revoked = screen.getByTestId('apikey-row-k2');
    expect(revoked.textContent).toContain('operator, auditor');
    expect(revoked.textContent).toContain('Revoked');
    expect(screen.queryByTestId('apikey-revoke-k2')).toBeNull();
  });

  it('says what a key is for when there is none', async () => {
    renderPage(fakeApi({ listApiKeys: vi.fn(async () => []) }));
    expect(await screen.findByText('No API keys yet. Create one for a server that calls Countersign (an ERP, a partner portal).')).toBeTruthy();
    expect(screen.queryByTestId('apikey-table')).toBeNull();
  });

  it('creates a key with name, roles and limit, and shows the key once', async () => {
    const user = userEvent.setup();
    const created = apiKey({ id: 'k3', name: 'Partner portal', roles: ['operator', 'auditor'], rateLimitPerMinute: 120 });
    const createApiKey = vi.fn(async () => ({ key: SECRET, apiKey: created }));
    renderPage(fakeApi({ createApiKey }));
    await user.click(await screen.findByTestId('apikey-new'));
    const dialog = screen.getByTestId('apikey-dialog');
    expect((within(dialog).getByLabelText('Rate limit per minute') as HTMLInputElement).value).toBe('600');
    expect((within(dialog).getByTestId('apikey-create') as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(dialog).getByLabelText('Name'), 'Partner portal');
    // Clicked out of order: the request lists them in the order of the roles.
    await user.click(within(dialog).getByTestId('apikey-role-auditor'));
    await user.click(within(dialog).getByTestId('apikey-role-operator'));
    await user.clear(within(dialog).getByLabelText('Rate limit per minute'));
    await user.type(within(dialog).getByLabelText('Rate limit per minute'), '120');
    await user.click(within(dialog).getByTestId('apikey-create'));

    expect(createApiKey).toHaveBeenCalledWith({ name: 'Partner portal', roles: ['operator', 'auditor'], rateLimitPerMinute: 120 });
    expect(screen.queryByTestId('apikey-dialog')).toBeNull();
    const panel = await screen.findByTestId('apikey-created');
    expect(screen.getByTestId('apikey-created-key').textContent).toBe(SECRET);
    expect(panel.textContent).toContain('Copy it now: it is not shown again');
    expect(panel.textContent).toContain('X-Api-Key: csk_…');
    expect(document.activeElement).toBe(panel);
    expect(screen.getByTestId('apikey-row-k3').textContent).toContain('Partner portal');

    await user.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(panel).getByRole('status').textContent).toBe('Copied to the clipboard.');

    await user.click(within(panel).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('apikey-created')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('says how to copy the key where there is no clipboard', async () => {
    const user = userEvent.setup();
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
    const createApiKey = vi.fn(async () => ({ key: SECRET, apiKey: apiKey({ id: 'k3' }) }));
    renderPage(fakeApi({ createApiKey }));
    await user.click(await screen.findByTestId('apikey-new'));
    await user.type(screen.getByLabelText('Name'), 'ERP test');
    await user.click(screen.getByTestId('apikey-role-operator'));
    await user.click(screen.getByTestId('apikey-create'));
    const panel = await screen.findByTestId('apikey-created');
    await user.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(within(panel).getByRole('status').textContent).toBe('The clipboard is not available here: select the key and copy it.');
  });

  it("shows the runtime's refusal of a role, on the roles", async () => {
    const user = userEvent.setup();
    const createApiKey = vi.fn(async () => {
      throw new ApiError(403, 'FORBIDDEN', 'You cannot grant roles you do not hold: admin', [{ code: 'forbidden', path: ['body', 'roles'], message: 'Not yours to grant: admin' }]);
    });
    renderPage(fakeApi({ createApiKey }));
    await user.click(await screen.findByTestId('apikey-new'));
    const dialog = screen.getByTestId('apikey-dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Too strong');
    await user.click(within(dialog).getByTestId('apikey-role-admin'));
    await user.click(within(dialog).getByTestId('apikey-create'));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('You cannot grant roles you do not hold: admin');
    expect(within(dialog).getByRole('group', { name: 'Roles' }).textContent).toContain('Not yours to grant: admin');
    expect(screen.queryByTestId('apikey-created')).toBeNull();
  });

  it('asks before revoking a key, naming it', async () => {
    const user = userEvent.setup();
    const revokeApiKey = vi.fn(async () => apiKey({ revokedAt: new Date().toISOString() }));
    renderPage(fakeApi({ revokeApiKey }));
    await user.click(await screen.findByTestId('apikey-revoke-k1'));
    const dialog = screen.getByTestId('apikey-revoke-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Revoke “ERP production”?');
    expect(revokeApiKey).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('apikey-revoke-dialog')).toBeNull();
    expect(revokeApiKey).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('apikey-revoke-k1'));
    await user.click(screen.getByTestId('apikey-revoke-confirm'));
    expect(revokeApiKey).toHaveBeenCalledWith('k1');
    expect(screen.queryByTestId('apikey-revoke-dialog')).toBeNull();
    expect(screen.getByTestId('apikey-row-k1').textContent).toContain('Revoked');
    expect(screen.queryByTestId('apikey-revoke-k1')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Revoked “ERP production”');
  });

  it("shows a non-admin the runtime's 403 and no actions", async () => {
    const listApiKeys = vi.fn(async (): Promise<ApiKeyDto[]> => {
      throw new ApiError(403, 'FORBIDDEN', 'Your roles do not allow apikey.manage');
    });
    renderPage(fakeApi({ listApiKeys }), designer);
    expect((await screen.findByRole('alert')).textContent).toBe('Your roles do not allow apikey.manage');
    expect(screen.queryByTestId('apikey-new')).toBeNull();
    cleanup();

    // Even were the list readable, the actions stay an admin's.
    renderPage(fakeApi(), designer);
    await screen.findByTestId('apikey-row-k1');
    expect(screen.queryByTestId('apikey-new')).toBeNull();
    expect(screen.queryByTestId('apikey-revoke-k1')).toBeNull();
  });
});
