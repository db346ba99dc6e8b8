/** The facts of one invoice the duplicate rules compare. `amount` is in integer minor units. */
export interface InvoiceFacts {
  id: string;
  entity: string;
  vendorId: string;
  invoiceNumber: string;
  amount: number;
  currency: string;
  /** Calendar date, YYYY-MM-DD. */
  invoiceDate: string;
}

/** An invoice of the tenant's history, with the run that checked it. */
export interface HistoricInvoice extends InvoiceFacts {
  runId: string;
  recordedAt: string;
}

/**
 * The tenant's invoice history, kept by the runtime for duplicate checks. Test runs see the whole
 * history but what they record is seen by test runs only; an invoice is recorded once per run and node.
 */
export interface InvoiceHistory {
  /** Earlier invoices of the same entity and vendor, from other runs (a retry never finds itself). */
  candidates(invoice: Pick<InvoiceFacts, 'entity' | 'vendorId'>): Promise<HistoricInvoice[]>;
  /** Adds the invoice to the history (idempotent per run and node). */
  record(invoice: InvoiceFacts): Promise<void>;
}
