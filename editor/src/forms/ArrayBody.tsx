import { Fragment } from 'react';
import type { FieldOf } from './field-model.ts';
import { isGroup } from './field-model.ts';
import { itemLabel } from './field-labels.ts';
import type { RenderField } from './field-props.ts';
import { useStableKeys } from './use-stable-keys.ts';
import { emptyValue } from './value-match.ts';
import { moveItem, removeItem, type ValuePath } from './value-path.ts';

/** Props of {@link ArrayBody}. */
export interface ArrayBodyProps {
  path: ValuePath;
  field: FieldOf<'array'>;
  value: unknown;
  emit(value: unknown): void;
  readOnly: boolean;
  renderField: RenderField;
}

/** The items of a list field, each with move up/down and remove buttons, and an add button. */
export function ArrayBody({ path, field, value, emit, readOnly, renderField }: ArrayBodyProps) {
  const items: readonly unknown[] = Array.isArray(value) ? value : [];
  const stable = useStableKeys(items.length);
  const canRemove = items.length > (field.minItems ?? 0);
  const canAdd = field.maxItems === undefined || items.length < field.maxItems;
  const addLabel = itemLabel(field, field.items, items.length).replace(/ \d+$/, '');
  const move = (from: number, to: number): void => {
    stable.move(from, to);
    emit(moveItem(items, from, to));
  };
  return (
    <>
      {items.length === 0 && <p className="cs-help">No items yet.</p>}
      {items.map((_, index) => {
        const label = itemLabel(field, field.items, index);
        const actions = readOnly ? null : (
          <span className="cs-item-actions">
            <button type="button" className="cs-icon-button" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
              ↑
            </button>
            <button type="button" className="cs-icon-button" aria-label={`Move ${label} down`} disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>
              ↓
            </button>
            <button
              type="button"
              className="cs-icon-button cs-icon-button--danger"
              aria-label={`Remove ${label}`}
              disabled={!canRemove}
              onClick={() => {
                stable.remove(index);
                emit(removeItem(items, index));
              }}
            >
              ×
            </button>
          </span>
        );
        return (
          <Fragment key={stable.keys[index]}>
            {renderField({ path: [...path, index], field: field.items, label, required: false, item: true, actions, allowExpression: !isGroup(field.items) })}
          </Fragment>
        );
      })}
      {!readOnly && (
        <button type="button" className="cs-add" disabled={!canAdd} onClick={() => emit([...items, emptyValue(field.items)])}>
          {`+ Add ${addLabel.toLowerCase()}`}
        </button>
      )}
    </>
  );
}
