import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.ts';

/** An official of `GET /api/v1/officials` (the route's presenter; not in src/shared yet). */
export interface OfficialItem {
  id: string;
  code: string;
  fullName: string;
  agencyId: string;
}

// Loaded once per page load, and only by the pages that must name an official from its id.
let cached: Promise<ReadonlyMap<string, OfficialItem>> | null = null;

function loadOfficials(): Promise<ReadonlyMap<string, OfficialItem>> {
  cached ??= getJson<OfficialItem[]>('/api/v1/officials').then(
    (items) => new Map(items.map((item) => [item.id, item])),
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

/**
 * The officials by id, once `enabled` (null until loaded, and when loading failed: callers
 * then show what they have, an id is never worth an error message).
 */
export function useOfficials(enabled: boolean): ReadonlyMap<string, OfficialItem> | null {
  const [officials, setOfficials] = useState<ReadonlyMap<string, OfficialItem> | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadOfficials().then(
      (map) => live && setOfficials(map),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return officials;
}
