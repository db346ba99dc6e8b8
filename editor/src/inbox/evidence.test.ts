import { describe, expect, it } from 'vitest';
import { evidenceFields, humanizeKey } from './evidence-fields.ts';
import { readDecision, readDuplicateCheck, readViolations, shortHash, verdictTone } from './policy-evidence.ts';

describe('evidenceFields', () => {
  it('lists an invoice as labelled fields, money from minor units, nested records flattened', () => {
    const fields = evidenceFields({
      invoiceNumber: 'INV-1042',
      vendor: { id: 'V-7', name: 'Acme GmbH', iban: 'DE89 3704 0044 0532 0130 00' },
      amount: 123450,
      currency: 'EUR',
      tax: { amount: 23455, currency: 'EUR' },
      approved: false,
      costCenters: ['CC10', 'CC20'],
      lines: [{ sku: 'A', qty: 2 }],
      note: null,
    });
    expect(fields.map((field) => [field.label, field.text])).toEqual([
      ['Invoice number', 'INV-1042'],
      ['Vendor › ID', 'V-7'],
      ['Vendor › Name', 'Acme GmbH'],
      ['Vendor › IBAN', 'DE89 3704 0044 0532 0130 00'],
      ['Amount', '1234.50 EUR'],
      ['Currency', 'EUR'],
      ['Tax', '234.55 EUR'],
      ['Approved', 'No'],
      ['Cost centers', 'CC10, CC20'],
      ['Lines', '1 entry'],
      ['Note', '–'],
    ]);
    expect(fields.find((field) => field.path === 'lines')).toMatchObject({ kind: 'records', nested: [{ sku: 'A', qty: 2 }] });
  });

  it('leaves decimal amounts and non-records alone', () => {
    expect(evidenceFields({ amount: 12.5, currency: 'EUR' })[0]?.text).toBe('12.5');
    expect(evidenceFields('text')).toEqual([]);
    expect(evidenceFields([1, 2])).toEqual([]);
    expect(humanizeKey('gl_account-code')).toBe('GL account code');
  });
});

describe('policy evidence', () => {
  it('reads a duplicate check with its matched invoices', () => {
    const invoice = { invoiceNumber: 'INV-9', amount: 99900, currency: 'EUR', invoiceDate: '2030-01-02' };
    const finding = { invoiceId: 'inv-9', runId: 'run-3', verdict: 'duplicate', rule: 'exact', detail: 'Same vendor, number and amount', invoice };
    const output = { invoice: {}, duplicateCheck: { verdict: 'duplicate', rule: 'exact', findings: [finding], checkedAgainst: 12 } };
    expect(readDuplicateCheck(output)).toEqual({
      verdict: 'duplicate',
      rule: 'exact',
      checkedAgainst: 12,
      findings: [{ invoiceId: 'inv-9', invoiceNumber: 'INV-9', amount: '999.00 EUR', invoiceDate: '2030-01-02', runId: 'run-3', verdict: 'duplicate', rule: 'exact', detail: 'Same vendor, number and amount' }],
    });
    expect(readDuplicateCheck({ duplicateCheck: { verdict: 'suspect', findings: [{ invoiceId: 'x' }] } })?.findings[0]).toMatchObject({ invoiceNumber: null, amount: null, verdict: 'suspect' });
    expect(readDuplicateCheck({ decision: {} })).toBeNull();
  });

  it('reads a decision table record', () => {
    const decision = { hitPolicy: 'COLLECT', result: [{ role: 'controller' }], matchedRules: ['r2', 'r3'], inputs: { amount: 600000 }, tableHash: 'abc' };
    expect(readDecision({ decision })).toEqual(decision);
    expect(readDecision({ decision: { hitPolicy: 'UNIQUE' } })).toBeNull();
  });

  it('reads violations from the validation record or the top level', () => {
    const violation = { rule: 0, check: 'required', field: 'vendor.iban', message: 'IBAN is required' };
    expect(readViolations({ validation: { valid: false, violations: [violation] } })).toEqual([{ field: 'vendor.iban', message: 'IBAN is required', check: 'required', actual: undefined }]);
    expect(readViolations({ violations: [] })).toEqual([]);
    expect(readViolations({ other: 1 })).toBeNull();
  });

  it('colours verdicts and shortens hashes', () => {
    expect([verdictTone('duplicate'), verdictTone('suspect'), verdictTone('clear'), verdictTone(null)]).toEqual(['danger', 'warning', 'ok', 'neutral']);
    expect(shortHash('0123456789abcdef0123456789abcdef')).toBe('01234567…cdef');
  });
});
