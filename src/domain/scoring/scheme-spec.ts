import { z } from 'zod';
import type { IsoDate } from '#domain/calendar/types.ts';
import type { FieldProblem } from '#domain/errors.ts';
import type { Tt01OfficialIndicator, ThreeLevel } from './types.ts';

/**
 * The shape of a scheme file (project decision 1: schemes are versioned, effective-dated
 * data, validated when loaded). Every kind-specific field has a default equal to the shipped
 * file, so a province file may carry only what it changes; the defaults, their legal source and
 * their confidence are listed in docs/scoring.md.
 */

export const SCHEME_KINDS = ['tt01', 'qd766'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];

/** Agency levels of the catalog; they pick the indicator 5 threshold (TT 01/2018 Điều 13, chỉ số 5). */
export const AGENCY_LEVELS = ['province', 'department', 'district', 'commune', 'unit'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** Which answer wins when the system and the citizen both score an indicator. */
export type CitizenVsSystem = 'system' | 'citizen' | 'lower';
/** Whose score an indicator counts for: the receiving official, the handling official, each step's official, or both first two. */
export type Attribution = 'receiving' | 'handling' | 'step' | 'both';
/** Rule for equal totals: 1, 2, 2, 4 (shared) or 1, 2, 2, 3 (dense). */
export type TieRule = 'shared_rank' | 'dense_rank';
export type MissingIndicatorPolicy = 'literal' | 'rescale';
export type Confidence = 'confirmed' | 'secondary' | 'unconfirmed';

/** One class or grade: a value ≥ `min` (inclusive, project decision 2) gets it. */
export interface ClassBound {
  min: number;
  code: string;
  label: string;
}

interface SchemeBase {
  id: string;
  version: string;
  name: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  source: string;
  /** Ids of schemes of the same kind this one replaces while both are in force (a province's own file). */
  supersedes: string[];
  notes: string[];
  /** The file the scheme was loaded from (set by the loader, not written in the file). */
  file: string;
}

/** Thông tư 01/2018/TT-VPCP, 9 indicators × 2/1/0 points (Điều 13–15). */
export interface Tt01Scheme extends SchemeBase {
  kind: 'tt01';
  /** Official classes, `min` in tenths of a point (Điều 15 khoản 3: 5 → 100%, 3,5 → 70–100%). */
  officialClasses: ClassBound[];
  /** Agency grades, `min` in tenths of a point (Điều 15 khoản 3: 15 / 12 / 9 / 6). */
  agencyGrades: ClassBound[];
  missingIndicatorPolicy: MissingIndicatorPolicy;
  citizenVsSystem: Record<'cs1' | 'cs3' | 'cs4' | 'cs7', CitizenVsSystem>;
  attribution: Record<Tt01OfficialIndicator, Attribution>;
  cs4: { onlineCountsAsNoContact: boolean };
  /** Percent of procedures the desk itself receives, appraises and decides, per agency level (Điều 13, chỉ số 5). */
  cs5Thresholds: Record<AgencyLevel, number>;
  cs8: { fullPercent: number; partialPercent: number };
  cs9: {
    proceduresOnlineMinPercent: number;
    dossiersOnlineFullPercent: number;
    dossiersOnlinePartialPercent: number;
  };
  /** For indicators 5, 6, 8, 9: the first source present in this order is used. */
  agencyIndicatorPrecedence: ('appraisal' | 'data' | 'self')[];
  satisfactionThreeLevel: Record<'1' | '2' | '3' | '4' | '5', ThreeLevel>;
  tieRule: TieRule;
}

export interface Qd766Indicator {
  id: string;
  name: string;
  /** Points (up to two decimals). */
  max: number;
  /** Full points from this percentage; null: points = rate × max. */
  thresholdPercent: number | null;
  confidence: Confidence;
  /** How the rate is computed (legal-rules §5.3), in Vietnamese. */
  formula: string;
}

export interface Qd766Group {
  id: string;
  name: string;
  max: number;
  confidence: Confidence;
  indicators: Qd766Indicator[];
}

/** Quyết định 766/QĐ-TTg index, 100 points in 6 displayed groups (legal-rules §5). */
export interface Qd766Scheme extends SchemeBase {
  kind: 'qd766';
  total: number;
  groups: Qd766Group[];
  /** Classes, `min` in points of the index (≥ 90 / 80 / 70 / 50, unconfirmed). */
  classes: ClassBound[];
}

export type Scheme = Tt01Scheme | Qd766Scheme;
/** A scheme as written in its file (everything but `file`). */
export type SchemeFile = Omit<Tt01Scheme, 'file'> | Omit<Qd766Scheme, 'file'>;

// ---------------------------------------------------------------- defaults (= the shipped files)

/** Thông tư 01/2018 Điều 15 khoản 3, officials (tenths). */
export const DEFAULT_OFFICIAL_CLASSES: readonly ClassBound[] = [
  { min: 50, code: 'hoan_thanh_100', label: 'Hoàn thành 100% nhiệm vụ' },
  { min: 35, code: 'hoan_thanh_70_100', label: 'Hoàn thành từ 70% đến dưới 100% nhiệm vụ' },
  { min: 0, code: 'hoan_thanh_duoi_70', label: 'Hoàn thành dưới 70% nhiệm vụ' },
];

/** Thông tư 01/2018 Điều 15 khoản 3, agencies (tenths). */
export const DEFAULT_AGENCY_GRADES: readonly ClassBound[] = [
  { min: 150, code: 'xuat_sac', label: 'Xuất sắc' },
  { min: 120, code: 'tot', label: 'Tốt' },
  { min: 90, code: 'kha', label: 'Khá' },
  { min: 60, code: 'trung_binh', label: 'Trung bình' },
  { min: 0, code: 'yeu', label: 'Yếu' },
];

/** Everything of a tt01 scheme after the header; the shipped file spells out exactly these values. */
export function defaultTt01Settings(): Omit<Tt01Scheme, keyof SchemeBase | 'kind'> {
  return {
    officialClasses: DEFAULT_OFFICIAL_CLASSES.map((c) => ({ ...c })),
    agencyGrades: DEFAULT_AGENCY_GRADES.map((c) => ({ ...c })),
    missingIndicatorPolicy: 'literal',
    citizenVsSystem: { cs1: 'system', cs3: 'citizen', cs4: 'citizen', cs7: 'citizen' },
    attribution: { cs1: 'handling', cs2: 'step', cs3: 'receiving', cs4: 'receiving', cs7: 'handling' },
    cs4: { onlineCountsAsNoContact: true },
    cs5Thresholds: { province: 20, department: 20, district: 50, commune: 100, unit: 20 },
    cs8: { fullPercent: 100, partialPercent: 90 },
    cs9: { proceduresOnlineMinPercent: 20, dossiersOnlineFullPercent: 30, dossiersOnlinePartialPercent: 15 },
    agencyIndicatorPrecedence: ['appraisal', 'data', 'self'],
    satisfactionThreeLevel: {
      '5': 'rat_hai_long',
      '4': 'hai_long',
      '3': 'chua_hai_long',
      '2': 'chua_hai_long',
      '1': 'chua_hai_long',
    },
    tieRule: 'shared_rank',
  };
}

/** Quyết định 766 classes (legal-rules §5.4, unconfirmed). */
export const DEFAULT_QD766_CLASSES: readonly ClassBound[] = [
  { min: 90, code: 'xuat_sac', label: 'Xuất sắc' },
  { min: 80, code: 'tot', label: 'Tốt' },
  { min: 70, code: 'kha', label: 'Khá' },
  { min: 50, code: 'trung_binh', label: 'Trung bình' },
  { min: 0, code: 'yeu', label: 'Yếu' },
];

// ---------------------------------------------------------------- zod

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

const isoDate = z.string().refine(isRealDate, { message: 'phải là ngày có thật dạng YYYY-MM-DD' });
const slug = z
  .string()
  .regex(SLUG, { message: 'chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới' });
const text = z.string().trim().min(1, { message: 'không được để trống' });
const percent = z
  .number()
  .min(0, { message: 'phải từ 0 đến 100 (%)' })
  .max(100, { message: 'phải từ 0 đến 100 (%)' })
  .refine(hasAtMostTwoDecimals, { message: 'tối đa hai chữ số thập phân' });
const points = z
  .number()
  .min(0, { message: 'không được âm' })
  .refine(hasAtMostTwoDecimals, { message: 'tối đa hai chữ số thập phân' });
const tenths = z
  .number()
  .int({ message: 'phải là số nguyên (đơn vị: phần mười điểm)' })
  .min(0, { message: 'không được âm' });

const classBound = (min: z.ZodType<number>) => z.strictObject({ min, code: slug, label: text });

const header = {
  id: slug,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'phải có dạng X.Y.Z, ví dụ 1.0.0' }),
  name: text,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  source: text,
  supersedes: z.array(slug).default(() => []),
  notes: z.array(z.string()).default(() => []),
};

