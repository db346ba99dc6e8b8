import { defineNode, emit, type HistoricInvoice, type InvoiceFacts } from '@countersign/shared';
import { isPlainObject } from '../../internal/plain-object.ts';
import { duplicateCheckConfig, type DuplicateCheckConfig } from './duplicate-check.schema.ts';
import type { DuplicateClass, DuplicateRule, DuplicateVerdict } from './duplicate-types.ts';
import { classify, matchHistory, type HistoryMatch } from './find-duplicates.ts';

/** One earlier invoice the check matched, as recorded in the output (enough for a reviewer to look it up). */
export interface DuplicateCheckFinding {
  invoiceId: string;
  runId: string;
  verdict: DuplicateVerdict;
  rule: DuplicateRule;
  detail: string;
  invoice: Pick<InvoiceFacts, 'invoiceNumber' | 'amount' | 'currency' | 'invoiceDate'>;
}

/** The record added to the item as `duplicateCheck`. */
export interface DuplicateCheckRecord {
  verdict: DuplicateClass;
  /** The strongest rule that matched, or null when clear. */
  rule: DuplicateRule | null;
  findings: DuplicateCheckFinding[];
  /** How many earlier invoices of the same entity and vendor were compared. */
  checkedAgainst: number;
}

function invoiceOf(config: DuplicateCheckConfig): InvoiceFacts {
  const { entity, vendorId, invoiceNumber, amount, currency, invoiceDate } = config;
  return { id: config.invoiceId ?? `${vendorId}:${invoiceNumber}`, entity, vendorId, invoiceNumber, amount, currency, invoiceDate };
}

function findingOf({ prior, finding }: HistoryMatch<HistoricInvoice>): DuplicateCheckFinding {
  const { invoiceNumber, amount, currency, invoiceDate } = prior;
  return { ...finding, runId: prior.runId, invoice: { invoiceNumber, amount, currency, invoiceDate } };
}

/** Checks an invoice against the tenant's earlier invoices (exact, normalised and near numbers; near amount and date) and routes it to clear, suspect or duplicate. */
export const policyDuplicateCheckNode = defineNode({
  type: 'policy.duplicate-check',
  version: 1,
  category: 'policy',
  title: 'Duplicate check',
  description:
    "Compares the invoice with the tenant's earlier invoices of the same entity and vendor: the same number after normalising " +
    'blocks (duplicate); a number one typo away with the same amount, or a near amount (1%) within 7 days, sends it for review (suspect).',
  config: duplicateCheckConfig,
  ports: { in: ['in'], out: ['clear', 'suspect', 'duplicate'] },
  // Reads and writes the invoice history: not replayable as a pure function of its input.
  effect: 'external',
  execute: async (input, ctx) => {
    const { config } = ctx;
    const invoice = invoiceOf(config);
    // Record before reading, so two concurrent submissions of one invoice each see the other (both
    // are then held); a retry of this step records nothing new and never sees its own run's record.
    await ctx.invoices.record(invoice);
    const history = await ctx.invoices.candidates({ entity: invoice.entity, vendorId: invoice.vendorId });
    const { amountToleranceBps, dateWindowDays, distanceOneNeedsSameAmount, recurrenceWindowDays } = config;
    const matches = matchHistory(invoice, history, { amountToleranceBps, dateWindowDays, distanceOneNeedsSameAmount, recurrenceWindowDays });
    const findings = matches.map(findingOf);
    const verdict = classify(findings);
    const duplicateCheck: DuplicateCheckRecord = { verdict, rule: findings[0]?.rule ?? null, findings, checkedAgainst: history.length };
    ctx.log.info('duplicate check', { verdict, findings: findings.length, checkedAgainst: history.length });
    return emit(verdict, isPlainObject(input) ? { ...input, duplicateCheck } : { duplicateCheck });
  },
});
