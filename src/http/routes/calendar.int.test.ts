import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/support/http.ts';

interface CalendarYear {
  days: { date: string; isWorking: boolean; reason: string }[];
  workingDayCount: number;
}

describe('calendar API (the calendar is data)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ catalog: false });
  });
  afterAll(async () => {
    await t.close();
  });
  const year = async (y: number) =>
    (await t.inject({ method: 'GET', url: `/api/v1/calendar/${y}` })).json<CalendarYear>();

  it('ships the announced 2025 days: Tết 27–31/1, the 26/4 ↔ 2/5 swap (Bộ luật Lao động 2019 Điều 112)', async () => {
    const days = new Map((await year(2025)).days.map((day) => [day.date, day]));
    expect(days.get('2025-01-27')?.isWorking).toBe(false);
    expect(days.get('2025-04-26')).toMatchObject({ isWorking: true, reason: 'swapped_working_day' });
    expect(days.get('2025-05-02')?.isWorking).toBe(false);
    expect(days.get('2025-04-07')?.isWorking).toBe(false); // Giỗ Tổ 10/3 âm lịch
  });

  it('lets the provincial office announce a day off, which moves due dates, and take it back', async () => {
    const due = async () =>
      (
        await t.inject({
          method: 'GET',
          url: '/api/v1/calendar/due-date?receivedAt=2026-06-01T09:00:00%2B07:00&value=3&unit=working_days',
        })
      ).json<{ dueDate: string; explanation: string[] }>();
    expect((await due()).dueDate).toBe('2026-06-04');
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-06-03',
      payload: { kind: 'day_off', name: 'Nghỉ theo thông báo' },
    });
    expect(put.statusCode).toBe(204);
    expect((await due()).dueDate).toBe('2026-06-05');
    expect((await year(2026)).days.some((day) => day.date === '2026-06-03' && !day.isWorking)).toBe(true);
    expect((await t.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-06-03' })).statusCode).toBe(
      204,
    );
    expect((await due()).dueDate).toBe('2026-06-04');
    const missing = await t.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-06-03' });
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('refuses a bad date or kind', async () => {
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-02-30',
      payload: { kind: 'day_off', name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const badKind = await t.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-02-20',
      payload: { kind: 'party', name: 'x' },
    });
    expect(badKind.statusCode).toBe(400);
  });
});
