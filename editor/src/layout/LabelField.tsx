import { useEffect, useId, useState } from 'react';
import { useEditorStoreApi } from '../store/editor-context.tsx';

/** The node's label, edited in place; a taken or empty label is shown as an error and not applied. */
export function LabelField({ nodeId, label, readOnly }: { nodeId: string; label: string; readOnly: boolean }) {
  const store = useEditorStoreApi();
  const id = useId();
  const [text, setText] = useState(label);
  const [problem, setProblem] = useState<string | null>(null);

  // Undo, or another editor of the same node, changes the label under the field.
  useEffect(() => {
    setText(label);
    setProblem(null);
  }, [label, nodeId]);

  const change = (next: string): void => {
    setText(next);
    setProblem(store.getState().renameNode(nodeId, next));
  };

  return (
    <div className="cs-field">
      <label className="cs-field__label" htmlFor={id}>
        Label
      </label>
      <input
        id={id}
        className="cs-input"
        value={text}
        readOnly={readOnly}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          // Leaving the field drops a label that could not be applied.
          if (problem === null) return;
          setText(label);
          setProblem(null);
        }}
      />
      {problem ? (
        <p id={`${id}-problem`} className="cs-field__error">
          {problem}
        </p>
      ) : (
        <p className="cs-field__hint">Expressions of later nodes read this node as $node["{label}"].</p>
      )}
    </div>
  );
}