const precedence = z.enum(['system', 'citizen', 'lower']);
const attribution = z.enum(['receiving', 'handling', 'step', 'both']);
const threeLevel = z.enum(['rat_hai_long', 'hai_long', 'chua_hai_long']);
const confidence = z.enum(['confirmed', 'secondary', 'unconfirmed']);

const tt01Schema = z.strictObject({
  kind: z.literal('tt01'),
  ...header,
  officialClasses: z.array(classBound(tenths)).default(() => defaultTt01Settings().officialClasses),
  agencyGrades: z.array(classBound(tenths)).default(() => defaultTt01Settings().agencyGrades),
  missingIndicatorPolicy: z.enum(['literal', 'rescale']).default('literal'),
  citizenVsSystem: z
    .strictObject({ cs1: precedence, cs3: precedence, cs4: precedence, cs7: precedence })
    .default(() => defaultTt01Settings().citizenVsSystem),
  attribution: z
    .strictObject({
      cs1: attribution,
      cs2: attribution,
      cs3: attribution,
      cs4: attribution,
      cs7: attribution,
    })
    .default(() => defaultTt01Settings().attribution),
  cs4: z.strictObject({ onlineCountsAsNoContact: z.boolean() }).default(() => defaultTt01Settings().cs4),
  cs5Thresholds: z
    .strictObject({
      province: percent,
      department: percent,
      district: percent,
      commune: percent,
      unit: percent,
    })
    .default(() => defaultTt01Settings().cs5Thresholds),
  cs8: z
    .strictObject({ fullPercent: percent, partialPercent: percent })
    .default(() => defaultTt01Settings().cs8),
  cs9: z
    .strictObject({
      proceduresOnlineMinPercent: percent,
      dossiersOnlineFullPercent: percent,
      dossiersOnlinePartialPercent: percent,
    })
    .default(() => defaultTt01Settings().cs9),
  agencyIndicatorPrecedence: z
    .array(z.enum(['appraisal', 'data', 'self']))
    .default(() => defaultTt01Settings().agencyIndicatorPrecedence),
  satisfactionThreeLevel: z
    .strictObject({ '1': threeLevel, '2': threeLevel, '3': threeLevel, '4': threeLevel, '5': threeLevel })
    .default(() => defaultTt01Settings().satisfactionThreeLevel),
  tieRule: z.enum(['shared_rank', 'dense_rank']).default('shared_rank'),
});

