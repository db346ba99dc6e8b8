import { describe, expect, it } from 'vitest';
import { brandingIssues, contrastRatio, DEFAULT_BRANDING, effectiveBranding, normalizeHost } from './branding.ts';

describe('branding', () => {
  it('takes each field from the tenant, else its partner, else the defaults', () => {
    expect(effectiveBranding({}, null)).toEqual(DEFAULT_BRANDING);
    const partner = { productName: 'Northwind Flow', primaryColor: '#6d28d9', customDomains: ['flows.northwind.test'] };
    expect(effectiveBranding({ accentColor: '#b45309' }, partner)).toEqual({ ...DEFAULT_BRANDING, ...partner, accentColor: '#b45309' });
    expect(effectiveBranding({ productName: 'Own', customDomains: ['own.test'] }, partner)).toMatchObject({ productName: 'Own', customDomains: ['own.test'] });
  });

  it('computes WCAG contrast and keeps the default primary readable on white', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(brandingIssues({ primaryColor: DEFAULT_BRANDING.primaryColor, accentColor: DEFAULT_BRANDING.accentColor })).toEqual([]);
    expect(brandingIssues({ primaryColor: '#777777' }).map((i) => i.code)).toEqual(['low_contrast']);
  });

  it('normalises host names and refuses what is not one', () => {
    expect(normalizeHost(' Flows.Northwind.TEST:8443 ')).toBe('flows.northwind.test');
    expect(normalizeHost('flows.northwind.test.')).toBe('flows.northwind.test');
    for (const bad of ['localhost', 'https://a.test', 'a.test/x', '-a.test', 'a..test', '']) expect(normalizeHost(bad)).toBeNull();
  });

  it('accepts https and PNG/SVG data: logos only', () => {
    const svg = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
    expect(brandingIssues({ logoUrl: svg })).toEqual([]);
    expect(brandingIssues({ logoUrl: 'https://cdn.test/logo.png' })).toEqual([]);
    expect(brandingIssues({ logoUrl: 'javascript:alert(1)' }).map((i) => i.code)).toEqual(['invalid_logo']);
    expect(brandingIssues({ logoUrl: 'data:text/html;base64,PGI+' }).map((i) => i.code)).toEqual(['invalid_logo']);
  });
});
