/** The policy the opened evidence pack runs under: it is a document to read and print, so no script runs. */
export const EVIDENCE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'";

/**
 * The printable HTML with a Content-Security-Policy that forbids scripts, placed first so it applies
 * before anything else: the pack is opened from a Blob URL of the app's origin, and holds data
 * (invoice fields, comments) that came from outside.
 */
export function withScriptsBlocked(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${EVIDENCE_CSP}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? `${doctype[0]}${meta}${html.slice(doctype[0].length)}` : `${meta}${html}`;
}

/** The file name of a run's evidence pack. */
export function evidenceFileName(runId: string, extension: 'json' | 'html'): string {
  return `evidence-${runId.replace(/[^\w.-]+/g, '_')}.${extension}`;
}

const REVOKE_AFTER_MS = 60_000;

/** Saves text as a file through a temporary link (the browser's download). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Shows HTML in a tab opened beforehand (during the click, so no popup blocker stops it); downloads it when there is none. */
export function showHtml(html: string, target: Window | null, fileName: string): void {
  const safe = withScriptsBlocked(html);
  if (target === null || target.closed) {
    downloadText(safe, fileName, 'text/html');
    return;
  }
  const url = URL.createObjectURL(new Blob([safe], { type: 'text/html' }));
  target.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