const qd766IndicatorSchema = z.strictObject({
  id: z.string().regex(/^\d+\.\d+$/, { message: 'phải có dạng nhóm.số, ví dụ 1.2' }),
  name: text,
  max: points,
  thresholdPercent: percent.nullable(),
  confidence,
  formula: text,
});

const qd766Schema = z.strictObject({
  kind: z.literal('qd766'),
  ...header,
  total: points,
  groups: z.array(
    z.strictObject({
      id: z.string().regex(/^\d+[a-z]?$/, { message: 'phải có dạng số nhóm, ví dụ 3a' }),
      name: text,
      max: points,
      confidence,
      indicators: z.array(qd766IndicatorSchema),
    }),
  ),
  classes: z.array(classBound(points)).default(() => DEFAULT_QD766_CLASSES.map((c) => ({ ...c }))),
});

/** The zod spec of a scheme file (before cross-field checks and before the loader sets `file`). */
export const schemeFileSchema = z.discriminatedUnion('kind', [tt01Schema, qd766Schema]);

// Compile-time guard: the zod output is exactly the hand-written types minus `file`.
type ParsedFile = z.output<typeof schemeFileSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _specMatchesTypes: Same<ParsedFile, SchemeFile> = true;

// ---------------------------------------------------------------- cross-field rules

/** Problems of a class list: strictly descending inclusive lower bounds down to 0, unique codes, within the maximum. */
function classProblems(
  field: string,
  bounds: readonly ClassBound[],
  max: number,
  unit: string,
  show: (value: number) => string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (bounds.length === 0) return [{ field, message: 'phải có ít nhất một mức' }];
  const codes = new Set<string>();
  bounds.forEach((bound, i) => {
    if (bound.min > max) {
      problems.push({ field: `${field}[${i}].min`, message: `vượt điểm tối đa ${show(max)} (${unit})` });
    }
    const prev = bounds[i - 1];
    if (prev !== undefined && bound.min >= prev.min) {
      problems.push({
        field: `${field}[${i}].min`,
        message: `các mức phải giảm dần: ${show(bound.min)} không nhỏ hơn mức trước ${show(prev.min)}`,
      });
    }
    if (codes.has(bound.code))
      problems.push({ field: `${field}[${i}].code`, message: `mã "${bound.code}" bị trùng` });
    codes.add(bound.code);
  });
  const last = bounds.at(-1);
  if (last !== undefined && last.min !== 0) {
    problems.push({
      field: `${field}[${bounds.length - 1}].min`,
      message: 'mức cuối cùng phải có min = 0 để mọi điểm số đều được xếp loại',
    });
  }
  return problems;
}

