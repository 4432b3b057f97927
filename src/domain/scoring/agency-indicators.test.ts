import { describe, expect, it } from 'vitest';
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import { scoreCs5FromData, scoreCs8FromData, scoreCs9FromData } from './agency-indicators.ts';
import { parseScheme, type Tt01Scheme } from './load-scheme.ts';

const loaded = parseScheme(tt01File, 'tt01-2018.json');
if (loaded.kind !== 'tt01') throw new Error('tt01-2018.json is not a tt01 scheme');
const scheme: Tt01Scheme = loaded;

describe('indicator 5 from data (Thông tư 01/2018 Điều 13, chỉ số 5)', () => {
  const rows: [string, Parameters<typeof scoreCs5FromData>[1], 0 | 1 | 2][] = [
    [
      'province 20% decided at the desk → 2',
      { level: 'province', proceduresTotal: 10, proceduresFourStep: 2, allReceivedAtDesk: true },
      2,
    ],
    [
      'department 19% → 1',
      { level: 'department', proceduresTotal: 100, proceduresFourStep: 19, allReceivedAtDesk: true },
      1,
    ],
    [
      'district 50% → 2',
      { level: 'district', proceduresTotal: 10, proceduresFourStep: 5, allReceivedAtDesk: true },
      2,
    ],
    [
      'district 40% → 1',
      { level: 'district', proceduresTotal: 10, proceduresFourStep: 4, allReceivedAtDesk: true },
      1,
    ],
    [
      'commune 100% → 2',
      { level: 'commune', proceduresTotal: 8, proceduresFourStep: 8, allReceivedAtDesk: true },
      2,
    ],
    [
      'commune 7/8 → 1',
      { level: 'commune', proceduresTotal: 8, proceduresFourStep: 7, allReceivedAtDesk: true },
      1,
    ],
    [
      'not every procedure received at the desk → 0 (below 100%)',
      { level: 'commune', proceduresTotal: 8, proceduresFourStep: 8, allReceivedAtDesk: false },
      0,
    ],
    [
      'no procedure in the period, all at the desk → 1',
      { level: 'unit', proceduresTotal: 0, proceduresFourStep: 0, allReceivedAtDesk: true },
      1,
    ],
  ];
  it.each(rows)('%s', (_name, input, points) => {
    const v = scoreCs5FromData(scheme, input);
    expect(v.points).toBe(points);
    expect(v.rule).toMatch(/^Thông tư 01\/2018\/TT-VPCP Điều 13, chỉ số 5/);
  });

  it('explains the share and the threshold in Vietnamese', () => {
    const v = scoreCs5FromData(scheme, {
      level: 'district',
      proceduresTotal: 3,
      proceduresFourStep: 1,
      allReceivedAtDesk: true,
    });
    expect(v.facts).toContain('1/3 thủ tục do Bộ phận Một cửa tự giải quyết (33,33%).');
    expect(v.facts?.[0]).toMatch(/^cấp huyện: ngưỡng 50%/);
  });
});

describe('indicator 8 from data (Điều 13, chỉ số 8)', () => {
  const rows: [string, Parameters<typeof scoreCs8FromData>[1], 0 | 1 | 2][] = [
    ['no PAKN → 2', { feedbackTotal: 0, feedbackOnTime: 0, longRunning: 0 }, 2],
    ['100% on time, none long-running → 2', { feedbackTotal: 12, feedbackOnTime: 12, longRunning: 0 }, 2],
    ['90% on time → 1', { feedbackTotal: 10, feedbackOnTime: 9, longRunning: 0 }, 1],
    ['89,99% → 0 (exact comparison)', { feedbackTotal: 10_000, feedbackOnTime: 8_999, longRunning: 0 }, 0],
    [
      '99,995% shown as 100% is still not 100% → 1',
      { feedbackTotal: 20_000, feedbackOnTime: 19_999, longRunning: 0 },
      1,
    ],
    [
      '100% on time but one long-running case → 0',
      { feedbackTotal: 5, feedbackOnTime: 5, longRunning: 1 },
      0,
    ],
  ];
  it.each(rows)('%s', (_name, input, points) => {
    expect(scoreCs8FromData(scheme, input).points).toBe(points);
  });

  it('shows the rounded share', () => {
    expect(
      scoreCs8FromData(scheme, { feedbackTotal: 20_000, feedbackOnTime: 19_999, longRunning: 0 }).note,
    ).toBe('100% phản ánh, kiến nghị xử lý đúng hạn.');
  });
});

describe('indicator 9 from data (Điều 13, chỉ số 9; online levels 3, 4 read as toàn trình / một phần)', () => {
  const base = {
    proceduresTotal: 10,
    proceduresOnline: 2,
    dossiersTotal: 100,
    dossiersOnline: 30,
    onlineLateOrOverdue: 0,
  };
  const rows: [string, Partial<typeof base>, 0 | 1 | 2][] = [
    ['20% procedures, 30% dossiers, none late → 2', {}, 2],
    [
      '19% procedures online → 1 (offered, dossiers ≥ 15%)',
      { proceduresTotal: 100, proceduresOnline: 19 },
      1,
    ],
    ['29% dossiers online → 1', { dossiersOnline: 29 }, 1],
    ['15% dossiers online → 1', { dossiersOnline: 15 }, 1],
    ['14% dossiers online → 0', { dossiersOnline: 14 }, 0],
    ['one online dossier late or unsettled → 0', { onlineLateOrOverdue: 1 }, 0],
    ['no procedure online → 0', { proceduresOnline: 0, dossiersOnline: 0 }, 0],
    ['no dossier in the period → 0', { dossiersTotal: 0, dossiersOnline: 0 }, 0],
  ];
  it.each(rows)('%s', (_name, overrides, points) => {
    const v = scoreCs9FromData(scheme, { ...base, ...overrides });
    expect(v.points).toBe(points);
    expect(v.rule).toMatch(/Điều 13, chỉ số 9/);
  });
});
