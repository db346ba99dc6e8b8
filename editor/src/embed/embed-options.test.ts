import { describe, expect, it } from 'vitest';
import { defaultSocketPath, effectiveRestrictions } from './embed-options.ts';

const user = { id: 'embed:u', tenantId: 'demo', name: 'U', email: '', roles: ['designer'] };

describe('embed options', () => {
  it('derives the socket path from where the runtime is mounted', () => {
    expect(defaultSocketPath('/countersign')).toBe('/countersign/socket.io');
    expect(defaultSocketPath('https://portal.example/cs/')).toBe('/cs/socket.io');
    expect(defaultSocketPath('')).toBe('/socket.io');
  });

  it("combines the host's and the token's restrictions, and reads the user's roles", () => {
    expect(effectiveRestrictions({}, user)).toEqual({ readOnly: false });
    expect(effectiveRestrictions({ readOnly: true }, user)).toEqual({ readOnly: true });
    expect(effectiveRestrictions({}, { ...user, restrictions: { readOnly: true } })).toEqual({ readOnly: true });
    expect(effectiveRestrictions({}, { ...user, roles: ['auditor'] })).toEqual({ readOnly: true });
    const narrowed = effectiveRestrictions({ allowedCategories: ['trigger', 'data', 'connector'] }, { ...user, restrictions: { nodeCategories: ['trigger', 'data', 'approval'] } });
    expect(narrowed).toEqual({ readOnly: false, allowedCategories: ['trigger', 'data'] });
    expect(effectiveRestrictions({}, { ...user, restrictions: { nodeCategories: ['flow'] } }).allowedCategories).toEqual(['flow']);
  });
});
