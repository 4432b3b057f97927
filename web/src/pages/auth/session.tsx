import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { getJson, onUnauthenticated, setCsrfToken } from '../../api.ts';

/** GET /api/v1/auth/session (src/http/auth/present-session.ts). */
export type SessionInfo =
  | { signedIn: false }
  | {
      signedIn: true;
      user: { id: string; username: string; displayName: string };
      grants: { role: string; agencyId: string | null }[];
      /** The actions (src/domain/auth/policy.ts) the user holds in at least one agency, sorted. */
      actions: string[];
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

/**
 * Who is signed in, for the whole back office; keeps the CSRF token for every POST. A request
 * refused for want of a session (it expired, or was ended on another device) makes it ask
 * again, so the shell sends the user to the sign-in page.
 */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  // Only the latest question counts: an answer asked before signing in must not undo it.
  const latest = useRef(0);
  const inFlight = useRef(0);
  const refresh = useCallback(async () => {
    latest.current += 1;
    const asked = latest.current;
    inFlight.current += 1;
    try {
      const answer = await getJson<SessionInfo>('/api/v1/auth/session');
      if (asked !== latest.current) return;
      setCsrfToken(answer.signedIn ? answer.csrfToken : null);
      setSession(answer);
    } catch {
      // Server unreachable: keep what we knew (a network hiccup is no reason to sign out); on
      // the first load there is nothing to keep, and the sign-in page will show the error.
      if (asked === latest.current) setSession((known) => known ?? { signedIn: false });
    } finally {
      inFlight.current -= 1;
    }
  }, []);
  useEffect(() => {
    void refresh();
    // Several requests of a page fail together when the session ends: one question is enough.
    return onUnauthenticated(() => {
      if (inFlight.current === 0) void refresh();
    });
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** Whether the session holds `action` somewhere (false while loading and when signed out). */
export function holds(session: SessionInfo | null, action: string): boolean {
  return session?.signedIn === true && session.actions.includes(action);
}

/**
 * Whether the signed-in user may do `action` somewhere (from the session's `actions`): to hide
 * buttons they cannot use. The server still checks every request.
 */
export function useCan(): (action: string) => boolean {
  const { session } = useSession();
  return (action) => holds(session, action);
}
