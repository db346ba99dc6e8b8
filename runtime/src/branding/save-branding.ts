import type { Knex } from 'knex';
import { brandingIssues, CountersignError, normalizeHost, type BrandingDto, type ValidationIssue } from '@countersign/shared';
import { appendAudit, auditEntry, lockAudit, retryOnAuditConflict, userActor } from '../audit/audit-log.ts';
import type { Actor } from '../services/actor.ts';
import { auditedBranding, toBrandingRow } from './branding-rows.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { asSystem } from '../db/tenant-scope.ts';
import { readOwnBranding } from './read-branding.ts';

const taken = (issues: ValidationIssue[]): CountersignError =>
  new CountersignError('CONFLICT', `${issues.length === 1 ? 'A custom domain is' : 'Custom domains are'} in use by another tenant`, { issues });

/** Whether an error is the unique host of branding_domains (another tenant claimed it meanwhile). */
function isDomainCollision(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  return e?.code === '23505' && (e.constraint === 'branding_domains_pkey' || String(e.message ?? '').includes('branding_domains_pkey'));
}

/** Checks the content rules (422 with every issue) and returns the branding with host names normalised. */
export function checkedBranding(input: BrandingDto): BrandingDto {
  const issues = brandingIssues(input);
  if (issues.length > 0) throw new CountersignError('VALIDATION_FAILED', `The branding has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues[0]?.message}`, { issues });
  const domains = (input.customDomains ?? []).map((domain) => normalizeHost(domain) ?? domain);
  const { customDomains: _omit, ...rest } = input;
  return domains.length > 0 ? { ...rest, customDomains: domains } : rest;
}

/**
 * Replaces a tenant's own branding and its custom domains, with an audit event in the tenant's chain
 * (and in the actor's, when a partner changes a client's) in the same transaction. A domain of another
 * tenant is a 409 naming it.
 */
export async function saveBranding(knex: Knex, actor: Actor, tenantId: string, input: BrandingDto): Promise<void> {
  const branding = checkedBranding(input);
  const hosts = branding.customDomains ?? [];
  // A domain is unique across every tenant: the check looks at all of them (a system read of host names
  // only); a tenant claiming the same domain meanwhile loses at the primary key below.
  const others: { host: string }[] =
    hosts.length === 0 ? [] : await asSystem(async () => knex('branding_domains').whereIn('host', hosts).whereNot({ tenant_id: tenantId }).select('host'));
  if (others.length > 0) {
    const clash = new Set(others.map((o) => o.host));
    throw taken(hosts.flatMap((host, i) => (clash.has(host) ? [{ code: 'domain_taken', path: ['body', 'customDomains', i], message: `${host} is mapped to another tenant` }] : [])));
  }
  try {
    await retryOnAuditConflict(() =>
      knex.transaction(async (trx) => {
        await lockAudit(trx, [tenantId, actor.tenantId]);
        const tx = tenantDb(trx, tenantId);
        const before = await readOwnBranding(trx, tenantId);
        await tx.insert('tenant_branding', { ...toBrandingRow(branding, actor.id), updated_at: trx.fn.now() }).onConflict('tenant_id').merge();
        await tx.table('branding_domains').delete();
        if (hosts.length > 0) await tx.insert('branding_domains', hosts.map((host, position) => ({ host, position })));
        const entry = auditEntry({ actor: userActor(actor.id), action: 'branding.updated', target: { type: 'branding', id: tenantId }, before: auditedBranding(before), after: auditedBranding(branding) });
        await appendAudit(trx, tenantId, [entry]);
        if (actor.tenantId !== tenantId) await appendAudit(trx, actor.tenantId, [{ ...entry, reason: 'Branding of a client tenant' }]);
      }),
    );
  } catch (error) {
    // Two tenants claiming one new domain at once: the loser's insert hits the primary key.
    if (isDomainCollision(error)) throw taken([{ code: 'domain_taken', path: ['body', 'customDomains'], message: 'A domain was just mapped to another tenant' }]);
    throw error;
  }
}
