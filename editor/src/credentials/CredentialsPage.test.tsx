import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CredentialDto, UserDto } from '@countersign/shared';
import { ApiError } from '../api/api-error.ts';
import type { Session } from '../app/session.ts';
import { CredentialsPage, type CredentialsPageApi } from './CredentialsPage.tsx';

afterEach(cleanup);

const user = (roles: UserDto['roles']): UserDto => ({ id: `u-${roles.join('-')}`, tenantId: 'acme', email: 'someone@acme.test', name: 'Sam Someone', roles, tenantKind: 'standalone' });
const admin: Session = { token: 'admin-token', user: user(['admin']) };
const designer: Session = { token: 'designer-token', user: user(['designer']) };
const approver: Session = { token: 'approver-token', user: user(['approver']) };

const credential = (id: string, name: string, kind: CredentialDto['kind'], extra: Partial<CredentialDto> = {}): CredentialDto => ({
  id,
  name,
  kind,
  headerName: null,
  keyId: 'k1',
  createdBy: 'u-admin',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  lastUsedAt: null,
  ...extra,
});

const ITEMS: CredentialDto[] = [
  credential('tok', 'ERP token', 'api_token'),
  credential('basic', 'Legacy SOAP', 'basic_auth', { lastUsedAt: new Date(Date.now() - 3 * 3600_000).toISOString() }),
  credential('hdr', 'Vendor key', 'header', { headerName: 'X-Api-Key' }),
  credential('hook', 'Stripe webhooks', 'webhook_secret', { keyId: 'k0' }),
];

function fakeApi(overrides: Partial<CredentialsPageApi> = {}): CredentialsPageApi {
  return {
    listCredentials: vi.fn(async () => ITEMS),
    createCredential: vi.fn(),
    replaceCredentialValue: vi.fn(),
    deleteCredential: vi.fn(),
    rotateCredentialKey: vi.fn(),
    listTasks: vi.fn(async () => []),
    ...overrides,
  } as unknown as CredentialsPageApi;
}

const renderPage = (api: CredentialsPageApi, session: Session = admin) => render(<CredentialsPage api={api} session={session} onSignOut={() => {}} />);

