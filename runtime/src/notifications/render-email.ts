import type { EmailContent } from './email-content.ts';

/** An email ready to send. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/** The plain-text body: the same facts as the HTML, readable in any client. */
export function renderText(content: EmailContent): string {
  const width = Math.max(...content.facts.map(([label]) => label.length)) + 2;
  const facts = content.facts.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value}`);
  const action = content.action.url ? `${content.action.label}: ${content.action.url}` : `${content.action.label} in your inbox.`;
  return [content.greeting, '', content.lead, '', ...facts, '', action, '', '-- ', content.footer, ...(content.support ? [content.support] : []), ''].join('\n');
}

/** A small HTML body with inline styles only (mail clients drop style sheets); every value is escaped. */
export function renderHtml(content: EmailContent): string {
  const rows = content.facts
    .map(([label, value]) => `<tr><td style="padding:2px 16px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
    .join('');
  const action = content.action.url
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:8px 16px;background:#1f4fd1;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`
    : `<p>${escapeHtml(content.action.label)} in your inbox.</p>`;
  return [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#111">',
    `<p>${escapeHtml(content.greeting)}</p>`,
    `<p>${escapeHtml(content.lead)}</p>`,
    `<table style="border-collapse:collapse">${rows}</table>`,
    action,
    `<p style="color:#777;font-size:12px">${escapeHtml(content.footer)}${content.support ? `<br>${escapeHtml(content.support)}` : ''}</p>`,
    '</body></html>',
  ].join('\n');
}

/** Subject, text and HTML of one email. */
export function renderEmail(content: EmailContent): RenderedEmail {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}
