export { SchemaForm, type SchemaFormProps } from './SchemaForm.tsx';
export { ExpressionInput, type ExpressionInputProps } from './ExpressionInput.tsx';
export type { ExpressionContext } from './expression-context.ts';
export type { FormIssue } from './issue-paths.ts';
export { completionsAt, applyCompletion, type Completion, type CompletionItem } from './completion.ts';
export { diagnoseTemplate, type Diagnostic } from './expression-diagnostics.ts';
export { schemaToModel, type JsonSchema } from './schema-to-model.ts';
export type { FieldModel } from './field-model.ts';
