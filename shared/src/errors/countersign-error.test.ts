import { describe, expect, it } from 'vitest';
import { CountersignError, deserializeError, serializeError, toCountersignError } from './countersign-error.ts';

describe('error taxonomy', () => {
  it('maps codes to kind, status and retryability', () => {
    const user = new CountersignError('VALIDATION_FAILED', 'bad');
    expect([user.kind, user.status, user.retryable]).toEqual(['user', 422, false]);
    const operational = new CountersignError('UNAVAILABLE', 'down');
    expect([operational.kind, operational.status, operational.retryable]).toEqual(['operational', 503, true]);
    expect(new CountersignError('HTTP_ERROR', '404', { retryable: false }).retryable).toBe(false);
  });

  it('converts unknown throws at a boundary and round-trips through JSON', () => {
    const converted = toCountersignError(new TypeError('x is undefined'), 'n1');
    expect(converted).toMatchObject({ code: 'INTERNAL', kind: 'unexpected', nodeId: 'n1' });
    expect(toCountersignError('boom').message).toMatch(/boom/);
    const wire = serializeError(new CountersignError('INVALID_CONFIG', 'no url', { nodeId: 'n2', issues: [{ code: 'invalid_config', path: ['config', 'url'], message: 'Required' }] }));
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
    expect(deserializeError(wire)).toMatchObject({ code: 'INVALID_CONFIG', nodeId: 'n2', status: 422 });
  });
});
