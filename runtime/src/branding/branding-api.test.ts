import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BRANDING, TenantBrandingSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { getWithHost, otherPartnerAdmin, pngDataUrl } from './branding-test-kit.ts';

let t: TestRuntime;
let partner: string;
let clientAdmin: string;
let designer: string;

const NORTHWIND = { productName: 'Northwind Flow', primaryColor: '#6d28d9', supportUrl: 'https://help.northwind.test', customDomains: ['Flows.Northwind.test'] };

beforeAll(async () => {
  t = await startTestRuntime();
  partner = await t.login('partner@demo.test');
  clientAdmin = await t.login('admin@demo.test');
  designer = await t.login('designer@demo.test');
});
afterAll(async () => t?.close());

const branding = async (token: string) => TenantBrandingSchema.parse((await t.call('GET', '/api/branding', { token })).body);

describe('branding: client <- partner <- defaults', () => {
  it('inherits field by field, and a partner admin may brand its client', async () => {
    expect(await branding(designer)).toEqual({ effective: DEFAULT_BRANDING, own: {}, inherited: DEFAULT_BRANDING });

    const saved = await t.call('PUT', '/api/branding', { token: partner, json: NORTHWIND });
    expect(saved.status).toBe(200);
    expect(saved.body.own.customDomains).toEqual(['flows.northwind.test']);
    const client = await branding(designer);
    expect(client.own).toEqual({});
    expect(client.effective).toEqual({ ...DEFAULT_BRANDING, productName: 'Northwind Flow', primaryColor: '#6d28d9', supportUrl: 'https://help.northwind.test', customDomains: ['flows.northwind.test'] });

    // The client's own field wins; the rest still comes from the partner.
    expect((await t.call('PUT', '/api/branding', { token: clientAdmin, json: { accentColor: '#B45309' } })).status).toBe(200);
    expect((await branding(designer)).effective).toMatchObject({ productName: 'Northwind Flow', accentColor: '#b45309', primaryColor: '#6d28d9' });
    // What the client's own accent hides: the partner's (here Countersign's, which the partner kept).
    expect((await branding(designer)).inherited).toMatchObject({ productName: 'Northwind Flow', accentColor: DEFAULT_BRANDING.accentColor });

    // PUT replaces the client's own branding: its accent goes back to the inherited one.
    const byPartner = await t.call('PUT', '/api/tenants/demo/branding', { token: partner, json: { productName: 'Demo Finance Approvals' } });
    expect(byPartner.status).toBe(200);
    expect((await branding(designer)).effective).toMatchObject({ productName: 'Demo Finance Approvals', accentColor: DEFAULT_BRANDING.accentColor, primaryColor: '#6d28d9' });
    expect((await branding(partner)).effective.productName).toBe('Northwind Flow');
    await t.call('PUT', '/api/tenants/demo/branding', { token: partner, json: {} });
    expect((await branding(designer)).effective.productName).toBe('Northwind Flow');
  });

  it('records each change in the audit trail (the client change in both chains), and the chains verify', async () => {
    const actions = async (tenantId: string) => (await t.database.knex('audit_events').where({ tenant_id: tenantId, action: 'branding.updated' }).orderBy('seq').select('actor', 'target_id', 'after', 'reason'));
    const partnerEvents = await actions('demo-partner');
    const clientEvents = await actions('demo');
    expect(partnerEvents.map((e) => e.target_id)).toEqual(['demo-partner', 'demo', 'demo']);
    expect(clientEvents.map((e) => e.actor.id)).toEqual(['demo-admin', 'demo-partner-admin', 'demo-partner-admin']);
    expect(clientEvents[1]?.after).toEqual({ productName: 'Demo Finance Approvals' });
    for (const token of [partner, clientAdmin]) expect((await t.call('GET', '/api/audit/verify', { token })).body).toMatchObject({ ok: true });
  });

  it('lets only admins change it', async () => {
    const refused = await t.call('PUT', '/api/branding', { token: designer, json: { productName: 'Mine' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('branding.manage');
  });
});

describe('branding validation', () => {
  const put = (json: unknown) => t.call('PUT', '/api/branding', { token: partner, json });

  it('refuses a primary colour white text cannot be read on, and colours that are not #rrggbb', async () => {
    const pale = await put({ primaryColor: '#ffd400' });
    expect(pale.status).toBe(422);
    expect(pale.body.error.issues).toEqual([expect.objectContaining({ code: 'low_contrast', path: ['body', 'primaryColor'] })]);
    expect(pale.body.error.issues[0].message).toMatch(/1\.\d\d:1.*4\.5:1/);
    const malformed = await put({ primaryColor: 'blue', accentColor: '#12345' });
    expect(malformed.body.error.issues.map((i: { code: string; path: string[] }) => `${i.code} ${i.path.join('.')}`)).toEqual(['invalid_color body.primaryColor', 'invalid_color body.accentColor']);
  });

  it('refuses a logo over 200 KB, of another type or not on https, and bad links and hosts', async () => {
    expect((await put({ logoUrl: pngDataUrl(200 * 1024) })).status).toBe(200);
    const large = await put({ logoUrl: pngDataUrl(200 * 1024 + 1) });
    expect(large.status).toBe(422);
    expect(large.body.error.issues).toEqual([expect.objectContaining({ code: 'logo_too_large', path: ['body', 'logoUrl'] })]);
    const issues = (await put({ logoUrl: 'data:image/gif;base64,R0lG', supportUrl: 'http://help.test', customDomains: ['https://x.test/a', 'ok.test', 'OK.test'] })).body.error.issues;
    expect(issues.map((i: { code: string }) => i.code)).toEqual(['invalid_logo', 'invalid_url', 'invalid_host', 'duplicate_domain']);
    expect((await put({ logoUrl: 'http://cdn.test/logo.png' })).body.error.issues[0].code).toBe('invalid_logo');
    expect((await put({ productName: '' })).status).toBe(400);
    await put(NORTHWIND);
  });

  it('keeps custom domains unique across tenants (409 naming the domain)', async () => {
    const taken = await t.call('PUT', '/api/branding', { token: clientAdmin, json: { customDomains: ['client.demo.test', 'FLOWS.northwind.test'] } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.issues).toEqual([expect.objectContaining({ code: 'domain_taken', path: ['body', 'customDomains', 1] })]);
    expect((await branding(clientAdmin)).own).toEqual({});
    // The owner may keep (re-save) its own domain.
    expect((await t.call('PUT', '/api/branding', { token: partner, json: NORTHWIND })).status).toBe(200);
  });
});

describe('public branding by Host', () => {
  it("shows the partner's branding on its custom domain before sign-in, without ids or domains", async () => {
    const mapped = await getWithHost(t.baseUrl, '/api/public/branding', 'flows.northwind.test:443');
    expect(mapped.status).toBe(200);
    expect(mapped.body).toEqual({ productName: 'Northwind Flow', logoUrl: null, primaryColor: '#6d28d9', accentColor: DEFAULT_BRANDING.accentColor, supportUrl: 'https://help.northwind.test', supportEmail: null });
    expect(mapped.text).not.toMatch(/demo-partner|"demo"|Northwind Partners/);
  });

  it('shows the defaults on an unknown host', async () => {
    const { customDomains: _domains, ...defaults } = DEFAULT_BRANDING;
    expect((await getWithHost(t.baseUrl, '/api/public/branding', 'unknown.example')).body).toEqual(defaults);
    expect((await t.call('GET', '/api/public/branding')).body).toEqual(defaults);
  });
});

describe('branding across tenants', () => {
  it("lets another tenant neither read nor change this partner's or its client's branding", async () => {
    const other = await otherPartnerAdmin(t, 'partner-b');
    expect((await branding(other)).effective).toEqual(DEFAULT_BRANDING);
    const before = await branding(designer);
    expect((await t.call('PUT', '/api/tenants/demo/branding', { token: other, json: { productName: 'Hijacked' } })).status).toBe(404);
    expect((await t.call('PUT', '/api/tenants/demo-partner/branding', { token: other, json: { productName: 'Hijacked' } })).status).toBe(404);
    // A client admin cannot brand its partner (it is not the partner's partner), nor the partner another partner.
    expect((await t.call('PUT', '/api/tenants/demo-partner/branding', { token: clientAdmin, json: { productName: 'Up' } })).status).toBe(404);
    expect((await t.call('PUT', '/api/tenants/partner-b/branding', { token: partner, json: { productName: 'Across' } })).status).toBe(404);
    expect(await branding(designer)).toEqual(before);
    expect((await t.call('PUT', '/api/branding', { token: other, json: { productName: 'Partner B' } })).body.effective.productName).toBe('Partner B');
    expect((await branding(designer)).effective.productName).toBe('Northwind Flow');
  });
});
