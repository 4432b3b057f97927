import { deviceStreamMessage, type DeviceIdentity, type DeviceInvitation } from '#shared/device-protocol.ts';
import { signText } from './device-key.ts';

export interface StreamHandlers {
  onInvitation(invitation: DeviceInvitation): void;
  onReady(identity: DeviceIdentity): void;
  onConnection(connected: boolean): void;
}

/**
 * The device's event stream: "Mời đánh giá" arrives here within a second of the official's
 * click, whichever API process holds the stream. A dropped stream is reopened with a freshly
 * signed URL (the signature is valid for 5 minutes only).
 */
export function connectStream(deviceId: string, privateKey: CryptoKey, handlers: StreamHandlers): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const open = async (): Promise<void> => {
    if (stopped) return;
    const ts = Date.now();
    const sig = await signText(privateKey, deviceStreamMessage(deviceId, ts));
    if (stopped) return;
    source = new EventSource(`/api/v1/devices/${deviceId}/events?ts=${ts}&sig=${sig}`);
    source.addEventListener('ready', (event) => {
      handlers.onConnection(true);
      handlers.onReady(JSON.parse((event as MessageEvent<string>).data) as DeviceIdentity);
    });
    source.addEventListener('invitation', (event) => {
      handlers.onInvitation(JSON.parse((event as MessageEvent<string>).data) as DeviceInvitation);
    });
    source.onerror = () => {
      handlers.onConnection(false);
      source?.close();
      source = null;
      retry = setTimeout(() => void open(), 2000);
    };
  };
  void open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
