import { describe, expect, it } from 'vitest';
import { DomainError } from '#domain/errors.ts';
import qd766File from '../../../schemes/qd766.json' with { type: 'json' };
import tt01File from '../../../schemes/tt01-2018.json' with { type: 'json' };
import {
  loadSchemeSet,
  parseScheme,
  parseSchemeText,
  selectScheme,
  validateSchemeSet,
  type Scheme,
} from './load-scheme.ts';
import { defaultTt01Settings, DEFAULT_QD766_CLASSES } from './scheme-spec.ts';

type Json = Record<string, unknown>;
const tt01 = (): Json => structuredClone(tt01File);
const qd766 = (): Json => structuredClone(qd766File);

/** The DomainError a call throws (fails the test when it does not throw one). */
function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** A province file that changes only the agency grade bounds (the example of docs/scoring.md). */
const PROVINCE_EXAMPLE = {
  id: 'tt01-2018-tinh-x',
  kind: 'tt01',
  version: '1.0.0',
  name: 'Thông tư 01/2018 — ngưỡng xếp loại cơ quan của tỉnh X',
  validFrom: '2026-01-01',
  validTo: null,
  source: 'Thông tư 01/2018/TT-VPCP Điều 13–15; Quyết định …/QĐ-UBND của UBND tỉnh X',
  supersedes: ['tt01-2018'],
  agencyGrades: [
    { min: 160, code: 'xuat_sac', label: 'Xuất sắc' },
    { min: 130, code: 'tot', label: 'Tốt' },
    { min: 100, code: 'kha', label: 'Khá' },
    { min: 70, code: 'trung_binh', label: 'Trung bình' },
    { min: 0, code: 'yeu', label: 'Yếu' },
  ],
};

describe('shipped scheme files (project decision 1)', () => {
  it('tt01-2018.json loads: Thông tư 01/2018 from 06/01/2019, open-ended (legal-rules §0)', () => {
    const scheme = parseScheme(tt01File, 'tt01-2018.json');
    expect(scheme).toMatchObject({
      id: 'tt01-2018',
      kind: 'tt01',
      version: '1.0.0',
      validFrom: '2019-01-06',
    });
    expect(scheme.validTo).toBeNull();
    expect(scheme.file).toBe('tt01-2018.json');
  });

  it('tt01-2018.json spells out exactly the code defaults (docs and file cannot drift apart)', () => {
    const scheme = parseScheme(tt01File, 'tt01-2018.json');
    const settings = new Set(Object.keys(defaultTt01Settings()));
    const header = Object.fromEntries(Object.entries(tt01()).filter(([key]) => !settings.has(key)));
    const fromDefaults = parseScheme(header, 'tt01-2018.json');
    expect(fromDefaults).toEqual(scheme);
    expect(scheme).toMatchObject(defaultTt01Settings());
  });

  it('qd766.json loads: 6 displayed groups 18/20/12/10/22/18 = 100 (legal-rules §5.2), known maxima 1.2 = 4, 5.1–5.4 = 5/5/2/6', () => {
    const scheme = parseScheme(qd766File, 'qd766.json');
    if (scheme.kind !== 'qd766') throw new Error('kind');
    expect(scheme.groups.map((g) => [g.id, g.max])).toEqual([
      ['1', 18],
      ['2', 20],
      ['3a', 12],
      ['3b', 10],
      ['4', 22],
      ['5', 18],
    ]);
    const max = new Map(scheme.groups.flatMap((g) => g.indicators.map((i) => [i.id, i.max])));
    expect([max.get('1.2'), max.get('5.1'), max.get('5.2'), max.get('5.3'), max.get('5.4')]).toEqual([
      4, 5, 5, 2, 6,
    ]);
    const thresholds = Object.fromEntries(
      scheme.groups.flatMap((g) =>
        g.indicators.filter((i) => i.thresholdPercent !== null).map((i) => [i.id, i.thresholdPercent]),
      ),
    );
    expect(thresholds).toEqual({ '3.1': 80, '3.3': 50, '3.5': 80, '4.2': 80, '4.3': 80, '5.4': 90 });
    expect(scheme.classes).toEqual(DEFAULT_QD766_CLASSES);
  });

  it('the docs example of a province file (only the agency grades changed) loads next to the shipped files', () => {
    const set = loadSchemeSet([
      { name: 'tt01-2018.json', text: JSON.stringify(tt01File) },
      { name: 'qd766.json', text: JSON.stringify(qd766File) },
      { name: 'tt01-tinh-x.json', text: JSON.stringify(PROVINCE_EXAMPLE) },
    ]);
    const province = selectScheme(set, 'tt01', '2026-03-01');
    expect(province.id).toBe('tt01-2018-tinh-x');
    expect(province.agencyGrades[0]?.min).toBe(160);
    expect(province.officialClasses).toEqual(defaultTt01Settings().officialClasses);
    expect(selectScheme(set, 'tt01', '2025-12-31').id).toBe('tt01-2018');
  });
});