const hundredths = (value: number): number => Math.round(value * 100);
const showPoints = (value: number): string => String(value).replace('.', ',');
const showTenths = (value: number): string => showPoints(value / 10);

function tt01Problems(s: Omit<Tt01Scheme, 'file'>): FieldProblem[] {
  const problems = [
    ...classProblems(
      'officialClasses',
      s.officialClasses,
      100,
      'phần mười điểm, tối đa 100 = 10 điểm',
      showTenths,
    ),
    ...classProblems('agencyGrades', s.agencyGrades, 180, 'phần mười điểm, tối đa 180 = 18 điểm', showTenths),
  ];
  if (s.cs8.partialPercent > s.cs8.fullPercent) {
    problems.push({ field: 'cs8.partialPercent', message: 'không được lớn hơn cs8.fullPercent' });
  }
  if (s.cs9.dossiersOnlinePartialPercent > s.cs9.dossiersOnlineFullPercent) {
    problems.push({
      field: 'cs9.dossiersOnlinePartialPercent',
      message: 'không được lớn hơn cs9.dossiersOnlineFullPercent',
    });
  }
  if (s.agencyIndicatorPrecedence.length === 0) {
    problems.push({ field: 'agencyIndicatorPrecedence', message: 'phải có ít nhất một nguồn' });
  }
  const seen = new Set<string>();
  s.agencyIndicatorPrecedence.forEach((source, i) => {
    if (seen.has(source)) {
      problems.push({ field: `agencyIndicatorPrecedence[${i}]`, message: `nguồn "${source}" bị trùng` });
    }
    seen.add(source);
  });
  return problems;
}

function qd766Problems(s: Omit<Qd766Scheme, 'file'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const groupIds = new Set<string>();
  const indicatorIds = new Set<string>();
  let groupSum = 0;
  s.groups.forEach((group, g) => {
    const at = `groups[${g}]`;
    if (groupIds.has(group.id)) problems.push({ field: `${at}.id`, message: `nhóm "${group.id}" bị trùng` });
    groupIds.add(group.id);
    groupSum += hundredths(group.max);
    if (group.indicators.length === 0) {
      problems.push({ field: `${at}.indicators`, message: 'nhóm phải có ít nhất một chỉ số thành phần' });
    }
    let indicatorSum = 0;
    group.indicators.forEach((indicator, i) => {
      if (indicatorIds.has(indicator.id)) {
        problems.push({ field: `${at}.indicators[${i}].id`, message: `chỉ số "${indicator.id}" bị trùng` });
      }
      indicatorIds.add(indicator.id);
      indicatorSum += hundredths(indicator.max);
      if (indicator.thresholdPercent === 0) {
        problems.push({
          field: `${at}.indicators[${i}].thresholdPercent`,
          message: 'phải lớn hơn 0 (hoặc null: điểm = tỷ lệ × điểm tối đa)',
        });
      }
    });
    if (group.indicators.length > 0 && indicatorSum !== hundredths(group.max)) {
      problems.push({
        field: `${at}.max`,
        message: `tổng điểm tối đa các chỉ số thành phần là ${showPoints(indicatorSum / 100)}, khác điểm tối đa của nhóm ${showPoints(group.max)}`,
      });
    }
  });
  if (groupSum !== hundredths(s.total)) {
    problems.push({
      field: 'total',
      message: `tổng điểm tối đa các nhóm là ${showPoints(groupSum / 100)}, khác tổng điểm khai báo ${showPoints(s.total)}`,
    });
  }
  problems.push(...classProblems('classes', s.classes, s.total, 'điểm', showPoints));
  return problems;
}

/** Rules zod cannot express on one field: dates in order, bounds descending to 0, maxima that add up. */
export function crossFieldProblems(s: SchemeFile): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.validTo !== null && s.validTo < s.validFrom) {
    problems.push({ field: 'validTo', message: `không được trước validFrom (${s.validFrom})` });
  }
  s.supersedes.forEach((id, i) => {
    if (id === s.id)
      problems.push({ field: `supersedes[${i}]`, message: 'bộ chỉ số không thể thay thế chính nó' });
  });
  problems.push(...(s.kind === 'tt01' ? tt01Problems(s) : qd766Problems(s)));
  return problems;
}
