import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScheme, selectScheme, validateSchemeSet, type Scheme } from '#domain/scoring/load-scheme.ts';
import { DomainError } from '#domain/errors.ts';
import type { IsoDate } from '#domain/calendar/types.ts';

/** The scheme files shipped with HàiLòng (tt01-2018, qd766). */
export const BUILTIN_SCHEMES_DIR = fileURLToPath(new URL('../../../schemes', import.meta.url));

export interface SchemeRegistry {
  all: readonly Scheme[];
  /** The scheme of `kind` in force on `date` (a dossier is scored under the scheme in force on its receipt date). */
  inForce(kind: Scheme['kind'], date: IsoDate): Scheme;
  byId(id: string): Scheme | undefined;
}

/**
 * Loads every *.json scheme file of the folders (the built-in one, plus a province's own
 * folder): each is validated when loaded, so an invalid scheme stops the start with a message
 * naming the file and field, never in the middle of scoring.
 */
export function loadSchemeRegistry(dirs: readonly string[] = [BUILTIN_SCHEMES_DIR]): SchemeRegistry {
  const schemes: Scheme[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        throw new DomainError('SCHEME_INVALID', {
          message: `${file}: không phải JSON hợp lệ (${(error as Error).message})`,
        });
      }
      schemes.push(parseScheme(json, file));
    }
  }
  validateSchemeSet(schemes);
  return {
    all: schemes,
    inForce: (kind, date) => selectScheme(schemes, kind, date),
    byId: (id) => schemes.find((scheme) => scheme.id === id),
  };
}

let cached: SchemeRegistry | undefined;

/** The process-wide registry (built-in schemes plus HAILONG_SCHEMES_DIR when set), loaded once. */
export function defaultSchemeRegistry(): SchemeRegistry {
  const extra = process.env.HAILONG_SCHEMES_DIR;
  cached ??= loadSchemeRegistry(extra ? [BUILTIN_SCHEMES_DIR, extra] : [BUILTIN_SCHEMES_DIR]);
  return cached;
}
