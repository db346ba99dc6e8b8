import { useState } from 'react';
import type { FieldOf } from './field-model.ts';
import { fieldId, itemLabel } from './field-labels.ts';
import type { RenderField } from './field-props.ts';
import { KeyInput } from './KeyInput.tsx';
import { emptyValue } from './value-match.ts';
import { freshKey, isRecord, renameKey, type ValuePath } from './value-path.ts';

/** Props of {@link RecordBody}. */
export interface RecordBodyProps {
  path: ValuePath;
  field: FieldOf<'record'>;
  value: unknown;
  emit(value: unknown): void;
  readOnly: boolean;
  idPrefix: string;
  renderField: RenderField;
}

function keyProblem(record: Record<string, unknown>, from: string, to: string, pattern: string | undefined): string | null {
  if (to.trim() === '') return 'Enter a name';
  if (to !== from && Object.hasOwn(record, to)) return `"${to}" is already used`;
  if (pattern !== undefined) {
    try {
      if (!new RegExp(pattern, 'u').test(to)) return `"${to}" is not a valid name here`;
    } catch {
      return null; // A pattern this browser cannot compile is the runtime's to check.
    }
  }
  return null;
}

/** The entries of a map field (`additionalProperties`): a name and a value per row; add, rename, remove. */
export function RecordBody({ path, field, value, emit, readOnly, idPrefix, renderField }: RecordBodyProps) {
  const record = isRecord(value) ? value : {};
  const [added, setAdded] = useState<string | null>(null);
  const noun = itemLabel(field, field.values, 0).replace(/ \d+$/, '').replace(/^Item$/, 'Entry');
  return (
    <>
      {Object.keys(record).length === 0 && <p className="cs-help">No entries yet.</p>}
      {Object.keys(record).map((key, index) => {
        const keyId = `${fieldId(idPrefix, path)}.key-${index}`;
        return (
          <div className="cs-record-row" key={key}>
            <div className="cs-record-key">
              <KeyInput
                id={keyId}
                value={key}
                label={`Name of ${noun.toLowerCase()} ${index + 1}`}
                problemWith={(to) => keyProblem(record, key, to, field.keyPattern)}
                onRename={(to) => {
                  setAdded(null);
                  emit(renameKey(record, key, to));
                }}
                readOnly={readOnly}
                autoFocus={added === key}
              />
              {!readOnly && (
                <button
                  type="button"
                  className="cs-icon-button cs-icon-button--danger"
                  aria-label={`Remove ${key}`}
                  onClick={() => emit(Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)))}
                >
                  ×
                </button>
              )}
            </div>
            {renderField({ path: [...path, key], field: field.values, label: `Value of ${key}`, required: false, item: true, hideLabel: true })}
          </div>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          className="cs-add"
          onClick={() => {
            const key = freshKey(record, noun === 'Entry' ? 'key' : noun.toLowerCase());
            setAdded(key);
            emit({ ...record, [key]: emptyValue(field.values) });
          }}
        >
          {`+ Add ${noun.toLowerCase()}`}
        </button>
      )}
    </>
  );
}