describe('the Credentials page', () => {
  it('lists the credentials with their kinds in words and "Never" for an unused one', async () => {
    renderPage(fakeApi());
    const token = await screen.findByTestId('credential-row-tok');
    expect(within(token).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['ERP token', 'API token', 'Never', expect.any(String), expect.stringContaining('Replace value')]);
    expect(screen.getByTestId('credential-row-basic').textContent).toContain('Basic auth');
    expect(screen.getByTestId('credential-row-basic').textContent).toContain('3 hours ago');
    expect(screen.getByTestId('credential-row-hdr').textContent).toContain('Header (X-Api-Key)');
    expect(screen.getByTestId('credential-row-hook').textContent).toContain('Webhook signing secret');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Credentials');
    expect(screen.getByTestId('settings-credentials').getAttribute('aria-current')).toBe('page');
  });

  it('shows the empty state', async () => {
    renderPage(fakeApi({ listCredentials: vi.fn(async () => []) }));
    expect(await screen.findByText(/^No credentials yet\. Add the API token or password a connector sends/)).toBeTruthy();
  });

  it('creates a basic-auth credential from a username and password, and reloads the list', async () => {
    const u = userEvent.setup();
    const createCredential = vi.fn(async () => credential('new', 'Partner ERP', 'basic_auth'));
    const api = fakeApi({ createCredential });
    renderPage(api);
    await u.click(await screen.findByTestId('credential-new'));
    const dialog = screen.getByTestId('credential-new-dialog');
    await u.type(within(dialog).getByLabelText('Name'), 'Partner ERP');
    await u.selectOptions(within(dialog).getByLabelText('Kind'), 'basic_auth');
    expect(within(dialog).queryByLabelText('Header name')).toBeNull();
    await u.type(within(dialog).getByLabelText('Username'), 'svc-countersign');
    expect((within(dialog).getByLabelText('Password') as HTMLInputElement).type).toBe('password');
    await u.type(within(dialog).getByLabelText('Password'), 's3cret pass{Enter}');
    expect(createCredential).toHaveBeenCalledWith({ name: 'Partner ERP', kind: 'basic_auth', value: { username: 'svc-countersign', password: 's3cret pass' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added “Partner ERP”.'));
    expect(screen.queryByTestId('credential-new-dialog')).toBeNull();
    expect(api.listCredentials).toHaveBeenCalledTimes(2);
  });

  it("pins a 422 issue at body.headerName on the header field", async () => {
    const u = userEvent.setup();
    const message = 'Host is set by the runtime or the HTTP client and cannot carry a credential';
    const createCredential = vi.fn(async () => {
      throw new ApiError(422, 'VALIDATION_FAILED', `Invalid request: body.headerName: ${message}`, [{ code: 'invalid_credential', path: ['body', 'headerName'], message }]);
    });
    renderPage(fakeApi({ createCredential }));
    await u.click(await screen.findByTestId('credential-new'));
    const dialog = screen.getByTestId('credential-new-dialog');
    await u.type(within(dialog).getByLabelText('Name'), 'Vendor host');
    await u.selectOptions(within(dialog).getByLabelText('Kind'), 'header');
    await u.type(within(dialog).getByLabelText('Header name'), 'Host');
    await u.type(within(dialog).getByLabelText('Header value'), 'abc');
    await u.click(within(dialog).getByTestId('credential-create'));
    expect(createCredential).toHaveBeenCalledWith({ name: 'Vendor host', kind: 'header', headerName: 'Host', value: 'abc' });
    const header = within(dialog).getByLabelText('Header name');
    await waitFor(() => expect(header.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(header.getAttribute('aria-describedby') ?? '')?.textContent).toBe(message);
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(within(dialog).getByRole('alert').textContent).toBe('Check the highlighted fields.');
  });

  it('replaces a value in the shape of the kind', async () => {
    const u = userEvent.setup();
    const replaceCredentialValue = vi.fn(async (id: string) => ITEMS.find((item) => item.id === id) as CredentialDto);
    const api = fakeApi({ replaceCredentialValue });
    renderPage(api);
    await u.click(await screen.findByTestId('credential-replace-tok'));
    let dialog = screen.getByTestId('credential-replace-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Replace the value of “ERP token”');
    await u.type(within(dialog).getByLabelText('New token'), 'renewed-token{Enter}');
    expect(replaceCredentialValue).toHaveBeenLastCalledWith('tok', 'renewed-token');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Replaced the value of “ERP token”.'));

    await u.click(screen.getByTestId('credential-replace-basic'));
    dialog = screen.getByTestId('credential-replace-dialog');
    await u.type(within(dialog).getByLabelText('Username'), 'svc');
    await u.type(within(dialog).getByLabelText('New password'), 'new-pass');
    await u.click(within(dialog).getByTestId('credential-replace-save'));
    expect(replaceCredentialValue).toHaveBeenLastCalledWith('basic', { username: 'svc', password: 'new-pass' });
    await waitFor(() => expect(api.listCredentials).toHaveBeenCalledTimes(3));
  });

  it('shows the versions that keep a credential from being deleted, each linking to its workflow', async () => {
    const u = userEvent.setup();
    const message = 'The credential ERP token is still named by AP approval v3 (published), node http1: publish versions without it (and let their runs finish) before deleting it';
    const uses = [
      { workflowId: 'wf-ap', workflowName: 'AP approval', version: 3, status: 'published', nodeId: 'http1' },
      { workflowId: 'wf-po', workflowName: 'PO sync', version: 2, status: 'in_review', nodeId: 'push' },
    ];
    const deleteCredential = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', message, [], { uses });
    });
    const api = fakeApi({ deleteCredential });
    renderPage(api);
    await u.click(await screen.findByTestId('credential-delete-tok'));
    const dialog = screen.getByTestId('credential-delete-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Delete “ERP token”?');
    await u.keyboard('{Enter}');
    expect(deleteCredential).toHaveBeenCalledWith('tok');
    expect((await within(dialog).findByRole('alert')).textContent).toBe(message);
    const list = within(dialog).getByTestId('credential-uses');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['AP approval v3 (published), step http1', 'PO sync v2 (in review), step push']);
    expect(within(list).getByRole('link', { name: 'AP approval' }).getAttribute('href')).toBe('/workflows/wf-ap');
    expect(within(list).getByRole('link', { name: 'PO sync' }).getAttribute('href')).toBe('/workflows/wf-po');
    expect(api.listCredentials).toHaveBeenCalledTimes(1);
    await u.keyboard('{Escape}');
    expect(screen.queryByTestId('credential-delete-dialog')).toBeNull();
  });

  it('deletes a credential no version needs', async () => {
    const u = userEvent.setup();
    const deleteCredential = vi.fn(async () => ITEMS[3] as CredentialDto);
    renderPage(fakeApi({ deleteCredential }));
    await u.click(await screen.findByTestId('credential-delete-hook'));
    await u.click(screen.getByTestId('credential-delete-confirm'));
    expect(deleteCredential).toHaveBeenCalledWith('hook');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Deleted “Stripe webhooks”.'));
  });

  it('re-seals the credentials under the current key and reports how many', async () => {
    const u = userEvent.setup();
    const rotateCredentialKey = vi.fn(async () => ({ rotated: 3, currentKeyId: 'k2' }));
    const api = fakeApi({ rotateCredentialKey });
    renderPage(api);
    await u.click(await screen.findByTestId('credential-rotate'));
    expect(rotateCredentialKey).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 credentials re-sealed under key k2.'));
    expect(api.listCredentials).toHaveBeenCalledTimes(2);
  });

  it('shows a designer the list read-only', async () => {
    renderPage(fakeApi(), designer);
    await screen.findByTestId('credential-row-tok');
    expect(screen.getByTestId('credential-read-only').textContent).toContain('Only admins');
    for (const testId of ['credential-new', 'credential-rotate', 'credential-replace-tok', 'credential-delete-tok']) expect(screen.queryByTestId(testId)).toBeNull();
    expect(screen.queryAllByRole('button', { name: /Replace value|Delete|Re-seal|New credential/ })).toHaveLength(0);
  });

  it("shows the runtime's 403 message to a role that may not read credentials", async () => {
    const message = 'Your role (approver) does not allow credential.read; it needs one of: designer, admin';
    renderPage(fakeApi({ listCredentials: vi.fn(async () => Promise.reject(new ApiError(403, 'FORBIDDEN', message))) }), approver);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByTestId('credential-read-only')).toBeNull();
    expect(screen.queryByTestId('credential-new')).toBeNull();
  });
});
