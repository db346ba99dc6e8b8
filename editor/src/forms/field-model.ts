/** A JSON value a schema can pin with `enum` or `const`. */
export type EnumValue = string | number | boolean | null;

/** What every field kind carries from its schema: title, help text and default. */
export interface FieldMeta {
  title?: string;
  description?: string;
  default?: unknown;
}

/** One property of an object field. */
export interface PropertyModel {
  key: string;
  required: boolean;
  field: FieldModel;
}

/** One alternative of an `anyOf` / `oneOf` / multi-type field, with the label its type switch shows. */
export interface UnionOption {
  label: string;
  field: FieldModel;
}

/** A form field derived from a JSON Schema: what to render, not how. */
export type FieldModel = FieldMeta &
  (
    | { kind: 'string'; format?: string; multiline: boolean; minLength?: number; maxLength?: number; pattern?: string }
    | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number }
    | { kind: 'enum'; options: EnumValue[] }
    | { kind: 'boolean' }
    | { kind: 'null' }
    | { kind: 'object'; properties: PropertyModel[] }
    | { kind: 'record'; values: FieldModel; keyPattern?: string }
    | { kind: 'array'; items: FieldModel; minItems?: number; maxItems?: number }
    | { kind: 'union'; options: UnionOption[] }
    | { kind: 'any' }
    | { kind: 'json'; reason: string }
  );

/** The kinds of {@link FieldModel}. */
export type FieldKind = FieldModel['kind'];

/** A field model narrowed to one kind. */
export type FieldOf<K extends FieldKind> = Extract<FieldModel, { kind: K }>;

const SCALAR_KINDS: ReadonlySet<FieldKind> = new Set(['string', 'number', 'enum', 'boolean', 'any', 'json']);

/** Whether a field is edited by one control, so it gets an "fx" toggle to switch to an expression. */
export function isScalar(field: FieldModel): boolean {
  return SCALAR_KINDS.has(field.kind);
}

/** Whether a field renders as a group (fieldset) of other fields. */
export function isGroup(field: FieldModel): boolean {
  return field.kind === 'object' || field.kind === 'record' || field.kind === 'array' || field.kind === 'union';
}

/** A short, human name for a field kind (type switches, fallbacks). */
export function kindLabel(field: FieldModel): string {
  switch (field.kind) {
    case 'string':
      return 'Text';
    case 'number':
      return field.integer ? 'Integer' : 'Number';
    case 'enum':
      return field.options.length === 1 ? JSON.stringify(field.options[0]) : 'Choice';
    case 'boolean':
      return 'Yes/no';
    case 'null':
      return 'None';
    case 'object':
      return 'Object';
    case 'record':
      return 'Map';
    case 'array':
      return 'List';
    case 'union':
      return 'One of';
    case 'any':
      return 'Any';
    case 'json':
      return 'JSON';
    default:
      return assertNever(field);
  }
}

/** Exhaustiveness check for switches over field kinds. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
