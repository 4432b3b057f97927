export * from './types.ts';
export type {
  AgencyLevel,
  Attribution,
  CitizenVsSystem,
  ClassBound,
  Confidence,
  MissingIndicatorPolicy,
  Qd766Group,
  Qd766Indicator,
  Qd766Scheme,
  Scheme,
  SchemeFile,
  SchemeKind,
  TieRule,
  Tt01Scheme,
} from './scheme-spec.ts';
export {
  AGENCY_LEVELS,
  DEFAULT_AGENCY_GRADES,
  DEFAULT_OFFICIAL_CLASSES,
  DEFAULT_QD766_CLASSES,
  SCHEME_KINDS,
  defaultTt01Settings,
} from './scheme-spec.ts';
export {
  isQd766,
  isTt01,
  loadSchemeSet,
  parseScheme,
  parseSchemeText,
  selectScheme,
  validateSchemeSet,
} from './load-scheme.ts';
export { indicatorScore, roundHalfUp, shareBp } from './rounding.ts';
export { scoreDossierTt01 } from './score-dossier.ts';
export {
  AGENCY_MAX_TENTHS,
  AGENCY_SOURCE_LABELS,
  OFFICIAL_MAX_TENTHS,
  aggregateAgency,
  aggregateOfficial,
  indicatorRule,
} from './aggregate.ts';
export { classify } from './classify.ts';
export { rankAgencies } from './rank.ts';
export { scoreCs5FromData, scoreCs8FromData, scoreCs9FromData } from './agency-indicators.ts';
export {
  SATISFACTION_LEVELS,
  SATISFACTION_LEVEL_LABELS,
  THREE_LEVELS,
  THREE_LEVEL_LABELS,
  summarizeSatisfaction,
} from './satisfaction.ts';
export { qd766Points, scoreQd766, type Qd766Rate } from './qd766.ts';
export { AGENCY_GRADE_RULE, OFFICIAL_CLASS_RULE, TT01_RULES } from './rules.ts';
export { TIMELINESS_LABELS, viDate, viHundredths, viPercent, viTenths } from './format.ts';
