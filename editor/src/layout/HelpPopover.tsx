import { useRef } from 'react';
import { shortcutHelp } from '../canvas/shortcuts.ts';
import { useFocusTrap } from '../runs/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';

/** The keyboard shortcuts (opened with `?` or the toolbar button). */
export function HelpPopover() {
  const store = useEditorStoreApi();
  const open = useEditorStore((state) => state.dialog === 'help');
  if (!open) return null;
  return <HelpBody onClose={() => store.getState().closeDialog()} />;
}

function HelpBody({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, onClose);
  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={ref} className="cs-dialog cs-help" role="dialog" aria-modal="true" aria-labelledby="cs-help-title">
        <h2 id="cs-help-title" className="cs-dialog__title">
          Keyboard shortcuts
        </h2>
        <table className="cs-help__table">
          <tbody>
            {shortcutHelp(MOD).map((entry) => (
              <tr key={entry.description}>
                <td>
                  {entry.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? ' or ' : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{entry.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="cs-dialog__actions">
          <button type="button" className="cs-button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
