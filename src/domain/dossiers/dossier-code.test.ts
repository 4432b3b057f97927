import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from './dossier-code.ts';

describe('dossier code <unit code>-YYMMDD-NNNN (Thông tư 01/2018 Điều 19)', () => {
  it('formats the unit code, the receipt date and a 4-digit daily serial', () => {
    expect(formatDossierCode('000.00.12.H56', '2025-03-03', 7)).toBe('000.00.12.H56-250303-0007');
  });

  it.each([
    ['000.00.12.H56-250303-0007', { unitCode: '000.00.12.H56', receiptDate: '2025-03-03', serial: 7 }],
    ['H99-261231-12345', { unitCode: 'H99', receiptDate: '2026-12-31', serial: 12345 }],
  ])('parses %s', (code, expected) => {
    expect(parseDossierCode(code)).toEqual(expected);
  });

  it.each([
    '',
    'H56-250303-07',
    'h56-250303-0007',
    'H56-250230-0001',
    'H56 250303 0001',
    'H56-250303-0001-X',
  ])('rejects %j', (code) => {
    expect(parseDossierCode(code)).toBeNull();
  });

  it('round-trips', () => {
    const code = formatDossierCode('G01.02', '2026-02-28', 123);
    expect(parseDossierCode(code)).toEqual({ unitCode: 'G01.02', receiptDate: '2026-02-28', serial: 123 });
  });
});
