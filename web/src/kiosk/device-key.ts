import type { DeviceIdentity } from '#shared/device-protocol.ts';
import { idb, STORES } from './idb.ts';

/** What the device keeps about itself: who it is and its own key (the private half cannot be exported). */
export interface StoredDevice {
  identity: DeviceIdentity;
  privateKey: CryptoKey;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function loadDevice(): Promise<StoredDevice | undefined> {
  return idb.get<StoredDevice>(STORES.device, 'self');
}

export function saveDevice(device: StoredDevice): Promise<IDBValidKey> {
  return idb.put(STORES.device, device, 'self');
}

export function forgetDevice(): Promise<undefined> {
  return idb.delete(STORES.device, 'self');
}

/** A fresh key pair; the private key is not extractable, so it never leaves this browser. */
export async function newDeviceKey(): Promise<{ privateKey: CryptoKey; publicKeyBase64: string }> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateKey: pair.privateKey, publicKeyBase64: btoa(String.fromCharCode(...spki)) };
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** ECDSA P-256 / SHA-256 signature of the text, base64url (IEEE P1363, as the server expects). */
export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
  const signature = await crypto.subtle.sign(SIGNING, privateKey, new TextEncoder().encode(text));
  return base64Url(new Uint8Array(signature));
}
