import type { TemplateDto } from '@countersign/shared';

/** One template in the gallery: name, category, version, description, parameters; "Use template" when the user may instantiate it. */
export function TemplateCard({ template, onUse }: { template: TemplateDto; onUse: ((template: TemplateDto) => void) | null }) {
  const parameters = Object.entries(template.parameters.properties);
  return (
    <article className="cs-card cs-template-card" data-testid="template-card" data-template-id={template.id} aria-labelledby={`cs-template-${template.id}`}>
      <div className="cs-template-card__head">
        <span className="cs-template-card__category">{template.category}</span>
        <span className="cs-template-card__version" title={`Published ${new Date(template.publishedAt).toLocaleString()}`}>
          v{template.version}
        </span>
      </div>
      <h2 id={`cs-template-${template.id}`} className="cs-template-card__name">
        {template.name}
      </h2>
      {template.description ? <p className="cs-template-card__description">{template.description}</p> : null}
      {parameters.length > 0 ? (
        <p className="cs-muted cs-template-card__parameters">
          You set: {parameters.map(([name, property]) => property.title ?? name).join(', ')}
        </p>
      ) : null}
      {template.audience !== 'all' ? <p className="cs-muted cs-template-card__audience">Published to {template.audience.length === 1 ? '1 client' : `${template.audience.length} clients`}</p> : null}
      {onUse ? (
        <button type="button" className="cs-button cs-button--primary cs-template-card__use" data-testid="template-use" onClick={() => onUse(template)}>
          Use template
        </button>
      ) : null}
    </article>
  );
}
