import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../../api.ts';
import { useI18n } from '../../lang.tsx';
import { asApiError, postJson } from '../ratings/post-json.ts';
import { DEVICES_TEXT } from './devices-text.ts';
import type { DeviceSummary } from './devices.tsx';

const LAST_DEVICE_KEY = 'hailong.inviteDevice';

/**
 * "Mời đánh giá" on the dossier page (issue 4): the counter official shows the rating screen of
 * this dossier on the device at their counter. The answer holds no token: the official's
 * browser can never submit the rating.
 */
export function InviteRatingSection({ dossierId, rateable }: { dossierId: string; rateable: boolean }) {
  const { lang } = useI18n();
  const t = DEVICES_TEXT[lang];
  const { state } = useApi<{ devices: DeviceSummary[] }>('/api/v1/devices');
  const devices = state.status === 'ready' ? state.data.devices.filter((d) => d.status === 'paired') : [];
  const [deviceId, setDeviceId] = useState<string>(() => localStorage.getItem(LAST_DEVICE_KEY) ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (devices.length > 0 && !devices.some((d) => d.deviceId === deviceId))
      setDeviceId(devices[0]!.deviceId);
  }, [devices, deviceId]);
  if (!rateable) return null;
  return (
    <section class="card" aria-labelledby="invite-title" data-testid="invite-rating">
      <h2 id="invite-title">{t.invite}</h2>
      <p class="field__hint">{t.inviteIntro}</p>
      {state.status === 'ready' && devices.length === 0 ? (
        <p>{t.noDevices}</p>
      ) : (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            setMessage(null);
            localStorage.setItem(LAST_DEVICE_KEY, deviceId);
            const device = devices.find((d) => d.deviceId === deviceId);
            postJson(`/api/v1/dossiers/${dossierId}/rating-invitations`, { deviceId })
              .then(() => setMessage({ ok: true, text: t.invited(device?.counterName ?? '') }))
              .catch((error: unknown) => setMessage({ ok: false, text: asApiError(error).message }))
              .finally(() => setBusy(false));
          }}
        >
          <label class="field">
            <span class="field__label">{t.device}</span>
            <select value={deviceId} onChange={(event) => setDeviceId(event.currentTarget.value)}>
              {devices.map((device) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.deskName} — {device.counterName} ({device.name})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="button button--primary" disabled={busy || deviceId === ''}>
            {t.invite}
          </button>
        </form>
      )}
      <p
        role="status"
        class={message?.ok === false ? 'field__error' : 'field__hint'}
        data-testid="invite-result"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
