// The config of `policy.duplicate-check`. The invoice fields are usually expressions
// (`{{ $input.vendor.id }}`) that the runtime resolves before parsing, so the messages name the
// field and the expected shape of its resolved value. Defaults of the rule switches and tolerances
// come from DEFAULT_DUPLICATE_CHECK_SETTINGS (the product default, not the spec as written).
import { z } from 'zod';
import { DEFAULT_DUPLICATE_CHECK_SETTINGS as DEFAULTS } from './duplicate-types.ts';

const expected = (field: string, shape: string) => (issue: { input?: unknown }): string =>
  issue.input === undefined ? `${field} is required (${shape})` : `${field} must be ${shape}, got ${JSON.stringify(issue.input) ?? typeof issue.input}`;

const text = (field: string, shape: string) => z.string({ error: expected(field, shape) }).regex(/[^\s]/, { error: `${field} must not be empty` });

/** The config of policy.duplicate-check: the invoice's facts, then the tolerances and rule switches. */
export const duplicateCheckConfig = z.strictObject({
  invoiceId: text('invoiceId', 'a string').optional().meta({ title: 'Invoice id', description: 'How the invoice is recorded in the history; defaults to <vendorId>:<invoiceNumber>.' }),
  entity: text('entity', 'a company code such as DE01').default('default').meta({ title: 'Entity', description: 'The company (entity) billed; invoices to another entity are never compared. Default "default".' }),
  vendorId: text('vendorId', 'a vendor id string').meta({ title: 'Vendor', description: 'The vendor id, e.g. {{ $input.vendor.id }}.' }),
  invoiceNumber: text('invoiceNumber', "the vendor's invoice number as a string").meta({ title: 'Invoice number', description: "The vendor's invoice number as printed, e.g. {{ $input.invoiceNumber }}." }),
  amount: z
    .number({ error: expected('amount', 'an integer number of minor units, e.g. 12500 for 125.00') })
    .int({ error: 'amount must be an integer number of minor units (cents), e.g. 12500 for 125.00' })
    .meta({ title: 'Amount (minor units)', description: 'The invoice total in minor units, e.g. 12500 for 125.00.' }),
  currency: z
    .string({ error: expected('currency', 'an ISO 4217 code such as EUR') })
    .regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code of three capital letters, e.g. EUR' })
    .meta({ title: 'Currency', description: 'ISO 4217 code, e.g. EUR. Amounts in different currencies are never compared.' }),
  invoiceDate: z.iso
    .date({ error: (issue) => (issue.input === undefined ? 'invoiceDate is required (YYYY-MM-DD)' : `invoiceDate must be a calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`) })
    .meta({ title: 'Invoice date', description: 'The date printed on the invoice, YYYY-MM-DD.' }),
  amountToleranceBps: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(DEFAULTS.amountToleranceBps)
    .meta({ title: 'Amount tolerance (basis points)', description: 'How far apart two amounts may be and still look alike: 100 = 1% (the default).' }),
  dateWindowDays: z
    .number()
    .int()
    .min(0)
    .max(366)
    .default(DEFAULTS.dateWindowDays)
    .meta({ title: 'Date window (days)', description: 'How many days apart two invoice dates may be and still look alike: 7 by default.' }),
  distanceOneNeedsSameAmount: z
    .boolean()
    .default(DEFAULTS.distanceOneNeedsSameAmount)
    .meta({
      title: 'Near numbers need the same amount',
      description: 'On (default): numbers one typo apart are suspect only with the same amount and dates within the window. Off: always (flags most consecutive numbers).',
    }),
  recurrenceWindowDays: z
    .number()
    .int()
    .min(0)
    .max(366)
    .default(DEFAULTS.recurrenceWindowDays)
    .meta({
      title: 'Recurring billing window (days)',
      description: 'When the vendor billed another similar amount within this many days, a near amount alone no longer flags: the same amount on the same date is needed. 0 turns this off. Default 14.',
    }),
});

/** The parsed config of policy.duplicate-check. */
export type DuplicateCheckConfig = z.output<typeof duplicateCheckConfig>;
