import type { z } from 'zod';
import type { IsoDate } from '#domain/calendar/types.ts';
import { DomainError, type FieldProblem } from '#domain/errors.ts';
import {
  crossFieldProblems,
  schemeFileSchema,
  type Qd766Scheme,
  type Scheme,
  type SchemeKind,
  type Tt01Scheme,
} from './scheme-spec.ts';

export type { Qd766Scheme, Scheme, SchemeKind, Tt01Scheme } from './scheme-spec.ts';

/** A JSON path as people read it: ['agencyGrades', 1, 'min'] → 'agencyGrades[1].min'. */
function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(gốc)' : out;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: 'số',
  int: 'số nguyên',
  string: 'chuỗi',
  boolean: 'true hoặc false',
  array: 'mảng',
  object: 'đối tượng',
  null: 'null',
  undefined: 'không có',
};

function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'mảng';
  const name = TYPE_NAMES[typeof input] ?? typeof input;
  return typeof input === 'string' || typeof input === 'number' ? `${name} ${JSON.stringify(input)}` : name;
}

/** One zod issue as field problems with short Vietnamese messages (zod's own text as the fallback). */
function problemsOf(issue: z.core.$ZodIssue): FieldProblem[] {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: fieldOf([...issue.path, key]),
        message: 'trường không có trong định dạng bộ chỉ số (gõ sai tên?)',
      }));
    case 'invalid_type': {
      if (issue.input === undefined) return [{ field, message: 'thiếu trường bắt buộc' }];
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return [{ field, message: `phải là ${expected} (nhận được ${typeOfInput(issue.input)})` }];
    }
    case 'invalid_value':
      return [
        { field, message: `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` },
      ];
    case 'invalid_union':
      if (issue.path.length === 0 || fieldOf(issue.path) === 'kind') {
        return [{ field: 'kind', message: 'phải là một trong: "tt01", "qd766"' }];
      }
      return [{ field, message: issue.message }];
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
      return [{ field, message: issue.message }];
  }
}

/** Parses and checks a scheme file; an invalid file is SCHEME_INVALID naming the file and the field (decision 1). */
export function parseScheme(json: unknown, sourceName: string): Scheme {
  const result = schemeFileSchema.safeParse(json, { reportInput: true });
  const problems = result.success ? crossFieldProblems(result.data) : result.error.issues.flatMap(problemsOf);
  if (!result.success || problems.length > 0) {
    throw new DomainError('SCHEME_INVALID', {
      message: `${sourceName}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
      details: { file: sourceName },
    });
  }
  return { ...result.data, file: sourceName };
}

/** Parses a scheme file's text (JSON syntax errors are SCHEME_INVALID too). */
export function parseSchemeText(text: string, sourceName: string): Scheme {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('SCHEME_INVALID', {
      message: `${sourceName}: không phải JSON hợp lệ (${reason})`,
      problems: [{ field: '(gốc)', message: `không phải JSON hợp lệ (${reason})` }],
      details: { file: sourceName },
    });
  }
  return parseScheme(json, sourceName);
}

function overlaps(a: Scheme, b: Scheme): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

const label = (s: Scheme): string =>
  `${s.id} ${s.version} (${s.file}, ${s.validFrom} – ${s.validTo ?? 'không thời hạn'})`;

/**
 * Checks a set of loaded schemes once (decision 1): ids unique, and two schemes of the same kind
 * in force on a common day only when one lists the other in `supersedes` (a province's own file
 * replacing the national default for its dates). Otherwise the scheme for a date would be ambiguous.
 */
export function validateSchemeSet(schemes: readonly Scheme[]): void {
  const problems: FieldProblem[] = [];
  const byId = new Map<string, Scheme>();
  for (const scheme of schemes) {
    const other = byId.get(scheme.id);
    if (other !== undefined) {
      problems.push({
        field: `${scheme.file}: id`,
        message: `id "${scheme.id}" đã dùng trong ${other.file}; mỗi phiên bản mới cần id khác hoặc thay tệp cũ`,
      });
    }
    byId.set(scheme.id, scheme);
  }
  for (const [i, a] of schemes.entries()) {
    for (const b of schemes.slice(i + 1)) {
      if (a.kind !== b.kind || a.id === b.id || !overlaps(a, b)) continue;
      const aReplacesB = a.supersedes.includes(b.id);
      const bReplacesA = b.supersedes.includes(a.id);
      if (aReplacesB && bReplacesA) {
        problems.push({
          field: `${a.file}: supersedes`,
          message: `${label(a)} và ${label(b)} thay thế lẫn nhau`,
        });
      } else if (!aReplacesB && !bReplacesA) {
        problems.push({
          field: `${b.file}: validFrom`,
          message: `${label(a)} và ${label(b)} cùng loại "${a.kind}" và trùng thời gian hiệu lực; sửa ngày hoặc khai báo "supersedes"`,
        });
      }
    }
  }
  if (problems.length > 0) {
    throw new DomainError('SCHEME_INVALID', {
      message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    });
  }
}

/** Parses every file and checks the set: what the shell calls once at start. */
export function loadSchemeSet(files: readonly { name: string; text: string }[]): Scheme[] {
  const schemes = files.map((file) => parseSchemeText(file.text, file.name));
  validateSchemeSet(schemes);
  return schemes;
}

/**
 * The scheme of `kind` in force on `date` (validFrom ≤ date ≤ validTo), e.g. a dossier's receipt
 * date (decision 1). A scheme superseded by another one in force that day steps aside.
 */
export function selectScheme<K extends SchemeKind>(
  schemes: readonly Scheme[],
  kind: K,
  date: IsoDate,
): Extract<Scheme, { kind: K }> {
  const inForce = schemes.filter(
    (s): s is Extract<Scheme, { kind: K }> =>
      s.kind === kind && s.validFrom <= date && (s.validTo === null || date <= s.validTo),
  );
  const winners = inForce.filter(
    (s) => !inForce.some((other) => other !== s && other.supersedes.includes(s.id)),
  );
  const [only, ...rest] = winners;
  if (only === undefined) {
    throw new DomainError('SCHEME_NOT_FOUND', {
      message: `Không có bộ chỉ số loại "${kind}" có hiệu lực ngày ${date}.`,
      details: { kind, date },
    });
  }
  if (rest.length > 0) {
    throw new DomainError('SCHEME_INVALID', {
      message: `Nhiều bộ chỉ số loại "${kind}" cùng có hiệu lực ngày ${date}: ${winners.map(label).join('; ')}`,
      problems: winners.map((s) => ({
        field: `${s.file}: validFrom`,
        message: `trùng thời gian hiệu lực ngày ${date}`,
      })),
      details: { kind, date },
    });
  }
  return only;
}

/** True for a Thông tư 01/2018 scheme (narrows a `Scheme`). */
export function isTt01(scheme: Scheme): scheme is Tt01Scheme {
  return scheme.kind === 'tt01';
}

/** True for a Quyết định 766 scheme (narrows a `Scheme`). */
export function isQd766(scheme: Scheme): scheme is Qd766Scheme {
  return scheme.kind === 'qd766';
}
