// The script-tag build's own URL, read while the script runs (document.currentScript is null later, and
// always for module scripts: then the host's bundler has handled the CSS imports already).
const scriptUrl = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

/** Adds the editor's stylesheet to the page once: `cssUrl`, or countersign-editor.css beside the script. */
export function ensureStylesheet(cssUrl?: string): void {
  const href = cssUrl ?? (scriptUrl ? new URL('countersign-editor.css', scriptUrl).href : undefined);
  if (href === undefined || document.querySelector('link[data-countersign-editor]') !== null) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.dataset['countersignEditor'] = '';
  document.head.append(link);
}
