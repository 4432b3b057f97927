/** Every text input is normalized to NFC at the edge, so "Hà" typed as NFD equals "Hà" typed as NFC. */
export function normalizeText(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeText(item)]));
  }
  return value;
}
