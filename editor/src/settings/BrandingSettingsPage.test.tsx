import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BRANDING, type BrandingDto, type TenantBrandingDto, type UserDto } from '@countersign/shared';
import { ApiError } from '../api/api-error.ts';
import { BrandingSettingsPage, type BrandingSettingsApi } from './BrandingSettingsPage.tsx';
import { inheritedOf } from './branding-form.ts';

afterEach(cleanup);

const clientAdmin: UserDto = { id: 'u-admin', tenantId: 'acme', email: 'admin@acme.test', name: 'Ada Admin', roles: ['admin'], tenantKind: 'client' };
const clientDesigner: UserDto = { ...clientAdmin, id: 'u-designer', roles: ['designer'] };

/** A client of the partner Northwind, which named its own product and inherits the rest. */
const TENANT: TenantBrandingDto = {
  own: { productName: 'Acme Flow' },
  effective: {
    productName: 'Acme Flow',
    logoUrl: 'https://cdn.northwind.test/logo.svg',
    primaryColor: '#6d28d9',
    accentColor: '#b45309',
    supportUrl: 'https://help.northwind.test',
    supportEmail: null,
    customDomains: [],
  },
};

function fakeApi(overrides: Partial<BrandingSettingsApi> = {}): BrandingSettingsApi {
  const saved = (own: BrandingDto): TenantBrandingDto => ({ own, effective: { ...TENANT.effective, productName: own.productName ?? 'Northwind Flow', ...own, customDomains: own.customDomains ?? [] } });
  return { tenantBranding: vi.fn(async () => TENANT), updateBranding: vi.fn(async (own: BrandingDto) => saved(own)), listTasks: vi.fn(async () => []), ...overrides };
}

