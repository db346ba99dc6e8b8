import { z } from 'zod';
import { GraphSchema } from '../graph/index.ts';

/** A parameter's name: what `{{param:<name>}}` placeholders refer to. */
export const TEMPLATE_PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** String formats a parameter may declare; `credential` is the id of a credential of the client tenant. */
export const TEMPLATE_STRING_FORMATS = ['uri', 'email', 'credential'] as const;

/** JSON Schema keywords templates support for one parameter (anything else is refused by name). */
export const TEMPLATE_PARAMETER_KEYWORDS = ['type', 'title', 'description', 'default', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'format'] as const;

const unsupported = (where: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Unsupported JSON Schema keyword(s) ${(issue.keys ?? []).join(', ')} in ${where}; templates support: ${where === 'a parameter' ? TEMPLATE_PARAMETER_KEYWORDS.join(', ') : 'type, title, description, properties, required, additionalProperties'}` : undefined,
});

const meta = { title: z.string().max(200).optional(), description: z.string().max(2000).optional() };
const int = z.number().int();

const StringParameter = z.strictObject(
  {
    type: z.literal('string'),
    ...meta,
    default: z.string().max(10_000).optional(),
    enum: z.array(z.string().max(10_000)).min(1).max(200).optional(),
    minLength: int.min(0).optional(),
    maxLength: int.min(0).optional(),
    format: z.enum(TEMPLATE_STRING_FORMATS).optional(),
  },
  unsupported('a parameter'),
);
const numberParameter = (type: 'integer' | 'number') =>
  z.strictObject(
    {
      type: z.literal(type),
      ...meta,
      default: (type === 'integer' ? int : z.number()).optional(),
      enum: z.array(type === 'integer' ? int : z.number()).min(1).max(200).optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
    },
    unsupported('a parameter'),
  );
const BooleanParameter = z.strictObject({ type: z.literal('boolean'), ...meta, default: z.boolean().optional() }, unsupported('a parameter'));

/** One parameter: a JSON Schema of a string, integer, number or boolean (the subset templates support). */
export const TemplateParameterSchema = z.discriminatedUnion('type', [StringParameter, numberParameter('integer'), numberParameter('number'), BooleanParameter]);

/** The parameters of a template: a JSON Schema of an object whose properties are the parameters. */
export const TemplateParametersSchema = z
  .strictObject(
    {
      $schema: z.string().max(200).optional(),
      type: z.literal('object'),
      ...meta,
      properties: z.record(z.string().regex(TEMPLATE_PARAMETER_NAME, 'A parameter name is a letter or _ then letters, digits or _ (at most 64)'), TemplateParameterSchema),
      required: z.array(z.string()).max(200).optional(),
      additionalProperties: z.literal(false).optional(),
    },
    unsupported('the parameters object'),
  )
  .refine((schema) => (schema.required ?? []).every((name) => Object.hasOwn(schema.properties, name)), { path: ['required'], message: 'Every required parameter must be one of the properties' })
  .meta({
    description:
      'Parameters of a template, as a JSON Schema object. They are substituted into the template graph when a client instantiates it ' +
      '(not at run time): a string value of the graph exactly equal to `{{param:<name>}}` is replaced by the parameter value, keeping its ' +
      'JSON type (an integer stays an integer); occurrences inside a longer string are replaced by the value as text. An optional parameter ' +
      'left out without a default removes a value that is exactly its placeholder, and is empty text inside a longer string. Format ' +
      '`credential` names a credential of the client tenant.',
  });

/** Who a template is published to: every client of the partner, or the chosen client tenants. */
export const TemplateAudienceSchema = z.union([z.literal('all'), z.array(z.string().min(1).max(100)).min(1).max(1000)]);

/**
 * Where a parameter goes in the published graph: the value at `path` inside the config of node `nodeId`
 * becomes `value`, which holds `{{param:<name>}}` placeholders (e.g. `{ nodeId: 'post-to-erp', path: ['url'],
 * value: '{{param:erpUrl}}' }`). The published version keeps concrete values, so it stays a valid, reviewed graph.
 */
export const TemplatePlaceholderSchema = z.strictObject({
  nodeId: z.string().min(1).max(200),
  path: z.array(z.union([z.string().min(1).max(200), z.number().int().min(0)])).min(1).max(20),
  value: z.unknown(),
});

/** A template as listed: its latest version. */
export const TemplateSchema = z.object({
  id: z.string(),
  partnerTenantId: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  /** The template's version number (1, 2, ...), not the source workflow's. */
  version: z.number().int(),
  sourceWorkflowId: z.string(),
  sourceVersion: z.number().int(),
  sourceHash: z.string(),
  parameters: TemplateParametersSchema,
  /** A client sees `all` or only itself, never the partner's other clients. */
  audience: TemplateAudienceSchema,
  publishedBy: z.string(),
  publishedAt: z.string(),
});

/** `GET /api/templates/:id`: the template with its graph (placeholders in place). */
export const TemplateDetailSchema = TemplateSchema.extend({ graph: GraphSchema });

/** `GET /api/templates`: a partner's own templates, or those a client's partner published to it; `viewer` says which. */
export const TemplateListSchema = z.object({ items: z.array(TemplateSchema), viewer: z.enum(['partner', 'client', 'standalone']) });

/** `POST /api/templates` (partner admin): publishes a published version of one of the partner's workflows as a template (or its next version). */
export const PublishTemplateRequestSchema = z.strictObject({
  /** The template this is the next version of; a new template when absent. */
  templateId: z.string().min(1).max(100).optional(),
  workflowId: z.string().min(1).max(100),
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  category: z.string().trim().min(1).max(100),
  parameters: TemplateParametersSchema,
  placeholders: z.array(TemplatePlaceholderSchema).max(200).default([]),
  audience: TemplateAudienceSchema,
});

/** `POST /api/templates/:id/instantiate` (client designer/admin): a new workflow whose draft is the template with these parameters. */
export const InstantiateTemplateRequestSchema = z.strictObject({
  parameters: z.record(z.string(), z.unknown()).default({}),
  name: z.string().trim().min(1).max(200).optional(),
});

/** Which template (and version, parameters) a workflow came from. */
export const WorkflowTemplateOriginSchema = z.object({
  workflowId: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  version: z.number().int(),
  /** The newest version the client may upgrade to (its own version when the template is no longer published to it). */
  latestVersion: z.number().int(),
  upgradeAvailable: z.boolean(),
  parameters: z.record(z.string(), z.unknown()),
  instantiatedBy: z.string(),
  instantiatedAt: z.string(),
  upgradedAt: z.string().nullable(),
});

/** `GET /api/workflows/:id/template`: the origin, or null for a workflow not made from a template. */
export const WorkflowTemplateResponseSchema = z.object({ origin: WorkflowTemplateOriginSchema.nullable() });

/** `POST /api/workflows/:id/template/upgrade`: the newer version (latest when absent) with the kept parameters; `preview` changes nothing. */
export const UpgradeTemplateRequestSchema = z.strictObject({
  version: z.number().int().min(1).optional(),
  preview: z.boolean().default(false),
  /** Values for parameters the newer version added (kept ones are reused). */
  parameters: z.record(z.string(), z.unknown()).optional(),
});

// A field added or removed has no before or after: JSON leaves the key out, so both are optional here.
const FieldChangeSchema = z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
const NodeSummarySchema = z.object({ id: z.string(), label: z.string(), type: z.string() });
const EdgeSchema = z.object({ id: z.string(), source: z.string(), sourcePort: z.string(), target: z.string(), targetPort: z.string() });

/** A graph diff (`diffGraphs`) as JSON. */
export const GraphDiffSchema = z.object({
  nodesAdded: z.array(NodeSummarySchema),
  nodesRemoved: z.array(NodeSummarySchema),
  nodesChanged: z.array(NodeSummarySchema.extend({ layoutOnly: z.boolean(), renamed: z.object({ before: z.string(), after: z.string() }).optional(), changes: z.array(FieldChangeSchema) })),
  edgesAdded: z.array(EdgeSchema),
  edgesRemoved: z.array(EdgeSchema),
  settingsChanged: z.array(FieldChangeSchema),
  behaviourUnchanged: z.boolean(),
});

/** The upgrade's effect on the draft: the graph diff from the current draft to the upgraded one. */
export const UpgradeTemplateResponseSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  applied: z.boolean(),
  parameters: z.record(z.string(), z.unknown()),
  diff: GraphDiffSchema,
});

/** Output type of {@link TemplateParameterSchema}. */
export type TemplateParameterDto = z.output<typeof TemplateParameterSchema>;
/** Output type of {@link TemplateParametersSchema}. */
export type TemplateParametersDto = z.output<typeof TemplateParametersSchema>;
/** Output type of {@link TemplatePlaceholderSchema}. */
export type TemplatePlaceholderDto = z.output<typeof TemplatePlaceholderSchema>;
/** Output type of {@link TemplateAudienceSchema}. */
export type TemplateAudienceDto = z.output<typeof TemplateAudienceSchema>;
/** Output type of {@link TemplateSchema}. */
export type TemplateDto = z.output<typeof TemplateSchema>;
/** Output type of {@link TemplateDetailSchema}. */
export type TemplateDetailDto = z.output<typeof TemplateDetailSchema>;
/** Output type of {@link TemplateListSchema}. */
export type TemplateListDto = z.output<typeof TemplateListSchema>;
/** Input type of {@link PublishTemplateRequestSchema}. */
export type PublishTemplateRequest = z.input<typeof PublishTemplateRequestSchema>;
/** Output type of {@link WorkflowTemplateOriginSchema}. */
export type WorkflowTemplateOriginDto = z.output<typeof WorkflowTemplateOriginSchema>;
/** Output type of {@link GraphDiffSchema}. */
export type GraphDiffDto = z.output<typeof GraphDiffSchema>;
/** Output type of {@link UpgradeTemplateResponseSchema}. */
export type UpgradeTemplateResponseDto = z.output<typeof UpgradeTemplateResponseSchema>;
