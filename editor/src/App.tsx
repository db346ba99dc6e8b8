import { ApiQuickstart } from './ApiQuickstart.tsx';
import { HealthStatus } from './HealthStatus.tsx';
import { useHealth } from './use-health.ts';

/** Placeholder page until the editor lands: shows that the runtime is up and where the API is. */
export function App() {
  const health = useHealth();
  return (
    <main className="cs-page">
      <header className="cs-header">
        <span className="cs-logo" aria-hidden="true">✓✓</span>
        <h1>Countersign</h1>
      </header>
      <section className="cs-card">
        <p>The Countersign runtime is running. The workflow editor is not built yet; the API is available now.</p>
        <HealthStatus state={health} />
        <ul className="cs-links">
          <li><a href="/api/openapi.json">OpenAPI description</a> <code>/api/openapi.json</code></li>
          <li><a href="#api-quickstart">API quickstart</a> (from README.md)</li>
        </ul>
      </section>
      <ApiQuickstart />
    </main>
  );
}
