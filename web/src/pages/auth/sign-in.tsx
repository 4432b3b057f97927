import { useState } from 'preact/hooks';
import { setCsrfToken, type ApiError } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { navigate } from '../../router.tsx';
import { asApiError, postJson } from '../ratings/post-json.ts';
import { AUTH_TEXT } from './auth-text.ts';
import { nextPathOf } from './next-path.ts';
import { useSession } from './session.tsx';

export { SIGN_IN_PATH } from './next-path.ts';

interface Failure {
  error: ApiError;
  details: Record<string, unknown>;
}

/**
 * The staff sign-in page: username and password; wrong passwords count towards a 15-minute lock.
 * Afterwards it goes back to the page that sent the user here (`?tiep=`), or to the dossiers.
 */
export function SignInPage({ search }: { search: string }) {
  const { lang } = useI18n();
  const t = AUTH_TEXT[lang];
  useDocumentTitle(t.signInTitle);
  const { refresh } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { data } = await postJson('/api/v1/auth/sign-in', { username, password });
      const token = (data as { csrfToken?: string }).csrfToken;
      setCsrfToken(token ?? null);
      await refresh();
      // Replace: going back should not land on a sign-in form that no longer applies.
      navigate(nextPathOf(search), { replace: true });
    } catch (caught) {
      const error = asApiError(caught);
      setFailure({ error, details: error.details });
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const lockedUntil = typeof failure?.details.lockedUntil === 'string' ? failure.details.lockedUntil : null;
  const attemptsLeft =
    typeof failure?.details.attemptsLeft === 'number' ? failure.details.attemptsLeft : null;
  return (
    <section class="card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t.signInTitle}
      </h1>
      <p>{t.signInIntro}</p>
      {failure ? (
        <div
          class="alert alert--error"
          role="alert"
          data-testid="sign-in-error"
          data-code={failure.error.code}
        >
          <p class="alert__title">{failure.error.message}</p>
          {lockedUntil ? (
            <p>
              {t.lockedUntil(new Date(lockedUntil).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB'))}
            </p>
          ) : null}
          {attemptsLeft !== null && attemptsLeft < 5 ? <p>{t.attemptsLeft(attemptsLeft)}</p> : null}
        </div>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label class="field">
          <span class="field__label">{t.username}</span>
          <input
            name="username"
            autoComplete="username"
            required
            maxLength={64}
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">{t.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
      {/* A page of its own (/cong-khai), so a plain link: it loads the public bundle. */}
      <p>
        <a href="/cong-khai">{t.publicResults}</a>
      </p>
    </section>
  );
}
