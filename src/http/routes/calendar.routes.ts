import { z } from 'zod';
import { loadCalendar } from '#app/calendar/load-calendar.ts';
import { clearCalendarDay, setCalendarDay } from '#app/calendar/set-calendar-day.ts';
import { computeDueDate } from '#domain/calendar/due-date.ts';
import { IsoDateSchema, TIME_LIMIT_UNITS } from '#shared/catalog.schema.ts';
import { InstantSchema } from '#shared/dossier.schema.ts';
import { LIMITS } from '#shared/limits.ts';
import { PROVINCE_WIDE } from '../auth/resources.ts';
import { policy, publicAccess } from '../auth/route-access.ts';
import type { HttpContext, ZodApp } from '../context.ts';

const DayKindSchema = z.enum(['holiday', 'day_off', 'working_day']);

/** Working-day calendar: the year's days off and swaps, announced exceptions, due-date calculator. */
export function registerCalendarRoutes(app: ZodApp, ctx: HttpContext): void {
  const tags = ['calendar'];
  // Days off and due dates are announced publicly (Bộ luật Lao động Điều 112, the province's
  // notices); citizens may check their own due date.
  const announced = publicAccess('the working calendar is public information');
  const write = policy('calendar.write', PROVINCE_WIDE);
  app.get(
    '/api/v1/calendar/:year',
    {
      config: { access: announced },
      schema: {
        tags,
        summary:
          'Non-working days and swapped working days of a year, with the weekly pattern and office hours',
        params: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
      },
    },
    async (request) => {
      const { settings, calendar } = await loadCalendar(ctx.deps.db);
      const days = calendar
        .daysInYear(request.params.year)
        .filter((day) => day.reason !== 'weekday' && day.reason !== 'weekend');
      return {
        year: request.params.year,
        workingWeekdays: settings.workingWeekdays,
        officeHours: settings.officeHours,
        days,
        workingDayCount: calendar.daysInYear(request.params.year).filter((day) => day.isWorking).length,
      };
    },
  );
  app.put(
    '/api/v1/calendar/days/:date',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Announce a day off / holiday / swapped working day (provincial office)',
        params: z.object({ date: IsoDateSchema }),
        body: z.object({ kind: DayKindSchema, name: z.string().trim().min(1).max(LIMITS.nameMaxLength) }),
      },
    },
    async (request, reply) => {
      await setCalendarDay(ctx.deps, { date: request.params.date, ...request.body });
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/v1/calendar/days/:date',
    {
      config: { access: write },
      schema: { tags, summary: 'Remove an announced exception', params: z.object({ date: IsoDateSchema }) },
    },
    async (request, reply) => {
      await clearCalendarDay(ctx.deps, request.params.date);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/v1/calendar/due-date',
    {
      config: { access: announced },
      schema: {
        tags,
        summary: 'Compute a due date (BLDS 2015 Điều 147–148, Nghị định 61/2018 Điều 18)',
        querystring: z.object({
          receivedAt: InstantSchema,
          value: z.coerce.number().int().min(0).max(LIMITS.maxTimeLimitValue),
          unit: z.enum(TIME_LIMIT_UNITS),
          cutoff: z
            .string()
            .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
            .default('15:00'),
        }),
      },
    },
    async (request) => {
      const { settings, calendar } = await loadCalendar(ctx.deps.db);
      const due = computeDueDate(calendar, settings, {
        receivedAt: Date.parse(request.query.receivedAt),
        limit: { value: request.query.value, unit: request.query.unit },
        receiptCutoff: request.query.cutoff,
      });
      return {
        dueDate: due.dueDate,
        dueAt: new Date(due.dueAt).toISOString(),
        effectiveReceiptDate: due.effectiveReceiptDate,
        explanation: due.explanation,
      };
    },
  );
}
