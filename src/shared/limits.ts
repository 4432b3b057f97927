/** Limits shared by the API schemas, the import and the web forms (defined once). */
export const LIMITS = {
  codeMaxLength: 64,
  nameMaxLength: 300,
  reasonMaxLength: 2000,
  maxTimeLimitValue: 3650,
  maxFeeVnd: 1_000_000_000_000,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  importMaxLineBytes: 1_000_000,
  catalogImportMaxRows: 50_000,
} as const;
