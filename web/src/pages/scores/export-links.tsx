import { useI18n } from '../../lang.tsx';

/** The reports the server exports (GET /api/v1/reports/<report>.<xlsx|pdf>). */
export type ExportReport = 'agencies' | 'officials' | 'qd766' | 'satisfaction' | 'dossiers';

/**
 * "Xuất Excel" / "Xuất PDF": the page's report as the files officials file, for the period and
 * scope the page shows (`search` carries the API's own query names). Plain links: the browser
 * downloads with the session cookie, a GET needs no CSRF token.
 */
export function ExportLinks({ report, search }: { report: ExportReport; search: string }) {
  const { t } = useI18n();
  const e = t.scores.export;
  return (
    <div class="filters__actions" data-testid="export-links">
      <a
        class="button button--secondary"
        href={`/api/v1/reports/${report}.xlsx?${search}`}
        download
        data-testid="export-xlsx"
        title={e.excelTitle}
      >
        {e.excel}
      </a>
      <a
        class="button button--secondary"
        href={`/api/v1/reports/${report}.pdf?${search}`}
        download
        data-testid="export-pdf"
        title={e.pdfTitle}
      >
        {e.pdf}
      </a>
    </div>
  );
}

/** The query of a period page's export: its period and agency subtree. */
export function periodExportSearch(query: { period: string; agencyId: string }): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.agencyId) params.set('agencyId', query.agencyId);
  return params.toString();
}

/** The query of the drill-down's export: its period, subject, indicator and points (every page). */
export function drillExportSearch(query: {
  period: string;
  subjectKind: string;
  subjectId: string;
  indicator: string;
  points: number | null;
}): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.subjectKind && query.subjectId) {
    params.set('subjectKind', query.subjectKind);
    params.set('subjectId', query.subjectId);
  }
  if (query.indicator) params.set('indicator', query.indicator);
  if (query.points !== null) params.set('points', String(query.points));
  return params.toString();
}
