// Entry of the script-tag build (vite.embed.config.ts): everything exported here becomes a property
// of `window.Countersign`, e.g. `Countersign.mountEditor(element, options)`.
export { mountEditor } from './mount-editor.tsx';

/** The editor build's version. */
export const version = '0.1.0';