const renderPage = (api: BrandingSettingsApi, user: UserDto = clientAdmin) => render(<BrandingSettingsPage api={api} session={{ token: 't', user }} onSignOut={() => {}} />);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
/** The issues shown under a field (its aria-describedby, hint included). */
const described = (element: HTMLElement): string =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the Branding settings page', () => {
  it('shows what each empty field inherits, and previews the header', async () => {
    renderPage(fakeApi());
    await screen.findByTestId('branding-form');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Branding');
    expect(screen.getByTestId('settings-branding').getAttribute('aria-current')).toBe('page');
    expect(field('Product name').value).toBe('Acme Flow');
    expect(field('Primary colour').value).toBe('');
    expect(field('Primary colour').placeholder).toBe('Inherited: #6d28d9');
    expect(field('Accent colour').placeholder).toBe('Inherited: #b45309');
    expect(field('Logo URL').placeholder).toBe('Inherited: https://cdn.northwind.test/logo.svg');
    expect(field('Support URL').placeholder).toBe('Inherited: https://help.northwind.test');
    expect(field('Support email').placeholder).toBe('Inherited: none');
    expect(field('Custom domains').placeholder).toBe('Inherited: none');
    expect(screen.getByTestId('branding-preview-name').textContent).toBe('Acme Flow');
    expect(screen.getByTestId('branding-preview-logo').getAttribute('src')).toBe('https://cdn.northwind.test/logo.svg');
    const preview = screen.getByTestId('branding-preview');
    expect(preview.style.getPropertyValue('--cs-preview-primary')).toBe('#6d28d9');
    expect(preview.style.getPropertyValue('--cs-preview-accent')).toBe('#b45309');
  });

  it('knows what a field set by the tenant inherits when it has no partner', () => {
    const standalone = inheritedOf({ own: { productName: 'Acme Flow' }, effective: { ...DEFAULT_BRANDING, productName: 'Acme Flow' } }, false);
    expect(standalone.productName).toBe('Countersign');
    expect(inheritedOf(TENANT, true).productName).toBeUndefined();
  });

  it("shows the partner's value under a field the client set itself, when the runtime says what it inherits", () => {
    const withInherited = { ...TENANT, inherited: { ...DEFAULT_BRANDING, productName: 'Northwind Flow' } };
    expect(inheritedOf(withInherited, true).productName).toBe('Northwind Flow');
  });

  it('refuses a low-contrast primary colour before sending', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderPage(api);
    await screen.findByTestId('branding-form');
    await user.type(field('Primary colour'), '#ffcc00');
    expect(field('Primary colour').getAttribute('aria-invalid')).toBe('true');
    expect(described(field('Primary colour'))).toContain('it needs at least 4.5:1');
    // The preview shows the colour all the same.
    expect(screen.getByTestId('branding-preview').style.getPropertyValue('--cs-preview-primary')).toBe('#ffcc00');
    await user.click(screen.getByTestId('branding-save'));
    expect(api.updateBranding).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Nothing was saved');

    await user.clear(field('Primary colour'));
    await user.type(field('Primary colour'), '#1d4ed8');
    expect(field('Primary colour').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("pins the runtime's 409 for a taken domain on the domains field, at its line", async () => {
    const user = userEvent.setup();
    const updateBranding = vi.fn(async (): Promise<TenantBrandingDto> => {
      throw new ApiError(409, 'CONFLICT', 'A custom domain is in use by another tenant', [
        { code: 'domain_taken', path: ['body', 'customDomains', 1], message: 'flows.taken.example is mapped to another tenant' },
      ]);
    });
    renderPage(fakeApi({ updateBranding }));
    await screen.findByTestId('branding-form');
    // A blank line is not sent: the runtime's index 1 is the third line.
    await user.type(field('Custom domains'), 'flows.acme.example{Enter}{Enter}flows.taken.example');
    await user.click(screen.getByTestId('branding-save'));

    expect(updateBranding).toHaveBeenCalledWith({ productName: 'Acme Flow', customDomains: ['flows.acme.example', 'flows.taken.example'] });
    expect((await screen.findByRole('alert')).textContent).toContain('A custom domain is in use by another tenant');
    const domains = field('Custom domains');
    expect(domains.getAttribute('aria-invalid')).toBe('true');
    expect(described(domains)).toContain('Line 3: flows.taken.example is mapped to another tenant');
    expect(field('Product name').getAttribute('aria-invalid')).toBeNull();

    await user.type(domains, 'x');
    expect(domains.getAttribute('aria-invalid')).toBeNull();
  });

  it('sends only the filled fields and says how to see the change', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderPage(api);
    await screen.findByTestId('branding-form');
    await user.clear(field('Product name'));
    await user.type(field('Accent colour'), '#0f766e');
    await user.type(field('Support email'), '  help@acme.test ');
    await user.click(screen.getByTestId('branding-save'));

    expect(api.updateBranding).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.updateBranding).mock.calls[0]?.[0]).toStrictEqual({ accentColor: '#0f766e', supportEmail: 'help@acme.test' });
    expect((await screen.findByText('Saved. Reload to see it across the app.')).getAttribute('role')).toBe('status');
    // The answer shows what the cleared name inherits now.
    expect(field('Product name').placeholder).toBe('Inherited: Northwind Flow');
  });

  it('takes an uploaded logo as a data: URL, and refuses one too large without reading it', async () => {
    const user = userEvent.setup();
    renderPage(fakeApi());
    await screen.findByTestId('branding-form');
    await user.upload(screen.getByTestId('branding-logo-file'), new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', { type: 'image/svg+xml' }));
    await vi.waitFor(() => expect(field('Logo URL').value).toMatch(/^data:image\/svg\+xml;base64,/));
    expect(field('Logo URL').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('branding-preview-logo').getAttribute('src')).toBe(field('Logo URL').value);

    await user.upload(screen.getByTestId('branding-logo-file'), new File([new Uint8Array(300 * 1024)], 'huge.png', { type: 'image/png' }));
    expect(described(field('Logo URL'))).toContain('huge.png has 300 KB; at most 200 KB');
    expect(field('Logo URL').value).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('shows a non-admin the fields read-only, without saving', async () => {
    const api = fakeApi();
    renderPage(api, clientDesigner);
    await screen.findByTestId('branding-form');
    expect(field('Product name').readOnly).toBe(true);
    expect(field('Custom domains').readOnly).toBe(true);
    expect((screen.getByLabelText('Pick the primary colour') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByTestId('branding-save')).toBeNull();
    expect(screen.queryByTestId('branding-logo-file')).toBeNull();
    expect(screen.getByText('Only admins can change the branding; you see it read-only.')).toBeTruthy();
  });
});
