import { createHash, randomBytes } from 'node:crypto';
import { verificationCodeFrom } from '#domain/ratings/rating-token.ts';

/** A pairing code is shown to the administrator once and must be typed on the device soon after. */
export const PAIRING_VALID_MINUTES = 15;

export interface RegisteredDevice {
  deviceId: string;
  pairingCode: string;
  pairingExpiresAt: string;
}

/** The stored form of a one-time pairing code: its digest only, so a database reader cannot pair. */
export function pairingCodeDigest(code: string): string {
  return createHash('sha256').update(`hailong-pairing:${code.trim().toUpperCase()}`).digest('hex');
}

export function newPairingCode(): string {
  // 8 characters from a 32-letter alphabet without look-alikes: 40 bits, single use, 15 minutes.
  return verificationCodeFrom(randomBytes(8));
}
