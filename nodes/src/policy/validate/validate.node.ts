import { defineNode, emit } from '@countersign/shared';
import { isPlainObject } from '../../internal/plain-object.ts';
import { evaluateRules } from './evaluate-rules.ts';
import { validateConfigSchema } from './rule-schema.ts';
import { validateConfig } from './validate-config.ts';

/** Checks fields of the item (required, format, range, allowed values, sum of lines, comparisons) and routes it to `valid` or `invalid`. */
export const policyValidateNode = defineNode({
  type: 'policy.validate',
  version: 1,
  category: 'policy',
  title: 'Validate',
  description:
    'Checks the item against field rules (required, format such as IBAN or VAT id, range, allowed values, sum of lines = total, ' +
    'field comparisons) and lists every violation. A missing field fails only its required rule; other checks skip absent fields.',
  config: validateConfigSchema,
  // Rules are reviewed policy, not templates: resolving {{ }} inside them would let the data being
  // checked rewrite its own checks (and a regex such as \d{2} must stay as written).
  literalFields: ['rules'],
  ports: { in: ['in'], out: ['valid', 'invalid'] },
  effect: 'pure',
  validate: validateConfig,
  execute: (input, ctx) => {
    const violations = evaluateRules(ctx.config.rules, input);
    const valid = violations.length === 0;
    const base = isPlainObject(input) ? input : {};
    return emit(valid ? 'valid' : 'invalid', { ...base, validation: { valid, violations } });
  },
});
