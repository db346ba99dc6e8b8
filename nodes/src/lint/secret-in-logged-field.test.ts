import { describe, expect, it } from 'vitest';
import { configs, findings, graph, node } from './lint-fixture.ts';

const lint = (type: string, config: Record<string, unknown>) => findings(graph([node('n', type, config, 'Step')]), 'secret_in_logged_field');

describe('secret_in_logged_field', () => {
  it('flags a secret read in a field that is logged, naming the fields', () => {
    expect(lint('data.set', { fields: { token: '{{ $secrets.token }}', 'auth.key': 'Bearer {{ $credentials["erp"].key }}' } })).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'n', message: expect.stringContaining('in fields.token, fields.auth.key') }),
    ]);
    expect(lint('connector.http', { ...configs.post, body: { token: '{{ $secrets.token }}' } })[0]?.message).toContain('put credentials only in headers');
  });

  it('allows secrets in declared secret fields, and ignores literal fields, text and look-alikes', () => {
    expect(lint('connector.http', { ...configs.post, headers: { Authorization: 'Bearer {{ $secrets.token }}' } })).toEqual([]);
    expect(lint('data.code', { source: "return '{{ $secrets.token }}';" })).toEqual([]);
    expect(lint('data.set', { fields: { note: '$secrets.token', other: '{{ $input.$secretsX }}' } })).toEqual([]);
  });

  it('skips unknown node types', () => {
    expect(lint('vendor.thing', { token: '{{ $secrets.token }}' })).toEqual([]);
  });
});
