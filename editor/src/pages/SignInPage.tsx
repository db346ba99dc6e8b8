import { useId, useState, type FormEvent } from 'react';
import { createApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { navigate } from '../app/router.ts';
import type { SessionStore } from '../app/session.ts';
import { SupportLink } from '../branding/SupportLink.tsx';
import { useTheme } from '../theme/theme-context.ts';
import { ProductMark } from '../layout/ProductMark.tsx';
import './pages.css';

/** Sign-in with email and password; on success goes to `next` (or the workflow list). */
export function SignInPage({ session, next }: { session: SessionStore; next: string | null }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { productName } = useTheme();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await createApiClient({ baseUrl: '', token: null }).login(email.trim(), password);
      session.signIn(result);
      navigate(next ?? '/', { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <main className="cs-signin">
      <form className="cs-card cs-signin__card" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
        <ProductMark />
        <h1 id={`${id}-title`} className="cs-signin__title">
          Sign in to {productName}
        </h1>
        <label className="cs-field__label" htmlFor={`${id}-email`}>
          Email
        </label>
        <input id={`${id}-email`} className="cs-input" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} autoFocus />
        <label className="cs-field__label" htmlFor={`${id}-password`}>
          Password
        </label>
        <input
          id={`${id}-password`}
          className="cs-input"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? (
          <p className="cs-signin__error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="cs-button cs-button--primary cs-signin__submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <SupportLink>Trouble signing in? Contact support</SupportLink>
      </form>
    </main>
  );
}
