import { Link } from '../app/Link.tsx';
import './pages.css';

/** A path the app does not know. */
export function NotFoundPage({ path }: { path: string }) {
  return (
    <main className="cs-signin">
      <div className="cs-card cs-signin__card">
        <h1 className="cs-signin__title">Page not found</h1>
        <p className="cs-muted">
          Nothing lives at <code>{path}</code>.
        </p>
        <Link href="/">Back to the workflows</Link>
      </div>
    </main>
  );
}
