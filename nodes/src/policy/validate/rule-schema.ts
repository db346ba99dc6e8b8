import { z } from 'zod';

/** Value formats a `format` rule can check. */
export const FORMATS = ['iban', 'email', 'currency', 'date', 'vat-id', 'regex'] as const;
/** One value format. */
export type Format = (typeof FORMATS)[number];

/** Operators of a `compare` rule. */
export const COMPARE_OPS = ['<', '<=', '=', '!=', '>=', '>'] as const;
/** One comparison operator. */
export type CompareOp = (typeof COMPARE_OPS)[number];

const PATH_HINT = 'A dotted path into the input, e.g. invoice.vendor.id; numeric segments index arrays (lines.0.netAmount).';

const fieldPath = z.string().meta({ title: 'Field', description: `The field to check. ${PATH_HINT}` });

const message = z
  .string()
  .optional()
  .meta({ title: 'Message', description: 'Shown instead of the default message when this rule fails.' });

const requiredRule = z
  .strictObject({ check: z.literal('required'), field: fieldPath, message })
  .meta({ title: 'Required', description: 'The field must be present: not missing, null or blank text.' });

const formatRule = z
  .strictObject({
    check: z.literal('format'),
    field: fieldPath,
    format: z.enum(FORMATS).meta({
      title: 'Format',
      description:
        'iban (with the mod-97 checksum), email, currency (ISO 4217 code such as EUR), date (YYYY-MM-DD), ' +
        'vat-id (EU VAT number such as DE123456789) or regex (the pattern below).',
    }),
    pattern: z.string().optional().meta({
      title: 'Pattern',
      description: 'For the regex format: a JavaScript regular expression (unicode mode), not anchored; use ^ and $ to match the whole value.',
    }),
    message,
  })
  .meta({ title: 'Format', description: 'The field, when present, must be text in the given format.' });

const rangeRule = z
  .strictObject({
    check: z.literal('range'),
    field: fieldPath,
    min: z.number().optional().meta({ title: 'Minimum', description: 'Lowest allowed value (inclusive); amounts are integer minor units.' }),
    max: z.number().optional().meta({ title: 'Maximum', description: 'Highest allowed value (inclusive); amounts are integer minor units.' }),
    integer: z.boolean().optional().meta({ title: 'Whole number', description: 'Also require a whole number, as for amounts in minor units.' }),
    message,
  })
  .meta({ title: 'Range', description: 'The field, when present, must be a number within min and max (give at least one).' });

const oneOfRule = z
  .strictObject({
    check: z.literal('one-of'),
    field: fieldPath,
    values: z.array(z.unknown()).meta({ title: 'Allowed values', description: 'The field must equal one of these (compared as JSON, so 1 is not "1").' }),
    message,
  })
  .meta({ title: 'One of', description: 'The field, when present, must be one of a list of values.' });

const sumRule = z
  .strictObject({
    check: z.literal('sum'),
    items: z.string().meta({ title: 'Lines', description: `Path to the array of lines, e.g. lines. ${PATH_HINT}` }),
    itemField: z.string().meta({ title: 'Line amount', description: 'Path inside each line to its amount, e.g. netAmount.' }),
    equalsField: z.string().meta({ title: 'Total', description: 'Path to the total the lines must add up to, e.g. totals.lineTotal.' }),
    tolerance: z.number().int().min(0).default(0).meta({ title: 'Tolerance', description: 'Allowed difference in integer minor units (0: exact).' }),
    message,
  })
  .meta({
    title: 'Sum of lines',
    description: 'The line amounts must add up to the total. Amounts must be whole numbers (minor units); a line without one is a violation.',
  });

const compareRule = z
  .strictObject({
    check: z.literal('compare'),
    field: fieldPath,
    op: z.enum(COMPARE_OPS).meta({ title: 'Operator', description: 'How the field relates to the other field.' }),
    otherField: z.string().meta({ title: 'Other field', description: `The field to compare with. ${PATH_HINT}` }),
    message,
  })
  .meta({
    title: 'Compare fields',
    description: 'Compares two fields, e.g. dueDate >= issueDate: numbers as numbers, YYYY-MM-DD dates as dates; other text only with = and !=; mixed types fail.',
  });

/** One validation rule; `check` selects the kind. A public contract: field names stay stable. */
export const ruleSchema = z.discriminatedUnion('check', [requiredRule, formatRule, rangeRule, oneOfRule, sumRule, compareRule]);

/** A parsed validation rule. */
export type Rule = z.output<typeof ruleSchema>;
/** A rule of one kind. */
export type RuleOf<K extends Rule['check']> = Extract<Rule, { check: K }>;

/** The config of `policy.validate`. */
export const validateConfigSchema = z.strictObject({
  rules: z.array(ruleSchema).min(1).meta({
    title: 'Rules',
    description: 'Checked in order; every failure is listed. Checks other than required skip a field that is absent (missing, null or blank).',
  }),
});

/** The parsed config of `policy.validate`. */
export type ValidateConfig = z.output<typeof validateConfigSchema>;
