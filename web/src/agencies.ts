import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson, type ApiState } from './api.ts';

/** An agency of `GET /api/v1/agencies?tree=true` (the route's presenter; not in src/shared yet). */
export interface AgencyNode {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  children: AgencyNode[];
}

/** An agency flattened in tree order with its depth (0 for a root), for an indented select. */
export interface AgencyOption {
  id: string;
  code: string;
  name: string;
  depth: number;
}

/** The tree in depth-first order (parents before their children, siblings as the server sorted them). */
export function flattenAgencies(nodes: readonly AgencyNode[], depth = 0): AgencyOption[] {
  return nodes.flatMap((node) => [
    { id: node.id, code: node.code, name: node.name, depth },
    ...flattenAgencies(node.children, depth + 1),
  ]);
}

// The catalog changes rarely: one request per page load serves every page.
let cached: Promise<AgencyOption[]> | null = null;

function loadAgencies(): Promise<AgencyOption[]> {
  cached ??= getJson<AgencyNode[]>('/api/v1/agencies?tree=true').then(flattenAgencies, (error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** The agencies in tree order, loaded once. */
export function useAgencies(): ApiState<AgencyOption[]> {
  const [state, setState] = useState<ApiState<AgencyOption[]>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadAgencies().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
