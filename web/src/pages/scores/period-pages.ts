import type { ScoreTableQuery } from './score-params.ts';

/**
 * The score pages that show one period (and an optional agency subtree) without a drill-down:
 * the Quyết định 766 index (`/diem/766?period=2025-Q3&agencyId=…`) and citizen satisfaction
 * (`/diem/hai-long?…`). Their query is the tables' query (`parseScoreTableQuery`), and the
 * names are the API's, so a page URL and its API request say the same thing.
 */
export type PeriodPage = 'qd766' | 'satisfaction';

const PAGE_PATHS: Readonly<Record<PeriodPage, string>> = {
  qd766: '/diem/766',
  satisfaction: '/diem/hai-long',
};

const API_PATHS: Readonly<Record<PeriodPage, string>> = {
  qd766: '/api/v1/scores/qd766',
  satisfaction: '/api/v1/scores/satisfaction',
};

function search(query: ScoreTableQuery): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.agencyId) params.set('agencyId', query.agencyId);
  return params.toString();
}

/** The page URL (the period is always written, so a bookmark keeps its period). */
export function periodPageHref(page: PeriodPage, query: ScoreTableQuery): string {
  return `${PAGE_PATHS[page]}?${search(query)}`;
}

/** The API request behind the page. */
export function periodPageApiPath(page: PeriodPage, query: ScoreTableQuery): string {
  return `${API_PATHS[page]}?${search(query)}`;
}

/** The page a path belongs to, if any (for the navigation). */
export function periodPageOf(path: string): PeriodPage | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (clean === PAGE_PATHS.qd766) return 'qd766';
  if (clean === PAGE_PATHS.satisfaction) return 'satisfaction';
  return null;
}
