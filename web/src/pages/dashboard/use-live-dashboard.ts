import { useEffect, useState } from 'preact/hooks';
import { DASHBOARD_RATING_EVENT, type DashboardView } from '#shared/dashboard.view.ts';
import { ApiError, getJson } from '../../api.ts';

/** The dashboard's stream: a "rating.recorded" event whenever a rating of a visible agency is stored. */
const EVENTS_PATH = '/api/v1/dashboard/events';
/** Several ratings close together make one refetch, at most this long after the first. */
const REFRESH_DELAY_MS = 300;
/** After the stream was refused or lost for good, try a new one this much later. */
const RECONNECT_MS = 5_000;

export type LiveStatus = 'connecting' | 'live' | 'offline';

interface Fetched {
  path: string;
  data: DashboardView | null;
  error: ApiError | null;
}

export interface LiveDashboard {
  /** The answer for the current path (kept on screen while a refresh runs); null until the first one. */
  data: DashboardView | null;
  error: ApiError | null;
  /** True while a request runs (the first one or a refresh). */
  fetching: boolean;
  live: LiveStatus;
  retry: () => void;
}

/**
 * The dashboard of `path`, refetched when the server says a rating came in (server-sent events;
 * the figures stay on screen meanwhile, so a live update never flashes a spinner).
 */
export function useLiveDashboard(path: string): LiveDashboard {
  const [version, setVersion] = useState(0);
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const [fetching, setFetching] = useState(true);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [connection, setConnection] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setFetching(true);
    getJson<DashboardView>(path, controller.signal).then(
      (data) => {
        setFetched({ path, data, error: null });
        setFetching(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error));
        // A failed refresh keeps the figures already shown (with the error beside them).
        setFetched((previous) => ({
          path,
          data: previous?.path === path ? previous.data : null,
          error: apiError,
        }));
        setFetching(false);
      },
    );
    return () => controller.abort();
  }, [path, version]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setLive('offline');
      return;
    }
    const source = new EventSource(EVENTS_PATH);
    let refresh: number | undefined;
    let reconnect: number | undefined;
    let opened = 0;
    const scheduleRefresh = () => {
      if (refresh !== undefined) return;
      refresh = window.setTimeout(() => {
        refresh = undefined;
        setVersion((n) => n + 1);
      }, REFRESH_DELAY_MS);
    };
    source.addEventListener('ready', () => {
      opened += 1;
      setLive('live');
      // A new stream after a lost one (or the server's periodic renewal): catch up on what was missed.
      if (opened > 1 || connection > 0) scheduleRefresh();
    });
    source.addEventListener(DASHBOARD_RATING_EVENT, scheduleRefresh);
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        // The browser reconnects by itself.
        setLive('connecting');
        return;
      }
      // Refused (e.g. the session ended) or failed for good: a fresh stream a little later.
      setLive('offline');
      reconnect = window.setTimeout(() => setConnection((n) => n + 1), RECONNECT_MS);
    };
    return () => {
      source.close();
      window.clearTimeout(refresh);
      window.clearTimeout(reconnect);
    };
  }, [connection]);

  const current = fetched !== null && fetched.path === path ? fetched : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    fetching,
    live,
    retry: () => setVersion((n) => n + 1),
  };
}
