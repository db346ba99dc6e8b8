import { Fragment } from 'react';
import type { FieldOf } from './field-model.ts';
import { propertyLabel } from './field-labels.ts';
import type { RenderField } from './field-props.ts';
import type { ValuePath } from './value-path.ts';

/** The properties of an object field, one field each, in schema order. */
export function ObjectBody({ path, field, renderField }: { path: ValuePath; field: FieldOf<'object'>; renderField: RenderField }) {
  if (field.properties.length === 0) return <p className="cs-help">No settings.</p>;
  return (
    <>
      {field.properties.map((property) => (
        <Fragment key={property.key}>
          {renderField({
            path: [...path, property.key],
            field: property.field,
            label: propertyLabel(property.key, property.field),
            required: property.required,
          })}
        </Fragment>
      ))}
    </>
  );
}
