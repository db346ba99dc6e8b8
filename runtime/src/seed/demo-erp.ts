import { createHash } from 'node:crypto';
import express from 'express';
import { CountersignError } from '@countersign/shared';

/** Where the built-in demo ERP inbox listens (POST). */
export const DEMO_ERP_PATH = '/demo/erp/invoices';

/** The demo document number of an idempotency key: the same key always gets the same number. */
export function demoDocumentNumber(idempotencyKey: string): string {
  return `DEMO-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 10).toUpperCase()}`;
}

/**
 * A DEMO ERP inbox, not a real ERP: it lets the seeded "AP invoice intake" workflow run end to end out
 * of the box. It stores nothing; it requires an Idempotency-Key (as a real ERP integration should) and
 * answers with a document number derived from it, so a retried post gets the same number.
 */
export function createDemoErpRouter(): express.Router {
  const router = express.Router();
  router.post(DEMO_ERP_PATH, (req, res) => {
    const key = req.get('idempotency-key')?.trim();
    if (!key || key.length > 500) throw new CountersignError('BAD_REQUEST', 'The demo ERP inbox requires an Idempotency-Key header (at most 500 characters)');
    res
      .status(201)
      .set('X-Countersign-Demo', 'This is the built-in demo ERP inbox, not a real ERP')
      .json({ documentNumber: demoDocumentNumber(key), idempotencyKey: key, receivedAt: new Date().toISOString() });
  });
  return router;
}
