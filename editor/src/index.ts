/**
 * Marks the editor package as a placeholder: the page in `main.tsx` only shows that the runtime is
 * up. The embeddable `<WorkflowEditor>` will be exported from here; until then nothing heavy is.
 */
export const EDITOR_PLACEHOLDER = true;
