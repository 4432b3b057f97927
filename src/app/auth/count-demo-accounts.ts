import type { Db } from '../deps.ts';

/** How many active demo accounts exist (a production start refuses any). */
export async function countDemoAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('staff_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('demo', '=', true)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
