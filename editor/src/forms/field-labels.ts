import type { FieldModel } from './field-model.ts';
import type { ValuePath } from './value-path.ts';

/** The visible name of a property: its schema title, else its key in words ("timeoutMs" -> "Timeout ms"). */
export function propertyLabel(key: string, field: FieldModel): string {
  if (field.title !== undefined && field.title !== '') return field.title;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The name of one item of a list, e.g. "Case 2" for the second item of "Cases". */
export function itemLabel(list: FieldModel, items: FieldModel, index: number): string {
  if (items.title !== undefined && items.title !== '') return `${items.title} ${index + 1}`;
  const title = list.title ?? '';
  const singular = /[^su]s$/i.test(title) ? title.slice(0, -1) : 'Item';
  return `${singular} ${index + 1}`;
}

/** A DOM id for the field at `path`, unique within the form that uses `prefix`. */
export function fieldId(prefix: string, path: ValuePath): string {
  const steps = path.map((key) => (typeof key === 'number' ? String(key) : encodeURIComponent(key).replace(/[%.']/g, '_')));
  return [prefix, ...steps].join('.');
}
