/**
 * Rating tokens (issue 4): a per-dossier token printed as a QR code linking to `/r/<token>`.
 * It carries a 128-bit random nonce and a truncated HMAC-SHA256 of it under a server key
 * identified by a key id, so a forged token is refused before any database look-up and keys
 * can rotate (old key ids keep verifying). The crypto is passed in: the domain stays pure.
 */
export interface TokenParts {
  keyId: number;
  nonce: Uint8Array;
  mac: Uint8Array;
}

export const NONCE_BYTES = 16;
export const MAC_BYTES = 16;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The printed token: base64url(keyId byte ‖ nonce ‖ mac), 44 characters. */
export function formatToken(parts: TokenParts): string {
  const bytes = new Uint8Array(1 + NONCE_BYTES + MAC_BYTES);
  bytes[0] = parts.keyId;
  bytes.set(parts.nonce, 1);
  bytes.set(parts.mac, 1 + NONCE_BYTES);
  return toBase64Url(bytes);
}

/** Splits a token; null when it is not of the token's shape (then it is refused as forged). */
export function parseToken(token: string): TokenParts | null {
  const bytes = fromBase64Url(token);
  if (bytes === null || bytes.length !== 1 + NONCE_BYTES + MAC_BYTES) return null;
  return {
    keyId: bytes[0]!,
    nonce: bytes.slice(1, 1 + NONCE_BYTES),
    mac: bytes.slice(1 + NONCE_BYTES),
  };
}

/**
 * The short verification code printed on the slip next to the dossier code, for `/danh-gia`
 * without the QR: 8 characters of an unambiguous alphabet (40 bits) taken from a MAC.
 */
export function verificationCodeFrom(mac: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += ALPHABET.charAt(mac[i]! % ALPHABET.length);
  return code;
}

/** Normalises what a citizen types: upper case, no spaces or dashes. */
export function normalizeVerificationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
