import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { getJson, setCsrfToken } from '../../api.ts';

/** GET /api/v1/auth/session (src/http/auth/present-session.ts). */
export type SessionInfo =
  | { signedIn: false }
  | {
      signedIn: true;
      user: { id: string; username: string; displayName: string };
      grants: { role: string; agencyId: string | null }[];
      csrfToken: string;
      expiresAt: string;
    };

interface SessionValue {
  /** null while the first answer is awaited. */
  session: SessionInfo | null;
  /** Asks the server again (after signing in or out). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue>({ session: null, refresh: () => Promise.resolve() });

/** Who is signed in, for the whole back office; keeps the CSRF token for every POST. */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const refresh = useCallback(async () => {
    const answer = await getJson<SessionInfo>('/api/v1/auth/session').catch((): SessionInfo => ({
      signedIn: false,
    }));
    setCsrfToken(answer.signedIn ? answer.csrfToken : null);
    setSession(answer);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
