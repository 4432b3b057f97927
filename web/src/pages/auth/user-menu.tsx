import { useState } from 'preact/hooks';
import { setCsrfToken } from '../../api.ts';
import { useI18n } from '../../lang.tsx';
import { Link, navigate } from '../../router.tsx';
import { asApiError, postJson } from '../ratings/post-json.ts';
import { AUTH_TEXT } from './auth-text.ts';
import { useSession } from './session.tsx';
import { SIGN_IN_PATH } from './next-path.ts';

/** The header's account menu: who is signed in, sign out (here or everywhere), change password. */
export function UserMenu() {
  const { lang } = useI18n();
  const t = AUTH_TEXT[lang];
  const { session, refresh } = useSession();
  const [changing, setChanging] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [message, setMessage] = useState('');
  if (session === null) return null;
  if (!session.signedIn)
    return (
      <Link href={SIGN_IN_PATH} class="lang-switch" data-testid="sign-in-link">
        {t.signInNav}
      </Link>
    );
  const out = async (path: string) => {
    await postJson(path).catch(() => undefined);
    setCsrfToken(null);
    // To the sign-in page first, plainly: signed out on the page itself, the shell would send
    // the user there with a `tiep` back to a page they just chose to leave.
    navigate(SIGN_IN_PATH);
    await refresh();
  };
  return (
    <details class="user-menu" data-testid="user-menu">
      <summary class="lang-switch">{session.user.displayName}</summary>
      <div class="card">
        <p>
          {t.signedInAs} <strong>{session.user.username}</strong>
        </p>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void out('/api/v1/auth/sign-out')}
        >
          {t.signOut}
        </button>{' '}
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void out('/api/v1/auth/sign-out-everywhere')}
        >
          {t.signOutEverywhere}
        </button>{' '}
        <button type="button" class="button button--secondary" onClick={() => setChanging(!changing)}>
          {t.changePassword}
        </button>
        {changing ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setMessage('');
              postJson('/api/v1/auth/password', { currentPassword, newPassword }).then(
                () => {
                  setMessage(t.passwordChanged);
                  setCurrentPassword('');
                  setNewPassword('');
                },
                (caught: unknown) => {
                  const error = asApiError(caught);
                  setMessage([error.message, ...error.problems.map((p) => p.message)].join(' '));
                },
              );
            }}
          >
            <label class="field">
              <span class="field__label">{t.currentPassword}</span>
              <input
                type="password"
                autoComplete="current-password"
                required
                value={currentPassword}
                onInput={(event) => setCurrentPassword(event.currentTarget.value)}
              />
            </label>
            <label class="field">
              <span class="field__label">{t.newPassword}</span>
              <input
                type="password"
                autoComplete="new-password"
                required
                minLength={12}
                value={newPassword}
                onInput={(event) => setNewPassword(event.currentTarget.value)}
              />
              <span class="field__hint">{t.newPasswordHint}</span>
            </label>
            <button type="submit" class="button button--primary">
              {t.save}
            </button>
          </form>
        ) : null}
        <p role="status">{message}</p>
      </div>
    </details>
  );
}
