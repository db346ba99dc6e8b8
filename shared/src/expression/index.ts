export {
  EXPRESSION_GLOBALS,
  checkExpressionSyntax,
  collectTemplates,
  expressionBody,
  extractNodeReferences,
  isTemplate,
  parseTemplate,
  type FoundTemplate,
  type ParsedTemplate,
  type TemplatePart,
} from './template.ts';
