import { sql } from 'kysely';
import { z } from 'zod';
import { publicAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';

/** GET /api/v1/health: the process is up and the database answers. */
export function registerHealthRoutes(app: ZodApp, ctx: HttpContext): void {
  app.get(
    '/api/v1/health',
    {
      config: { access: publicAccess('load balancers and monitoring: says only ok and the database kind') },
      schema: {
        tags: ['system'],
        summary: 'Health: the API and its database answer',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
            time: z.string(),
          }),
        },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(ctx.deps.db);
      return {
        status: 'ok' as const,
        database: ctx.databaseKind,
        version: ctx.version,
        time: new Date(ctx.deps.now()).toISOString(),
      };
    },
  );
}
