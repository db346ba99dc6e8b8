import { AnyControl } from './AnyControl.tsx';
import { BooleanControl } from './BooleanControl.tsx';
import type { ControlProps } from './control-props.ts';
import { EnumControl } from './EnumControl.tsx';
import { JsonControl } from './JsonControl.tsx';
import { NumberControl } from './NumberControl.tsx';
import { TextControl } from './TextControl.tsx';

/** The typed control of a one-control field; groups that reach here (a bad value, say) get the JSON editor. */
export function TypedControl(props: ControlProps) {
  const { field } = props;
  switch (field.kind) {
    case 'string':
      return <TextControl {...props} field={field} />;
    case 'number':
      return <NumberControl {...props} field={field} />;
    case 'enum':
      return <EnumControl {...props} field={field} />;
    case 'boolean':
      return <BooleanControl {...props} field={field} />;
    case 'any':
      return <AnyControl {...props} />;
    case 'null':
      return (
        <output id={props.id} className="cs-null">
          null
        </output>
      );
    case 'json':
    case 'object':
    case 'record':
    case 'array':
    case 'union':
      return <JsonControl {...props} />;
    default: {
      const never: never = field;
      return never;
    }
  }
}
