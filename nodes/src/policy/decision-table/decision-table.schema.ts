import { z } from 'zod';

/** DMN hit policies: how many rules may match and which results count. */
export const HIT_POLICIES = ['UNIQUE', 'FIRST', 'ANY', 'RULE ORDER', 'COLLECT'] as const;
/** One DMN hit policy. */
export type HitPolicy = (typeof HIT_POLICIES)[number];

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Start with a letter or "_"; use letters, digits and "_"')
  .max(64);

const label = z.string().max(200).meta({ title: 'Label', description: 'Shown in the editor and in audit views.' });

const input = z.strictObject({
  name: identifier.meta({ title: 'Name', description: 'The key of this input in the recorded decision, e.g. amount.' }),
  label: label.optional(),
  expression: z.unknown().meta({ title: 'Expression', description: 'The value tested by this column, e.g. {{ $input.amount }}.' }),
});

const output = z.strictObject({
  name: identifier.meta({ title: 'Name', description: 'The key of this output in the result, e.g. approverRole.' }),
  label: label.optional(),
});

const rule = z.strictObject({
  id: identifier.optional().meta({ title: 'Id', description: 'Recorded when the rule matches; defaults to r1, r2... by position.' }),
  when: z.array(z.string()).meta({ title: 'When', description: 'One unary test per input: < 500000, [500000..5000000), "CC10","CC20", - for any.' }),
  then: z.array(z.unknown()).meta({ title: 'Then', description: 'One value per output.' }),
  description: z.string().max(500).optional(),
});

/** A rule of the table as configured. */
export type DecisionRule = z.output<typeof rule>;

/** The id a rule is recorded under: its own, or r1, r2... by position. */
export function ruleId(rule: { id?: string | undefined }, index: number): string {
  return rule.id ?? `r${index + 1}`;
}

/** Reports each repeated value of `names` at its path. */
function unique(ctx: z.RefinementCtx, names: readonly (string | undefined)[], path: (index: number) => (string | number)[], what: string): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === undefined) return;
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: path(index), message: `${what} "${name}" is used twice` });
    seen.add(name);
  });
}

/** The config of policy.decision-table: the table's shape is checked here, its cells by `validate`. */
export const decisionTableConfig = z
  .strictObject({
    hitPolicy: z.enum(HIT_POLICIES).meta({ title: 'Hit policy', description: 'UNIQUE: one rule at most; FIRST: first match; ANY: matches must agree; RULE ORDER / COLLECT: all matches.' }),
    inputs: z.array(input).min(1).meta({ title: 'Inputs', description: 'The columns tested by each rule.' }),
    outputs: z.array(output).min(1).meta({ title: 'Outputs', description: 'The values each rule gives.' }),
    rules: z.array(rule).min(1).meta({ title: 'Rules', description: 'Checked in order.' }),
  })
  .superRefine((config, ctx) => {
    unique(ctx, config.inputs.map((item) => item.name), (i) => ['inputs', i, 'name'], 'Input');
    unique(ctx, config.outputs.map((item) => item.name), (i) => ['outputs', i, 'name'], 'Output');
    unique(ctx, config.rules.map(ruleId), (i) => ['rules', i, 'id'], 'Rule id');
    config.rules.forEach((item, i) => {
      if (item.when.length !== config.inputs.length) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'when'], message: `Give one test per input (${config.inputs.length}), not ${item.when.length}` });
      }
      if (item.then.length !== config.outputs.length) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'then'], message: `Give one value per output (${config.outputs.length}), not ${item.then.length}` });
      }
    });
  });

/** A parsed decision-table config. */
export type DecisionTableConfig = z.output<typeof decisionTableConfig>;
