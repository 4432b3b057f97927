/**
 * Every text of an import file is normalized to NFC, as at the HTTP edge, so "Hà" written as
 * NFD by one tool equals "Hà" written as NFC by another.
 */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)]));
  }
  return value;
}
