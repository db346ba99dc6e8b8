import { describe, expect, it } from 'vitest';
import { brandedSettings, onHost } from './tenant-render-settings.ts';

const base = { productName: 'Countersign', publicUrl: 'http://app.example.com:3000/cs' };

describe("a tenant's render settings", () => {
  it('keep the notifier settings for what the branding leaves out (no sender name of their own)', () => {
    expect(brandedSettings(base, {})).toEqual({ ...base, support: { url: undefined, email: undefined }, senderName: undefined });
  });

  it("take the tenant's product name, support and app host, keeping the app's path", () => {
    const settings = brandedSettings(base, { productName: 'Northwind Flow', supportEmail: 'help@northwind.test', appHost: 'flows.northwind.test' });
    expect(settings).toEqual({ productName: 'Northwind Flow', publicUrl: 'https://flows.northwind.test/cs', support: { url: undefined, email: 'help@northwind.test' }, senderName: 'Northwind Flow' });
    expect(onHost(undefined, 'flows.northwind.test')).toBe('https://flows.northwind.test');
  });
});
