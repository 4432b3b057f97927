import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-init.ts';
import * as m0002 from './0002-announced-days.ts';
import * as m0003 from './0003-scores.ts';
import * as m0004 from './0004-ratings.ts';
import * as m0005 from './0005-rating-tokens.ts';
import * as m0006 from './0006-integrations.ts';
import * as m0007 from './0007-rating-devices.ts';
import * as m0008 from './0008-rating-contacts.ts';
import * as m0009 from './0009-rating-corrections.ts';
import * as m0010 from './0010-audit.ts';
import * as m0011 from './0011-staff-accounts.ts';
import * as m0012 from './0012-staff-on-ratings.ts';
import * as m0013 from './0013-published-results.ts';
import * as m0014 from './0014-unit-reports.ts';

/** Numbered migrations, in order. Add a file `NNNN-name.ts` and list it here. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-announced-days': m0002,
  '0003-scores': m0003,
  '0004-ratings': m0004,
  '0005-rating-tokens': m0005,
  '0006-integrations': m0006,
  '0007-rating-devices': m0007,
  '0008-rating-contacts': m0008,
  '0009-rating-corrections': m0009,
  '0010-audit': m0010,
  '0011-staff-accounts': m0011,
  '0012-staff-on-ratings': m0012,
  '0013-published-results': m0013,
  '0014-unit-reports': m0014,
};

/** Serves the migrations from this static list (no directory scanning, works from any cwd). */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
