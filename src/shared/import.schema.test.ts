import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderSchemaFiles, SCHEMAS_DIR } from '../../scripts/generate-schemas.ts';
import {
  buildImportSchemas,
  convertCsvCells,
  CSV_IMPORT_COLUMNS,
  DossierImportCsvRowSchema,
  DossierImportRecordSchema,
} from './import.schema.ts';

const EXAMPLES = join(import.meta.dirname, '../../docs/examples');

describe('import format contracts', () => {
  it('has its published JSON Schemas up to date (run: node --import tsx scripts/generate-schemas.ts)', async () => {
    for (const [name, text] of await renderSchemaFiles()) {
      let committed: string;
      try {
        committed = readFileSync(join(SCHEMAS_DIR, name), 'utf8');
      } catch {
        committed = '(missing)';
      }
      expect(committed, `docs/schemas/${name} is out of date`).toBe(text);
    }
  });

  it('describes in the CSV row schema exactly the documented columns', () => {
    const schema = buildImportSchemas()['dossier-import.csv-row.schema.json'] as {
      anyOf: { properties: object }[];
    };
    const properties = new Set(schema.anyOf.flatMap((option) => Object.keys(option.properties)));
    expect([...properties].sort()).toEqual([...CSV_IMPORT_COLUMNS].sort());
  });

  it('accepts every line and row of the examples', () => {
    const lines = readFileSync(join(EXAMPLES, 'dossiers.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines)
      expect(DossierImportRecordSchema.safeParse(JSON.parse(line)).error).toBeUndefined();
    const rows: Record<string, string>[] = parse(readFileSync(join(EXAMPLES, 'dossiers.csv')), {
      columns: true,
      bom: true,
    });
    expect(rows.length).toBeGreaterThan(10);
    for (const cells of rows) {
      const { row, problems } = convertCsvCells(cells);
      expect(problems).toEqual([]);
      expect(DossierImportCsvRowSchema.safeParse(row).error).toBeUndefined();
    }
  });

  it('converts CSV cells: empty is absent, integers and yes/no words are typed, anything else is a problem', () => {
    expect(
      convertCsvCells({ code: ' A ', reason: '', allottedValue: '3', applicantAtFault: 'Có', amount: '0' }),
    ).toEqual({
      row: { code: 'A', allottedValue: 3, applicantAtFault: true, amount: 0 },
      problems: [],
    });
    expect(convertCsvCells({ applicantAtFault: 'không' }).row).toEqual({ applicantAtFault: false });
    const bad = convertCsvCells({ allottedValue: '2.5', components: '-1', applicantAtFault: 'maybe' });
    expect(bad.problems.map((problem) => problem.field)).toEqual([
      'allottedValue',
      'components',
      'applicantAtFault',
    ]);
  });
});
