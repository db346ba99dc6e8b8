import { outputPorts, type HistoricInvoice, type InvoiceHistory } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fakeInvoiceHistory } from '../../testing/fake-context.ts';
import { runNode } from '../../testing/run-node.ts';
import { policyDuplicateCheckNode as node } from './duplicate-check.node.ts';
import type { duplicateCheckConfig } from './duplicate-check.schema.ts';

const config = { entity: 'DE01', vendorId: 'V1', invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10' };
const input = { vendor: { id: 'V1' }, invoiceNumber: 'INV-1001', total: 100_000 };
const earlier = (patch: Partial<HistoricInvoice> = {}): HistoricInvoice => ({
  id: 'V1:INV-0900', entity: 'DE01', vendorId: 'V1', invoiceNumber: 'INV-0900', amount: 555_555, currency: 'EUR', invoiceDate: '2026-01-05',
  runId: 'run-0', recordedAt: '2026-01-06T10:00:00.000Z', ...patch,
});
const check = async (history: HistoricInvoice[], patch: Partial<z.input<typeof duplicateCheckConfig>> = {}) => runNode(node, { ...config, ...patch }, input, { invoices: fakeInvoiceHistory(history) });

describe('policy.duplicate-check', () => {
  it('emits clear with the input and an empty record when nothing resembles the invoice', async () => {
    expect(await check([earlier()])).toEqual({
      kind: 'emit',
      port: 'clear',
      output: { ...input, duplicateCheck: { verdict: 'clear', rule: null, findings: [], checkedAgainst: 1 } },
    });
  });

  it('blocks an exact duplicate from another run, with the earlier invoice for the reviewer', async () => {
    const original = earlier({ id: 'V1:INV-1001', invoiceNumber: 'INV-1001', amount: 100_000, invoiceDate: '2026-03-10' });
    expect(await check([earlier(), original])).toMatchObject({
      port: 'duplicate',
      output: {
        duplicateCheck: {
          verdict: 'duplicate',
          rule: 'exact',
          checkedAgainst: 2,
          findings: [{ invoiceId: 'V1:INV-1001', runId: 'run-0', verdict: 'duplicate', rule: 'exact', detail: expect.stringContaining('INV-1001'), invoice: { invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10' } }],
        },
      },
    });
  });

  it('blocks a number equal after normalising, whatever the amount', async () => {
    const result = await check([earlier({ invoiceNumber: 'inv 1001-A' })]);
    expect(result).toMatchObject({ port: 'duplicate', output: { duplicateCheck: { rule: 'normalised-number', findings: [{ invoiceId: 'V1:INV-0900' }] } } });
  });

  it('sends a number one edit away with the same amount to review', async () => {
    const result = await check([earlier({ invoiceNumber: 'INV-1010', amount: 100_000, invoiceDate: '2026-03-10' })]);
    expect(result).toMatchObject({ port: 'suspect', output: { duplicateCheck: { verdict: 'suspect', rule: 'number-distance-1' } } });
    // The next number of the vendor at another amount is its neighbour, not a duplicate.
    expect(await check([earlier({ invoiceNumber: 'INV-1002', invoiceDate: '2026-03-10' })])).toMatchObject({ port: 'clear' });
  });

  it('sends a near amount within the date window to review, and honours the tolerances', async () => {
    const reissue = earlier({ invoiceNumber: 'R-77', amount: 100_800, invoiceDate: '2026-03-14' });
    expect(await check([reissue])).toMatchObject({ port: 'suspect', output: { duplicateCheck: { rule: 'amount-date-window', findings: [{ runId: 'run-0', invoice: { amount: 100_800 } }] } } });
    expect(await check([reissue], { amountToleranceBps: 50 })).toMatchObject({ port: 'clear' });
    expect(await check([reissue], { dateWindowDays: 3 })).toMatchObject({ port: 'clear' });
  });

  it('applies the spec as written when the stricter rules are switched off', async () => {
    const neighbour = earlier({ invoiceNumber: 'INV-1002' });
    expect(await check([neighbour], { distanceOneNeedsSameAmount: false, recurrenceWindowDays: 0 })).toMatchObject({ port: 'suspect', output: { duplicateCheck: { rule: 'number-distance-1' } } });
  });

  it('never compares with another vendor or entity', async () => {
    const same = { invoiceNumber: 'INV-1001', amount: 100_000, invoiceDate: '2026-03-10' };
    expect(await check([earlier({ ...same, vendorId: 'V2' }), earlier({ ...same, entity: 'US01' })])).toMatchObject({ port: 'clear', output: { duplicateCheck: { checkedAgainst: 0 } } });
  });

  it('records the invoice in the history under <vendorId>:<invoiceNumber> and entity "default" by default', async () => {
    const invoices = fakeInvoiceHistory([], 'run-7');
    const { entity: _entity, ...withoutEntity } = config;
    await runNode(node, withoutEntity, input, { invoices, run: { id: 'run-7', workflowId: 'wf-1', tenantId: 't-1', versionHash: 'h', isTest: false } });
    expect(invoices.invoices).toEqual([{ id: 'V1:INV-1001', entity: 'default', vendorId: 'V1', invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10', runId: 'run-7', recordedAt: expect.any(String) }]);
    await runNode(node, { ...config, invoiceId: 'doc-42' }, input, { invoices });
    expect(invoices.invoices.map((i) => i.id)).toEqual(['V1:INV-1001', 'doc-42']);
  });

  it('never finds its own run: a retry of the step stays clear and records once', async () => {
    const invoices = fakeInvoiceHistory([], 'run-1');
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await runNode(node, config, input, { invoices, attempt }), `attempt ${attempt}`).toMatchObject({ port: 'clear' });
    }
    expect(invoices.invoices).toHaveLength(1);
  });

  it('holds both of two concurrent submissions of one invoice (each records before it reads)', async () => {
    const shared: HistoricInvoice[] = [];
    const view = (runId: string): InvoiceHistory => ({
      candidates: async ({ entity, vendorId }) => shared.filter((i) => i.entity === entity && i.vendorId === vendorId && i.runId !== runId),
      record: async (invoice) => void shared.push({ ...invoice, runId, recordedAt: '2026-03-10T00:00:00.000Z' }),
    });
    const results = await Promise.all(['run-a', 'run-b'].map((id) => runNode(node, config, input, { invoices: view(id) })));
    expect(results.map((r) => r.kind === 'emit' && r.port)).toEqual(['duplicate', 'duplicate']);
  });

  it('outputs only the record when the input is not a plain object', async () => {
    expect(await runNode(node, config, ['a'], { invoices: fakeInvoiceHistory() })).toMatchObject({ port: 'clear', output: { duplicateCheck: { verdict: 'clear' } } });
    const result = await runNode(node, config, 'text', { invoices: fakeInvoiceHistory() });
    expect(result.kind === 'emit' && Object.keys(result.output as object)).toEqual(['duplicateCheck']);
  });

  it('refuses resolved values of the wrong shape with messages naming the field', () => {
    const issues = (patch: Record<string, unknown>): string[] => node.config.safeParse({ ...config, ...patch }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ amount: 1000.5 })).toEqual([expect.stringMatching(/^amount: amount must be an integer number of minor units/)]);
    expect(issues({ amount: '1000' })).toEqual(['amount: amount must be an integer number of minor units, e.g. 12500 for 125.00, got "1000"']);
    expect(issues({ currency: 'eur' })).toEqual([expect.stringMatching(/^currency: .*ISO 4217/)]);
    expect(issues({ invoiceDate: '2026-02-30' })).toEqual(['invoiceDate: invoiceDate must be a calendar date YYYY-MM-DD, got "2026-02-30"']);
    expect(issues({ vendorId: undefined })).toEqual(['vendorId: vendorId is required (a vendor id string)']);
    expect(issues({ invoiceNumber: '  ' })).toEqual(['invoiceNumber: invoiceNumber must not be empty']);
    expect(issues({ extra: 1 })).toHaveLength(1);
  });

  it('declares its metadata and ports', () => {
    expect(node).toMatchObject({ type: 'policy.duplicate-check', version: 1, category: 'policy', effect: 'external' });
    expect(node.ports.in).toEqual(['in']);
    expect(outputPorts(node, {})).toEqual(['clear', 'suspect', 'duplicate']);
  });
});
