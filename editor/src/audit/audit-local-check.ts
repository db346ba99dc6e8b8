import { verifyAuditChain, type ChainVerification } from '@countersign/shared';
import { isReadable, type AuditItem } from '../api/audit-page.ts';

/**
 * Re-hashes loaded events in this browser (WebCrypto), independently of the server: they must be one
 * unbroken stretch of the chain (an unfiltered listing), each linking to the one before. Null when
 * the events are not contiguous (a filtered listing) or there are none. A row that cannot be read fails it.
 */
export async function checkLoadedEvents(newestFirst: readonly AuditItem[]): Promise<ChainVerification | null> {
  if (newestFirst.length === 0) return null;
  const unreadable = newestFirst.filter((item) => !isReadable(item)).at(-1);
  if (unreadable && !isReadable(unreadable)) {
    return { ok: false, checked: newestFirst.length, ...(unreadable.seq === null ? {} : { firstBadSeq: unreadable.seq }), reason: `an event cannot be read (${unreadable.problem})` };
  }
  const ascending = newestFirst.filter(isReadable).sort((a, b) => a.seq - b.seq);
  const first = ascending[0];
  const last = ascending[ascending.length - 1];
  if (!first || !last || last.seq - first.seq + 1 !== ascending.length) return null;
  return verifyAuditChain(ascending, { seq: first.seq - 1, hash: first.prevHash });
}
