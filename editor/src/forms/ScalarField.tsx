import { ariaOf } from './control-props.ts';
import { ExpressionInput } from './ExpressionInput.tsx';
import type { FieldModel } from './field-model.ts';
import { isGroup } from './field-model.ts';
import { boundsText, numberHint, stringHint } from './field-hints.ts';
import type { ShellProps } from './field-props.ts';
import { useFormContext } from './form-context.ts';
import { issuesAt, issuesBelow } from './issue-paths.ts';
import { IssueList } from './IssueList.tsx';
import { TypedControl } from './TypedControl.tsx';

function helpOf(field: FieldModel): string | undefined {
  const bounds = field.kind === 'number' ? boundsText(field) : undefined;
  const parts = [field.description, bounds === undefined ? undefined : `Allowed: ${bounds}.`].filter((p) => p !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

function hintOf(field: FieldModel, value: unknown): string | null {
  if (field.kind === 'string') return stringHint(field, value);
  if (field.kind === 'number') return numberHint(field, value);
  return null;
}

/** A one-control field: label, fx toggle, typed control or expression input, help, hints and issues. */
export function ScalarField(props: ShellProps & { expression: boolean }) {
  const { id, path, field, label, required, value, emit, fx, actions, expression, hideLabel = false } = props;
  const form = useFormContext();
  // A field without sub-fields shows what is wrong beneath it too (a leaf has nowhere else to show it).
  const issues = props.showIssues === false ? [] : [...issuesAt(form.issues, path), ...issuesBelow(form.issues, path)];
  const help = helpOf(field);
  const hint = expression ? null : hintOf(field, value);
  const helpId = `${id}-help`;
  const issuesId = `${id}-issues`;
  const describedBy = [help && helpId, hint !== null && `${id}-hint`, issues.length > 0 && issuesId].filter(Boolean).join(' ') || undefined;
  const suggestions = path.length === 1 ? form.suggestions[String(path[0])] : undefined;
  const controlProps = { id, field, value, onChange: emit, label, required, readOnly: form.readOnly, invalid: issues.length > 0, describedBy, suggestions };
  const control = expression ? (
    <ExpressionInput
      {...ariaOf(controlProps)}
      id={id}
      value={typeof value === 'string' ? value : ''}
      onChange={emit}
      context={form.expressionContext}
      multiline={(field.kind === 'string' && field.multiline) || isGroup(field) || field.kind === 'json'}
      readOnly={form.readOnly}
    />
  ) : (
    <TypedControl {...controlProps} />
  );
  const check = !expression && field.kind === 'boolean';
  const labelNode = (
    <label htmlFor={id} className={hideLabel ? 'cs-sr-only' : 'cs-label'}>
      {label}
      {required && !hideLabel && (
        <span className="cs-required" aria-hidden="true">
          {' *'}
        </span>
      )}
    </label>
  );
  return (
    <div className={`cs-field${check ? ' cs-field--check' : ''}${hideLabel ? ' cs-field--bare' : ''}`} data-path={path.join('.')}>
      <div className="cs-field-head">
        {check && control}
        {labelNode}
        {!hideLabel && <span className="cs-field-tools">{fx}{actions}</span>}
      </div>
      {hideLabel ? (
        <div className="cs-field-row">
          {!check && control}
          {fx}
          {actions}
        </div>
      ) : (
        !check && control
      )}
      {help !== undefined && (
        <p id={helpId} className="cs-help">
          {help}
        </p>
      )}
      {hint !== null && (
        <p id={`${id}-hint`} className="cs-hint">
          {hint}
        </p>
      )}
      <IssueList id={issuesId} issues={issues} base={path} />
    </div>
  );
}
