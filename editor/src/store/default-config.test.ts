import { describe, expect, it } from 'vitest';
import { defaultConfig } from './default-config.ts';

describe('default config of a new node', () => {
  it('takes defaults, the first enum option and empty containers of required fields, nothing else', () => {
    const schema = {
      type: 'object',
      required: ['method', 'url', 'fields', 'cases', 'condition'],
      properties: {
        method: { type: 'string', enum: ['GET', 'POST'] },
        url: { type: 'string' },
        fields: { type: 'object' },
        cases: { type: 'array' },
        condition: { type: 'boolean' },
        timeoutMs: { type: 'integer', default: 30000 },
        headers: { type: 'object' },
      },
    };
    expect(defaultConfig(schema)).toEqual({ method: 'GET', fields: {}, cases: [], timeoutMs: 30000 });
  });
});
