import type { Knex } from 'knex';
import { normalizeHost } from '@countersign/shared';
import { asSystem } from '../db/tenant-scope.ts';
import { readHostBranding } from './read-branding.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The editor's index page for a host: the title and theme colour of the branding the host is mapped
 * to (Countersign's for an unknown host), so the tab shows the partner's name before any script runs.
 */
export function brandedIndexPage(template: string, knex: Knex): (host: string | undefined) => Promise<string> {
  return async (host) => {
    // Before sign-in the host is what names the tenant: a system lookup.
    const branding = await asSystem(() => readHostBranding(knex, host === undefined ? null : normalizeHost(host)));
    const head = `<title>${escapeHtml(branding.productName)}</title>\n    <meta name="theme-color" content="${escapeHtml(branding.primaryColor)}" />`;
    return template.replace(/<title>[^<]*<\/title>/, head);
  };
}
