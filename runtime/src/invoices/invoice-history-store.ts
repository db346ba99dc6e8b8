import type { Knex } from 'knex';
import type { HistoricInvoice, InvoiceHistory } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import { iso } from '../services/row-values.ts';

/** Which step a history is handed to: what it records is attributed to that run and node. */
export interface InvoiceHistoryScope {
  tenantId: string;
  runId: string;
  nodeId: string;
  isTest: boolean;
}

/** Hands each step the tenant's invoice history (kept in the `invoice_history` table). */
export interface InvoiceHistoryStore {
  forStep(scope: InvoiceHistoryScope): InvoiceHistory;
}

interface HistoryRow {
  run_id: string;
  invoice_id: string;
  entity: string;
  vendor_id: string;
  invoice_number: string;
  amount_minor: string | number;
  currency: string;
  invoice_date: string;
  recorded_at: Date | string;
}

/** Options of the store. */
export interface InvoiceHistoryStoreOptions {
  /** Most candidates one check compares against: the most recent ones (default 10,000). */
  candidateLimit?: number;
}

/** The invoice history on the runtime's database; every query is scoped to the step's tenant. */
export function createInvoiceHistoryStore(knex: Knex, options: InvoiceHistoryStoreOptions = {}): InvoiceHistoryStore {
  const limit = options.candidateLimit ?? 10_000;
  return {
    forStep: (scope) => ({
      async candidates({ entity, vendorId }) {
        const db = tenantDb(knex, scope.tenantId);
        const query = db
          .table('invoice_history')
          .where({ entity, vendor_id: vendorId })
          .whereNot('run_id', scope.runId)
          // Only invoices of runs still in force: a cancelled or failed run paid nothing.
          .whereIn('run_id', db.table('runs').select('id').whereNotIn('status', ['cancelled', 'failed']));
        // Production checks never see invoices recorded by test runs; test runs see everything.
        if (!scope.isTest) query.andWhere({ is_test: false });
        // Past the limit keep the NEWEST rows (a re-submission is most likely recent), returned oldest first.
        const rows: HistoryRow[] = await query.orderBy([{ column: 'recorded_at', order: 'desc' }, { column: 'invoice_id', order: 'desc' }]).limit(limit);
        return rows.reverse().map(
          (row): HistoricInvoice => ({
            id: row.invoice_id,
            entity: row.entity,
            vendorId: row.vendor_id,
            invoiceNumber: row.invoice_number,
            amount: Number(row.amount_minor),
            currency: row.currency.trim(),
            invoiceDate: row.invoice_date,
            runId: row.run_id,
            recordedAt: iso(row.recorded_at),
          }),
        );
      },
      async record(invoice) {
        await tenantDb(knex, scope.tenantId)
          .insert('invoice_history', {
            run_id: scope.runId,
            node_id: scope.nodeId,
            invoice_id: invoice.id,
            entity: invoice.entity,
            vendor_id: invoice.vendorId,
            invoice_number: invoice.invoiceNumber,
            amount_minor: invoice.amount,
            currency: invoice.currency,
            invoice_date: invoice.invoiceDate,
            is_test: scope.isTest,
          })
          .onConflict(['run_id', 'node_id', 'invoice_id'])
          .ignore();
      },
    }),
  };
}
