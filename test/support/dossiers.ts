import type { AppDeps } from '#app/deps.ts';
import { appendDossierEvent } from '#app/dossiers/append-dossier-event.ts';
import { receiveDossier } from '#app/dossiers/receive-dossier.ts';
import type { ReceiveDossierInput } from '#shared/dossier.schema.ts';
import { TEST_CATALOG } from './factories.ts';

/** A dossier made by a test: its id, its generated legal code and its agency. */
export interface TestDossier {
  id: string;
  code: string;
  agencyId: string;
}

/** What a test may change of the receipt (default: Sở Tư pháp, the 5-working-day procedure, in person, 07/07/2025 09:00). */
export type TestReceiptOverrides = Partial<ReceiveDossierInput>;

export interface TestDossierOverrides extends TestReceiptOverrides {
  /** When the result is ready (the `finished` event); default 09/07/2025 09:00, early. */
  finishedAt?: string;
  /** The official who finished it (code); default none. */
  finishedBy?: string;
}

/**
 * An open dossier received through the real use case (so its code and due dates come from the
 * engine, as in production). Needs `seedTestCatalog` first.
 */
export async function receivedTestDossier(
  deps: AppDeps,
  overrides: TestReceiptOverrides = {},
): Promise<TestDossier> {
  const received = await receiveDossier(
    deps,
    {
      agencyCode: TEST_CATALOG.department,
      procedureCode: TEST_CATALOG.procedure5Days,
      channel: 'in_person',
      receivedAt: '2025-07-07T09:00:00+07:00',
      ...overrides,
    },
    'api',
  );
  return { id: received.dossierId, code: received.code, agencyId: received.agencyId };
}

/**
 * A dossier whose result is out, so it can be rated and is scored: received, then `finished`
 * through appendDossierEvent (the state machine and the scoring run as in production).
 */
export async function finishedTestDossier(
  deps: AppDeps,
  overrides: TestDossierOverrides = {},
): Promise<TestDossier> {
  const { finishedAt = '2025-07-09T09:00:00+07:00', finishedBy, ...receipt } = overrides;
  const dossier = await receivedTestDossier(deps, receipt);
  await appendDossierEvent(
    deps,
    { id: dossier.id },
    {
      type: 'finished',
      occurredAt: finishedAt,
      ...(finishedBy !== undefined ? { officialCode: finishedBy } : {}),
    },
    'api',
  );
  return dossier;
}
