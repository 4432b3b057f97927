import { useState } from 'preact/hooks';
import { useAgencies } from '../../agencies.ts';
import { isTransient, useApi } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useDocumentTitle, useI18n } from '../../lang.tsx';
import { asApiError, postJson } from '../ratings/post-json.ts';
import { AUTH_TEXT, ROLE_KEYS, ROLE_NAMES, type RoleName } from '../auth/auth-text.ts';

export const USERS_PATH = '/nguoi-dung';

/** A user of GET /api/v1/users (src/app/auth/list-users.ts). */
interface UserRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  demo: boolean;
  grants: { role: RoleName; agencyId: string | null; agencyCode: string | null; agencyName: string | null }[];
}

/** Role + agency picker (empty agency: the whole province, for the roles that may be global). */
function GrantFields(props: {
  role: RoleName | '';
  agencyId: string;
  onRole: (role: RoleName | '') => void;
  onAgency: (agencyId: string) => void;
  allowNone: boolean;
}) {
  const { lang } = useI18n();
  const t = AUTH_TEXT[lang];
  const agencies = useAgencies();
  return (
    <>
      <label class="field">
        <span class="field__label">{t.role}</span>
        <select
          name="role"
          value={props.role}
          onChange={(event) => props.onRole(event.currentTarget.value as RoleName | '')}
        >
          {props.allowNone ? <option value="">{t.noRole}</option> : null}
          {ROLE_KEYS.map((role) => (
            <option key={role} value={role}>
              {ROLE_NAMES[lang][role]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field__label">{t.agency}</span>
        <select
          name="agencyId"
          value={props.agencyId}
          onChange={(event) => props.onAgency(event.currentTarget.value)}
        >
          <option value="">{t.everyAgency}</option>
          {agencies.status === 'ready'
            ? agencies.data.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {'\u00a0\u00a0'.repeat(agency.depth)}
                  {agency.name}
                </option>
              ))
            : null}
        </select>
      </label>
    </>
  );
}

/** User and role management (requires user.manage). */
export function UsersPage() {
  const { lang } = useI18n();
  const t = AUTH_TEXT[lang];
  useDocumentTitle(t.usersTitle);
  const users = useApi<{ users: UserRow[] }>('/api/v1/users');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleName | ''>('');
  const [agencyId, setAgencyId] = useState('');
  const [grantFor, setGrantFor] = useState<string | null>(null);
  const [grantRole, setGrantRole] = useState<RoleName | ''>('counter_official');
  const [grantAgency, setGrantAgency] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const act = (promise: Promise<unknown>, done?: () => void) => {
    setError('');
    setMessage('');
    promise.then(
      () => {
        done?.();
        users.retry();
      },
      (caught: unknown) => {
        const failure = asApiError(caught);
        setError([failure.message, ...failure.problems.map((p) => p.message)].join(' — '));
      },
    );
  };
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.usersTitle}
      </h1>
      <p>{t.usersIntro}</p>
      {/* Opened by URL without user.manage: the server's refusal (403), as on every page. */}
      {users.state.status === 'error' ? (
        <ErrorAlert
          error={users.state.error}
          onRetry={isTransient(users.state.error) ? users.retry : undefined}
        />
      ) : null}
      <section class="card" aria-labelledby="create-title">
        <h2 id="create-title">{t.createUser}</h2>
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            act(
              postJson('/api/v1/users', {
                username,
                displayName,
                password,
                grants: role === '' ? [] : [{ role, agencyId: agencyId === '' ? null : agencyId }],
              }),
              () => {
                setMessage(t.created(username));
                setUsername('');
                setDisplayName('');
                setPassword('');
              },
            );
          }}
        >
          <label class="field">
            <span class="field__label">{t.username}</span>
            <input
              name="new-username"
              required
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field__label">{t.displayName}</span>
            <input
              name="displayName"
              required
              value={displayName}
              onInput={(e) => setDisplayName(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field__label">{t.initialPassword}</span>
            <input
              name="new-password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          <GrantFields role={role} agencyId={agencyId} onRole={setRole} onAgency={setAgencyId} allowNone />
          <button type="submit" class="button button--primary">
            {t.create}
          </button>
        </form>
        <p role="status" data-testid="users-message">
          {message}
        </p>
        <p role="alert" class="field__error" data-testid="users-error">
          {error}
        </p>
      </section>
      <section class="card" aria-labelledby="users-title">
        <h2 id="users-title">{t.list}</h2>
        {users.state.status === 'ready' && users.state.data.users.length === 0 ? <p>{t.none}</p> : null}
        {users.state.status === 'ready' && users.state.data.users.length > 0 ? (
          <table class="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t.username}</th>
                <th scope="col">{t.displayName}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.grant}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.state.data.users.map((user) => (
                <tr key={user.id} data-username={user.username}>
                  <td>
                    {user.username} {user.demo ? <small>({t.demo})</small> : null}
                  </td>
                  <td>{user.displayName}</td>
                  <td>
                    <ul>
                      {user.grants.map((grant) => (
                        <li key={`${grant.role}:${grant.agencyId ?? ''}`}>
                          {ROLE_NAMES[lang][grant.role]} — {grant.agencyName ?? t.everyAgency}{' '}
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() =>
                              act(
                                postJson(`/api/v1/users/${user.id}/roles/revoke`, {
                                  role: grant.role,
                                  agencyId: grant.agencyId,
                                }),
                              )
                            }
                          >
                            {t.revoke}
                          </button>
                        </li>
                      ))}
                    </ul>
                    {grantFor === user.id ? (
                      <form
                        class="inline-form"
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (grantRole === '') return;
                          act(
                            postJson(`/api/v1/users/${user.id}/roles`, {
                              role: grantRole,
                              agencyId: grantAgency === '' ? null : grantAgency,
                            }),
                            () => setGrantFor(null),
                          );
                        }}
                      >
                        <GrantFields
                          role={grantRole}
                          agencyId={grantAgency}
                          onRole={setGrantRole}
                          onAgency={setGrantAgency}
                          allowNone={false}
                        />
                        <button type="submit" class="button button--primary">
                          {t.grant}
                        </button>
                      </form>
                    ) : null}
                  </td>
                  <td>{user.disabled ? t.disabled : user.locked ? t.locked : t.active}</td>
                  <td>
                    {user.disabled ? null : (
                      <>
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => setGrantFor(user.id)}
                        >
                          {t.grant}
                        </button>{' '}
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => act(postJson(`/api/v1/users/${user.id}/disable`))}
                        >
                          {t.disable}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
