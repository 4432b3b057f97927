import type { IsoDate } from '#domain/calendar/types.ts';

/**
 * Dossier code `<unit code>-YYMMDD-NNNN` (Thông tư 01/2018/TT-VPCP Điều 19; Nghị định 61/2018
 * Điều 26): the receiving unit's code (Thông tư 10/2016/TT-BTTTT, e.g. `000.00.12.H56`), the
 * 6-digit receipt date and the daily serial of at least four digits.
 */
const DOSSIER_CODE = /^([A-Z0-9]+(?:\.[A-Z0-9]+)*)-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/;
const UNIT_CODE = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

export interface ParsedDossierCode {
  unitCode: string;
  receiptDate: IsoDate;
  serial: number;
}

/** Parses a dossier code; null when it does not follow the legal format (TT 01/2018 Điều 19). */
export function parseDossierCode(code: string): ParsedDossierCode | null {
  const match = DOSSIER_CODE.exec(code);
  if (!match) return null;
  const [, unitCode, yy, mm, dd, serial] = match;
  if (!unitCode || !yy || !mm || !dd || !serial) return null;
  const receiptDate = `20${yy}-${mm}-${dd}`;
  const check = new Date(`${receiptDate}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== receiptDate) return null;
  return { unitCode, receiptDate, serial: Number(serial) };
}

/** True when `code` is usable as the unit part of a dossier code. */
export function isValidUnitCode(code: string): boolean {
  return UNIT_CODE.test(code);
}

/** Builds the code of the `serial`-th dossier received by a unit on `receiptDate` (TT 01/2018 Điều 19). */
export function formatDossierCode(unitCode: string, receiptDate: IsoDate, serial: number): string {
  const yymmdd = receiptDate.slice(2, 4) + receiptDate.slice(5, 7) + receiptDate.slice(8, 10);
  return `${unitCode}-${yymmdd}-${String(serial).padStart(4, '0')}`;
}
