import { describe, expect, it } from 'vitest';
import {
  dossierApiPath,
  dossierListHref,
  EMPTY_FILTERS,
  isPeriodReversed,
  parseDossierFilters,
  serializeDossierFilters,
} from './dossier-filters.ts';

const AGENCY = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';

describe('dossier list filters in the URL', () => {
  it('reads every filter the API knows', () => {
    const filters = parseDossierFilters(
      `?q=H99.01-2506&agencyId=${AGENCY}&status=processing&timeliness=overdue&from=2025-06-01&to=2025-06-30&page=3&pageSize=20`,
    );
    expect(filters).toEqual({
      q: 'H99.01-2506',
      agencyId: AGENCY,
      status: 'processing',
      timeliness: 'overdue',
      from: '2025-06-01',
      to: '2025-06-30',
      page: 3,
      pageSize: 20,
    });
  });

  it('drops values the API would refuse, so a mangled bookmark still opens a list', () => {
    const filters = parseDossierFilters(
      '?agencyId=nope&status=lost&timeliness=soon&from=2025-02-30&to=30/06/2025&page=0&pageSize=5000',
    );
    expect(filters).toEqual(EMPTY_FILTERS);
  });

  it('round-trips through the query string, leaving out defaults', () => {
    const filters = { ...EMPTY_FILTERS, q: ' 250602 ', status: 'finished' as const, page: 2 };
    const search = serializeDossierFilters(filters);
    expect(search).toBe('q=250602&status=finished&page=2');
    expect(parseDossierFilters(search)).toEqual({ ...filters, q: '250602' });
    expect(dossierListHref(EMPTY_FILTERS)).toBe('/ho-so');
  });

  it('always asks the API for an explicit page and page size', () => {
    expect(dossierApiPath({ ...EMPTY_FILTERS, timeliness: 'late' })).toBe(
      '/api/v1/dossiers?timeliness=late&page=1&pageSize=50',
    );
  });

  it('spots a reversed receipt period', () => {
    expect(isPeriodReversed({ from: '2025-06-30', to: '2025-06-01' })).toBe(true);
    expect(isPeriodReversed({ from: '2025-06-01', to: '2025-06-01' })).toBe(false);
    expect(isPeriodReversed({ from: '', to: '2025-06-01' })).toBe(false);
  });
});
