/**
 * The counter rating device's protocol (issue 4), shared by the server and the kiosk page:
 * the device holds an ECDSA P-256 key it made itself (WebCrypto, not extractable) and signs
 * every request; the server holds only the public key.
 */

/** Header carrying the base64url ECDSA P-256 / SHA-256 signature (IEEE P1363 r‖s, WebCrypto's format). */
export const DEVICE_SIGNATURE_HEADER = 'x-hailong-device-signature';

/** How long a signed event-stream URL stays valid (the device signs a fresh one on each reconnect). */
export const DEVICE_STREAM_WINDOW_MS = 5 * 60_000;

/** After this long without a touch the rating screen goes back to the welcome screen. */
export const KIOSK_IDLE_RESET_MS = 60_000;

/** What the device signs to open its event stream. */
export function deviceStreamMessage(deviceId: string, timestamp: number): string {
  return `hailong-device-events:${deviceId}:${timestamp}`;
}

/** A "Mời đánh giá" pushed to the device. */
export interface DeviceInvitation {
  invitationId: string;
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  /** The dossier's rating token: the device sends it back with the rating. */
  token: string;
  invitedAt: string;
}

/** What the device learns when it pairs, and again when its stream opens. */
export interface DeviceIdentity {
  deviceId: string;
  name: string;
  counterName: string;
  deskName: string;
  agencyName: string;
}

/** A rating as the device signs and sends it (JSON, signed over the exact bytes). */
export interface DeviceRatingBody {
  /** Made by the device when the citizen pressed "Gửi": sending it again is a no-op (exactly once). */
  id: string;
  token: string;
  invitationId?: string;
  satisfaction: 1 | 2 | 3 | 4 | 5;
  cs1?: 0 | 1 | 2;
  cs3?: 0 | 1 | 2;
  cs4?: 0 | 1 | 2;
  conduct?: 'no' | 'yes';
  comment?: string;
  /** When the citizen rated, by the device's clock (ratings made offline arrive later). */
  ratedAt: string;
}

/**
 * The rating token in what a scanner typed from the slip's QR code (`…/r/<token>`, possibly
 * with a query), or a bare token; null when there is none. The server still checks it.
 */
export function tokenFromScannedText(text: string): string | null {
  const trimmed = text.trim();
  const fromLink = /\/r\/([A-Za-z0-9_-]{20,120})(?:[?#/].*)?$/.exec(trimmed);
  if (fromLink?.[1] !== undefined) return fromLink[1];
  return /^[A-Za-z0-9_-]{40,120}$/.test(trimmed) ? trimmed : null;
}
