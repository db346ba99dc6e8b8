import { describe, expect, it } from 'vitest';
import { TemplateParametersSchema } from '@countersign/shared';
import { DEMO_TEMPLATE_PARAMETERS } from './demo-template.ts';
import { parameterSchemaIssues, validateParameterValues } from './parameter-values.ts';

const context = { credentialIds: new Set(['cred-1']) };
const codes = (given: Record<string, unknown>) => validateParameterValues(DEMO_TEMPLATE_PARAMETERS, given, context).issues.map((i) => [i.code, i.path.join('.')]);

describe('parameter values', () => {
  it('accepts valid values and fills in defaults', () => {
    expect(validateParameterValues(DEMO_TEMPLATE_PARAMETERS, { erpUrl: 'https://erp.test/in', erpCredential: 'cred-1' }, context)).toEqual({
      values: { erpUrl: 'https://erp.test/in', approvalThreshold: 1_000_000, approverRole: 'approver', erpCredential: 'cred-1' },
      issues: [],
    });
  });

  it('reports each invalid value at body.parameters.<name>', () => {
    expect(codes({})).toEqual([['required', 'body.parameters.erpUrl']]);
    expect(codes({ erpUrl: 'erp.test', approvalThreshold: '10', approverRole: 'x'.repeat(101), erpCredential: 'cred-2', extra: 1 })).toEqual([
      ['unknown_parameter', 'body.parameters.extra'],
      ['invalid_format', 'body.parameters.erpUrl'],
      ['invalid_type', 'body.parameters.approvalThreshold'],
      ['too_big', 'body.parameters.approverRole'],
      ['unknown_credential', 'body.parameters.erpCredential'],
    ]);
    expect(codes({ erpUrl: 'mailto:x@y.test', approvalThreshold: 0 })).toEqual([['too_small', 'body.parameters.approvalThreshold']]);
  });

  it('checks enums, emails and booleans', () => {
    const schema = TemplateParametersSchema.parse({
      type: 'object',
      properties: { level: { type: 'string', enum: ['low', 'high'] }, contact: { type: 'string', format: 'email' }, strict: { type: 'boolean' }, ratio: { type: 'number', enum: [0.5, 1] } },
    });
    const issues = validateParameterValues(schema, { level: 'mid', contact: 'nobody', strict: 'yes', ratio: 0.7 }, context).issues;
    expect(issues.map((i) => i.code)).toEqual(['invalid_value', 'invalid_format', 'invalid_type', 'invalid_value']);
    expect(validateParameterValues(schema, { level: 'low', contact: 'ap@client.test', strict: false, ratio: 1 }, context).issues).toEqual([]);
  });
});

describe('parameters schema', () => {
  it('accepts the supported subset and refuses other keywords by name', () => {
    expect(TemplateParametersSchema.safeParse(DEMO_TEMPLATE_PARAMETERS).success).toBe(true);
    const refused = TemplateParametersSchema.safeParse({ type: 'object', properties: { a: { type: 'array', items: {} } } });
    expect(refused.success).toBe(false);
    const keyword = TemplateParametersSchema.safeParse({ type: 'object', properties: {}, allOf: [] });
    expect(keyword.error?.issues[0]?.message).toMatch(/Unsupported JSON Schema keyword\(s\) allOf/);
    expect(TemplateParametersSchema.safeParse({ type: 'object', properties: {}, required: ['x'] }).error?.issues[0]?.path).toEqual(['required']);
  });

  it('finds defaults that break their own rules and empty ranges', () => {
    const schema = TemplateParametersSchema.parse({ type: 'object', properties: { n: { type: 'integer', minimum: 10, maximum: 5, default: 1 }, u: { type: 'string', format: 'uri', default: 'nope' } } });
    expect(parameterSchemaIssues(schema).map((i) => [i.code, i.path.join('.')])).toEqual([
      ['too_small', 'body.parameters.properties.n.default'],
      ['empty_range', 'body.parameters.properties.n'],
      ['invalid_format', 'body.parameters.properties.u.default'],
    ]);
  });
});
