import type { TemplateParameterDto, TemplateParametersDto, ValidationIssue } from '@countersign/shared';

/** What checking a value needs beyond the schema: the credentials of the client tenant (format `credential`). */
export interface ParameterContext {
  credentialIds: ReadonlySet<string>;
}

/** Validated parameter values (defaults filled in) and the issues, each at `['body', 'parameters', name]`. */
export interface ParameterValidation {
  values: Record<string, unknown>;
  issues: ValidationIssue[];
}

// Deliberately loose: a local part, an @, a dotted domain. The mail system is the final judge.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a text is an absolute URI (a scheme and something after it). */
function isUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(text) && URL.canParse(text);
}

/** The problems of one value against one parameter's schema (empty when it fits); `label` names it in messages. */
export function checkParameterValue(schema: TemplateParameterDto, value: unknown, label: string, context: ParameterContext | null): { code: string; message: string }[] {
  const fail = (code: string, message: string) => [{ code, message: `${label}: ${message}` }];
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return fail('invalid_type', 'expected text');
      if (schema.enum && !schema.enum.includes(value)) return fail('invalid_value', `expected one of ${schema.enum.join(', ')}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) return fail('too_small', `at least ${schema.minLength} characters`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return fail('too_big', `at most ${schema.maxLength} characters`);
      if (schema.format === 'uri' && !isUri(value)) return fail('invalid_format', 'expected an absolute URL, e.g. https://erp.example.com/api');
      if (schema.format === 'email' && !EMAIL.test(value)) return fail('invalid_format', 'expected an email address');
      if (schema.format === 'credential' && context && !context.credentialIds.has(value)) return fail('unknown_credential', 'no credential of your tenant has this id');
      return [];
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('invalid_type', 'expected a number');
      if (schema.type === 'integer' && !Number.isInteger(value)) return fail('invalid_type', 'expected a whole number');
      if (schema.enum && !schema.enum.includes(value)) return fail('invalid_value', `expected one of ${schema.enum.join(', ')}`);
      if (schema.minimum !== undefined && value < schema.minimum) return fail('too_small', `at least ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) return fail('too_big', `at most ${schema.maximum}`);
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : fail('invalid_type', 'expected true or false');
    default: {
      const never: never = schema;
      throw new Error(`Unknown parameter type ${JSON.stringify(never)}`);
    }
  }
}

/** Checks the values a client gives against a template's parameters; unknown names are refused (a typo must not pass silently). */
export function validateParameterValues(schema: TemplateParametersDto, given: Readonly<Record<string, unknown>>, context: ParameterContext): ParameterValidation {
  const issues: ValidationIssue[] = [];
  const values: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(schema.properties, name)) {
      issues.push({ code: 'unknown_parameter', path: ['body', 'parameters', name], message: `The template has no parameter "${name}"` });
    }
  }
  for (const [name, property] of Object.entries(schema.properties)) {
    const label = property.title ?? name;
    const value = Object.hasOwn(given, name) && given[name] !== null ? given[name] : property.default;
    if (value === undefined) {
      if (required.has(name)) issues.push({ code: 'required', path: ['body', 'parameters', name], message: `${label} is required` });
      continue;
    }
    const problems = checkParameterValue(property, value, label, context);
    for (const problem of problems) issues.push({ ...problem, path: ['body', 'parameters', name] });
    if (problems.length === 0) values[name] = value;
  }
  return { values, issues };
}

/** Issues of a parameters schema beyond its shape: defaults that break their own rules, empty bounds. */
export function parameterSchemaIssues(schema: TemplateParametersDto): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    const at = ['body', 'parameters', 'properties', name];
    if (property.default !== undefined) {
      for (const problem of checkParameterValue(property, property.default, `The default of ${name}`, null)) issues.push({ ...problem, path: [...at, 'default'] });
    }
    const low = 'minimum' in property ? property.minimum : 'minLength' in property ? property.minLength : undefined;
    const high = 'maximum' in property ? property.maximum : 'maxLength' in property ? property.maxLength : undefined;
    if (low !== undefined && high !== undefined && low > high) issues.push({ code: 'empty_range', path: at, message: `${name}: the lower bound is above the upper bound` });
  }
  return issues;
}
