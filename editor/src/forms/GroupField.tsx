import { ArrayBody } from './ArrayBody.tsx';
import type { RenderField, ShellProps } from './field-props.ts';
import { useFormContext } from './form-context.ts';
import { issuesAt, issuesBelow } from './issue-paths.ts';
import { IssueCount, IssueList } from './IssueList.tsx';
import { ObjectBody } from './ObjectBody.tsx';
import { RecordBody } from './RecordBody.tsx';
import { UnionBody } from './UnionBody.tsx';

/** A field made of fields (object, list, map, union): a fieldset whose legend counts the issues inside. */
export function GroupField(props: ShellProps & { renderField: RenderField }) {
  const { id, path, field, label, required, value, emit, fx, actions, renderField } = props;
  const form = useFormContext();
  const own = props.showIssues === false ? [] : issuesAt(form.issues, path);
  const inside = props.showIssues === false ? 0 : issuesBelow(form.issues, path).length;
  const helpId = `${id}-help`;
  const body = (() => {
    switch (field.kind) {
      case 'object':
        return <ObjectBody path={path} field={field} renderField={renderField} />;
      case 'array':
        return <ArrayBody path={path} field={field} value={value} emit={emit} readOnly={form.readOnly} renderField={renderField} />;
      case 'record':
        return <RecordBody path={path} field={field} value={value} emit={emit} readOnly={form.readOnly} idPrefix={form.idPrefix} renderField={renderField} />;
      case 'union':
        return <UnionBody id={id} path={path} field={field} label={label} required={required} value={value} emit={emit} readOnly={form.readOnly} renderField={renderField} />;
      default:
        return null;
    }
  })();
  return (
    <fieldset className={`cs-group cs-group--${field.kind}`} data-path={path.join('.')} aria-describedby={field.description !== undefined ? helpId : undefined}>
      <legend className="cs-legend">
        <span className="cs-legend-text">
          {label}
          {required && (
            <span className="cs-required" aria-hidden="true">
              {' *'}
            </span>
          )}
          <IssueCount count={inside} />
        </span>
        <span className="cs-field-tools">
          {fx}
          {actions}
        </span>
      </legend>
      {field.description !== undefined && (
        <p id={helpId} className="cs-help">
          {field.description}
        </p>
      )}
      <IssueList id={`${id}-issues`} issues={own} base={path} />
      {body}
    </fieldset>
  );
}
