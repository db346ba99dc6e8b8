import { useEffect } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import type { Toast } from '../store/ui-slice.ts';

const TOAST_MS = 6000;

/** Short messages (version saved, errors) in the corner of the editor; each fades after a few seconds. */
export function Toasts() {
  const toasts = useEditorStore((state) => state.toasts);
  return (
    <div className="cs-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const store = useEditorStoreApi();
  useEffect(() => {
    const timer = setTimeout(() => store.getState().dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [store, toast.id]);
  return (
    <div className={`cs-toast cs-toast--${toast.kind}`}>
      <span>{toast.message}</span>
      <button type="button" className="cs-toast__close" aria-label="Dismiss" onClick={() => store.getState().dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}
