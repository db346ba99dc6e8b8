import { COLORS, EDITOR_THEME, LOGO_URL, PORTAL_NAME } from './branding.ts';
import type { PortalUser } from './users.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON safe to put inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `
  html, body { height: 100%; margin: 0; font-family: ${EDITOR_THEME.fontFamily}; color: ${COLORS.text}; background: ${COLORS.background}; }
  .nw-header { display: flex; align-items: center; gap: 16px; height: 56px; padding: 0 20px; background: ${COLORS.primary}; color: ${COLORS.surface}; border-bottom: 4px solid ${COLORS.accent}; box-sizing: border-box; }
  .nw-header img { height: 32px; }
  .nw-brand { font-size: 19px; font-weight: 700; letter-spacing: 0.02em; }
  .nw-nav { display: flex; gap: 14px; margin-left: 24px; }
  .nw-nav a { color: ${COLORS.surface}; opacity: 0.85; text-decoration: none; }
  .nw-nav a[aria-current] { opacity: 1; border-bottom: 2px solid ${COLORS.accent}; }
  .nw-user { margin-left: auto; }
  .nw-header button { font: inherit; color: ${COLORS.primary}; background: ${COLORS.surface}; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
  .nw-editor { height: calc(100vh - 56px); }
  .nw-login { max-width: 360px; margin: 12vh auto; padding: 28px; background: ${COLORS.surface}; border: 1px solid ${COLORS.border}; border-top: 6px solid ${COLORS.primary}; border-radius: 6px; }
  .nw-login h1 { display: flex; align-items: center; gap: 10px; margin: 0 0 18px; font-size: 22px; color: ${COLORS.primary}; }
  .nw-login label { display: block; margin: 12px 0 4px; font-weight: 600; }
  .nw-login input { width: 100%; box-sizing: border-box; padding: 8px; font: inherit; border: 1px solid ${COLORS.border}; border-radius: 4px; }
  .nw-login button { margin-top: 18px; width: 100%; padding: 10px; font: inherit; font-weight: 700; color: ${COLORS.surface}; background: ${COLORS.primary}; border: 0; border-radius: 4px; cursor: pointer; }
  .nw-error { color: #a4161a; }
  .nw-hint { color: ${COLORS.muted}; font-size: 13px; }`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${PORTAL_NAME}</title><link rel="icon" href="${LOGO_URL}"><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The portal's own sign-in form. */
export function signInPage(options: { error?: string; users: readonly PortalUser[] }): string {
  const accounts = options.users.map((user) => `<li><code>${escape(user.email)}</code></li>`).join('');
  return page(
    'Sign in',
    `<form class="nw-login" method="post" action="/login">
  <h1><img src="${LOGO_URL}" alt="" height="32">${PORTAL_NAME}</h1>
  ${options.error ? `<p class="nw-error" role="alert">${escape(options.error)}</p>` : ''}
  <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
  <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
  <p class="nw-hint">Demo accounts:</p><ul class="nw-hint">${accounts}</ul>
</form>`,
  );
}

/**
 * The portal page with the embedded editor: it loads the script-tag build, asks the portal's server
 * for an embed token (again whenever Countersign refuses one) and mounts the editor with Northwind's theme.
 */
export function automationsPage(user: PortalUser, workflowId: string | undefined): string {
  const options = { baseUrl: '/countersign', socketPath: '/countersign/socket.io', theme: EDITOR_THEME, ...(workflowId ? { workflowId } : {}) };
  return page(
    'Automations',
    `<header class="nw-header">
  <img src="${LOGO_URL}" alt=""><span class="nw-brand">${PORTAL_NAME}</span>
  <nav class="nw-nav"><a href="/" aria-current="page">Automations</a></nav>
  <span class="nw-user">${escape(user.name)}</span>
  <form method="post" action="/logout"><button type="submit">Sign out</button></form>
</header>
<main id="countersign-editor" class="nw-editor"></main>
<script src="/assets/countersign-editor.js"></script>
<script>
  async function embedToken() {
    const response = await fetch('/embed/token', { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) { window.location.href = '/login'; throw new Error('signed out'); }
    if (!response.ok) throw new Error('the portal could not issue an embed token');
    return (await response.json()).token;
  }
  const options = ${scriptJson(options)};
  embedToken().then((token) => {
    window.northwindEditor = Countersign.mountEditor(document.getElementById('countersign-editor'), { ...options, token, getToken: embedToken });
  });
</script>`,
  );
}
