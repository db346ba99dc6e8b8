import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbeddedEditor } from './EmbeddedEditor.tsx';
import type { MountEditorOptions } from './embed-options.ts';
import { ensureStylesheet } from './stylesheet.ts';

/** A mounted editor: `unmount()` removes it (and closes its socket). */
export interface MountedEditor {
  unmount(): void;
}

/**
 * Renders the Countersign editor into `element` of any page (no React needed on the host): the
 * script-tag build exposes it as `window.Countersign.mountEditor`. The element decides the size.
 */
export function mountEditor(element: HTMLElement, options: MountEditorOptions): MountedEditor {
  if (!(element instanceof HTMLElement)) throw new TypeError('Countersign.mountEditor: pass the element to render into');
  if (typeof options?.token !== 'string' || options.token === '') throw new TypeError('Countersign.mountEditor: pass the embed token your server signed (options.token)');
  if (typeof options.baseUrl !== 'string') throw new TypeError("Countersign.mountEditor: pass where the runtime is mounted (options.baseUrl, e.g. '/countersign')");
  ensureStylesheet(options.cssUrl);
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <EmbeddedEditor options={options} />
    </StrictMode>,
  );
  return { unmount: () => root.unmount() };
}
