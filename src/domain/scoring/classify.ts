import type { ClassBound } from './scheme-spec.ts';
import type { ClassResult } from './types.ts';

/**
 * The class of a value under inclusive lower bounds (project decision 2: 15,0 is Xuất sắc, not
 * the "> 15" seen in some provincial software). Bounds are validated at load to descend
 * strictly down to 0, so every non-negative value has a class.
 */
export function classify(bounds: readonly ClassBound[], value: number): ClassResult {
  const hit = bounds.find((bound) => value >= bound.min) ?? bounds.at(-1);
  if (hit === undefined) throw new RangeError('classify: empty class list (the scheme loader forbids it)');
  return { code: hit.code, label: hit.label };
}