describe('parseScheme — an invalid file fails at load with the file and the field (decision 1)', () => {
  const cases: [string, string, (json: Json) => void, RegExp][] = [
    [
      'a grade bound that is not a number',
      'agencyGrades[1].min',
      (j) => ((j.agencyGrades as Json[])[1]!.min = 'abc'),
      /phải là số \(nhận được chuỗi "abc"\)/,
    ],
    ['an unknown top-level key', 'tieBreak', (j) => (j.tieBreak = 'name'), /không có trong định dạng/],
    ['an unknown nested key', 'cs8.extra', (j) => ((j.cs8 as Json).extra = 1), /không có trong định dạng/],
    [
      'grades not descending',
      'agencyGrades[2].min',
      (j) => ((j.agencyGrades as Json[])[2]!.min = 130),
      /giảm dần: 13 không nhỏ hơn mức trước 12/,
    ],
    [
      'grades not covering 0',
      'agencyGrades[4].min',
      (j) => ((j.agencyGrades as Json[])[4]!.min = 10),
      /min = 0/,
    ],
    [
      'a bound above the maximum',
      'officialClasses[0].min',
      (j) => ((j.officialClasses as Json[])[0]!.min = 101),
      /vượt điểm tối đa 10 \(phần mười điểm/,
    ],
    ['a percentage above 100', 'cs8.fullPercent', (j) => ((j.cs8 as Json).fullPercent = 120), /từ 0 đến 100/],
    [
      'a percentage with 3 decimals',
      'cs8.partialPercent',
      (j) => ((j.cs8 as Json).partialPercent = 90.125),
      /hai chữ số/,
    ],
    [
      'cs9 partial above full',
      'cs9.dossiersOnlinePartialPercent',
      (j) => ((j.cs9 as Json).dossiersOnlinePartialPercent = 40),
      /không được lớn hơn/,
    ],
    ['validTo before validFrom', 'validTo', (j) => (j.validTo = '2018-12-31'), /không được trước validFrom/],
    ['a date that does not exist', 'validFrom', (j) => (j.validFrom = '2019-02-30'), /ngày có thật/],
    ['an unknown kind', 'kind', (j) => (j.kind = 'tt03'), /"tt01", "qd766"/],
    ['a missing id', 'id', (j) => delete j.id, /thiếu trường bắt buộc/],
    ['a bad version', 'version', (j) => (j.version = 'v1'), /X\.Y\.Z/],
    ['an unknown tie rule', 'tieRule', (j) => (j.tieRule = 'by_name'), /"shared_rank", "dense_rank"/],
    [
      'an unknown attribution',
      'attribution.cs1',
      (j) => ((j.attribution as Json).cs1 = 'leader'),
      /"receiving"/,
    ],
    [
      'a duplicated precedence source',
      'agencyIndicatorPrecedence[1]',
      (j) => (j.agencyIndicatorPrecedence = ['data', 'data']),
      /bị trùng/,
    ],
    ['superseding itself', 'supersedes[0]', (j) => (j.supersedes = ['tt01-2018']), /chính nó/],
  ];
  it.each(cases)('tt01: %s → %s', (_name, field, mutate, message) => {
    const json = tt01();
    mutate(json);
    const error = thrown(() => parseScheme(json, 'tt01-custom.json'));
    expect(error.code).toBe('SCHEME_INVALID');
    const problem = error.problems.find((p) => p.field === field);
    expect(problem?.message, JSON.stringify(error.problems)).toMatch(message);
    expect(error.message).toContain(`tt01-custom.json: ${field}: `);
  });

  const qdCases: [string, string, (json: Json) => void, RegExp][] = [
    [
      'group maxima not summing to the total',
      'total',
      (j) => {
        const g = (j.groups as Json[])[1]!;
        g.max = 21;
        (g.indicators as Json[])[0]!.max = 21;
      },
      /tổng điểm tối đa các nhóm là 101, khác tổng điểm khai báo 100/,
    ],
    [
      'sub-indicator maxima not summing to their group',
      'groups[0].max',
      (j) => (((j.groups as Json[])[0]!.indicators as Json[])[0]!.max = 3),
      /tổng điểm tối đa các chỉ số thành phần là 17, khác điểm tối đa của nhóm 18/,
    ],
    [
      'a zero threshold',
      'groups[5].indicators[3].thresholdPercent',
      (j) => (((j.groups as Json[])[5]!.indicators as Json[])[3]!.thresholdPercent = 0),
      /lớn hơn 0/,
    ],
    [
      'a duplicated indicator id',
      'groups[0].indicators[1].id',
      (j) => (((j.groups as Json[])[0]!.indicators as Json[])[1]!.id = '1.1'),
      /bị trùng/,
    ],
    [
      'an unknown confidence',
      'groups[0].confidence',
      (j) => ((j.groups as Json[])[0]!.confidence = 'sure'),
      /"confirmed"/,
    ],
    ['classes not descending', 'classes[1].min', (j) => ((j.classes as Json[])[1]!.min = 95), /giảm dần/],
  ];
  it.each(qdCases)('qd766: %s → %s', (_name, field, mutate, message) => {
    const json = qd766();
    mutate(json);
    const error = thrown(() => parseScheme(json, 'qd766-custom.json'));
    expect(error.code).toBe('SCHEME_INVALID');
    const problem = error.problems.find((p) => p.field === field);
    expect(problem?.message, JSON.stringify(error.problems)).toMatch(message);
  });

  it('a file that is not JSON is SCHEME_INVALID naming the file', () => {
    const error = thrown(() => parseSchemeText('{ "id": ', 'hong.json'));
    expect(error.code).toBe('SCHEME_INVALID');
    expect(error.message).toMatch(/^hong\.json: không phải JSON hợp lệ/);
  });

  it('a JSON value that is not an object', () => {
    const error = thrown(() => parseScheme([1, 2], 'mang.json'));
    expect(error.code).toBe('SCHEME_INVALID');
    expect(error.message).toMatch(/^mang\.json: /);
  });
});

describe('scheme set and selection by date (decision 1: the scheme in force on the receipt date)', () => {
  const base = (): Scheme[] => [
    parseScheme(tt01File, 'tt01-2018.json'),
    parseScheme(qd766File, 'qd766.json'),
  ];
  const withDates = (id: string, validFrom: string, validTo: string | null, extra: Json = {}): Scheme =>
    parseScheme({ ...tt01(), id, validFrom, validTo, ...extra }, `${id}.json`);

  it('selects by kind and date, bounds inclusive', () => {
    const set = base();
    expect(selectScheme(set, 'tt01', '2019-01-06').id).toBe('tt01-2018');
    expect(selectScheme(set, 'qd766', '2022-06-23').id).toBe('qd766');
    const closed = [withDates('a', '2019-01-06', '2025-06-30'), withDates('b', '2025-07-01', null)];
    validateSchemeSet(closed);
    expect(selectScheme(closed, 'tt01', '2025-06-30').id).toBe('a');
    expect(selectScheme(closed, 'tt01', '2025-07-01').id).toBe('b');
  });

  it('no scheme in force → SCHEME_NOT_FOUND', () => {
    expect(thrown(() => selectScheme(base(), 'tt01', '2019-01-05')).code).toBe('SCHEME_NOT_FOUND');
    expect(thrown(() => selectScheme(base(), 'qd766', '2022-06-22')).code).toBe('SCHEME_NOT_FOUND');
  });

  it('two schemes of the same kind in force on a common day → SCHEME_INVALID listing both', () => {
    const set = [...base(), withDates('tt01-tinh', '2024-01-01', null)];
    const error = thrown(() => validateSchemeSet(set));
    expect(error.code).toBe('SCHEME_INVALID');
    expect(error.message).toContain('tt01-2018 1.0.0 (tt01-2018.json');
    expect(error.message).toContain('tt01-tinh 1.0.0 (tt01-tinh.json');
    // Selection reports the same ambiguity when the set was never validated.
    expect(thrown(() => selectScheme(set, 'tt01', '2024-05-01')).code).toBe('SCHEME_INVALID');
    expect(selectScheme(set, 'tt01', '2023-05-01').id).toBe('tt01-2018');
  });

  it('an overlap is allowed when one scheme supersedes the other; outside its dates the other applies', () => {
    const set = [
      ...base(),
      withDates('tt01-tinh', '2024-01-01', '2024-12-31', { supersedes: ['tt01-2018'] }),
    ];
    validateSchemeSet(set);
    expect(selectScheme(set, 'tt01', '2024-06-01').id).toBe('tt01-tinh');
    expect(selectScheme(set, 'tt01', '2025-01-01').id).toBe('tt01-2018');
  });

  it('schemes that supersede each other, and duplicated ids, are SCHEME_INVALID', () => {
    const a = withDates('a', '2020-01-01', null, { supersedes: ['b'] });
    const b = withDates('b', '2020-01-01', null, { supersedes: ['a'] });
    expect(thrown(() => validateSchemeSet([a, b])).message).toMatch(/thay thế lẫn nhau/);
    const again = parseScheme(tt01File, 'ban-sao.json');
    expect(thrown(() => validateSchemeSet([...base(), again])).message).toMatch(
      /id "tt01-2018" đã dùng trong tt01-2018\.json/,
    );
  });

  it('different kinds never clash', () => {
    expect(() => validateSchemeSet(base())).not.toThrow();
  });
});
