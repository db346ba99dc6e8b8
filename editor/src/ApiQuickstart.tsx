import readme from '../../README.md?raw';
import { readmeSection } from './readme-section.ts';

/** The "API quickstart" section of README.md, taken at build time so the two never disagree. */
export function ApiQuickstart() {
  return (
    <section id="api-quickstart" className="cs-card">
      <h2>API quickstart</h2>
      <p className="cs-muted">From README.md.</p>
      <pre className="cs-readme">{readmeSection(readme, 'API quickstart') ?? 'README.md has no "API quickstart" section.'}</pre>
    </section>
  );
}
