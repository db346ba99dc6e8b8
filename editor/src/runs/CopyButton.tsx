import { useEffect, useState } from 'react';

/** JSON text of a value for the clipboard (undefined copies as an empty string). */
export function copyText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}

/** Copies a value as JSON and says whether it worked. */
export function CopyButton({ value, label }: { value: unknown; label: string }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 1500);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = (): void => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) return setResult('failed');
    clipboard.writeText(copyText(value)).then(
      () => setResult('copied'),
      () => setResult('failed'),
    );
  };
  return (
    <button type="button" className="cs-run-button cs-run-button--small" onClick={copy} aria-label={`Copy ${label}`}>
      <span aria-live="polite">{result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}
