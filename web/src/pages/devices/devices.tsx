import { useState } from 'preact/hooks';
import { isTransient, useApi } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useI18n } from '../../lang.tsx';
import { asApiError, postJson } from '../ratings/post-json.ts';
import { DEVICES_TEXT } from './devices-text.ts';

/** A device of `GET /api/v1/devices` (src/app/devices/list-rating-devices.ts). */
export interface DeviceSummary {
  deviceId: string;
  name: string;
  agencyId: string;
  counterId: string;
  counterName: string;
  deskName: string;
  status: 'awaiting_pairing' | 'paired' | 'revoked';
  pairedAt: string | null;
  pairingExpiresAt: string | null;
}

interface Desk {
  id: string;
  name: string;
  counters: { id: string; code: string; name: string }[];
}

interface Pairing {
  deviceId: string;
  pairingCode: string;
  pairingExpiresAt: string;
}

/** The administrator's page: register a device to a counter, read out its pairing code, revoke it. */
export function DevicesPage() {
  const { lang } = useI18n();
  const t = DEVICES_TEXT[lang];
  const desks = useApi<Desk[]>('/api/v1/desks');
  const devices = useApi<{ devices: DeviceSummary[] }>('/api/v1/devices');
  const counters =
    desks.state.status === 'ready'
      ? desks.state.data.flatMap((desk) =>
          desk.counters.map((counter) => ({ ...counter, deskName: desk.name })),
        )
      : [];
  const [counterId, setCounterId] = useState('');
  const [name, setName] = useState('');
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [error, setError] = useState('');
  const act = (promise: Promise<{ data: unknown }>, showsCode: boolean) => {
    setError('');
    promise
      .then(({ data }) => {
        if (showsCode) setPairing(data as Pairing);
        devices.retry();
      })
      .catch((caught: unknown) => setError(asApiError(caught).message));
  };
  const chosenCounter = counterId || counters[0]?.id || '';
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.title}
      </h1>
      <p>{t.intro}</p>
      <section class="card" aria-labelledby="register-title">
        <h2 id="register-title">{t.register}</h2>
        {desks.state.status === 'ready' && counters.length === 0 ? (
          <p>{t.noCounters}</p>
        ) : (
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              act(postJson('/api/v1/devices', { counterId: chosenCounter, name }), true);
            }}
          >
            <label class="field">
              <span class="field__label">{t.counter}</span>
              <select value={chosenCounter} onChange={(event) => setCounterId(event.currentTarget.value)}>
                {counters.map((counter) => (
                  <option key={counter.id} value={counter.id}>
                    {counter.deskName} — {counter.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span class="field__label">{t.name}</span>
              <input
                value={name}
                required
                maxLength={120}
                onInput={(event) => setName(event.currentTarget.value)}
              />
            </label>
            <button type="submit" class="button button--primary">
              {t.save}
            </button>
          </form>
        )}
        <p role="alert" class="field__error">
          {error}
        </p>
        {pairing ? (
          <div role="status" data-testid="pairing-code">
            <p>{t.pairingCode}</p>
            <p class="pairing-code">
              <code>{pairing.pairingCode}</code>
            </p>
            <p class="field__hint">
              {t.expires}{' '}
              {new Date(pairing.pairingExpiresAt).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
            </p>
          </div>
        ) : null}
      </section>
      <section class="card" aria-labelledby="devices-title">
        <h2 id="devices-title">{t.list}</h2>
        {/* Opened by URL without device.manage: the server's refusal (403), as on every page. */}
        {devices.state.status === 'error' ? (
          <ErrorAlert
            error={devices.state.error}
            onRetry={isTransient(devices.state.error) ? devices.retry : undefined}
          />
        ) : null}
        {devices.state.status === 'ready' && devices.state.data.devices.length === 0 ? <p>{t.none}</p> : null}
        {devices.state.status === 'ready' && devices.state.data.devices.length > 0 ? (
          <table class="table" data-testid="devices-table">
            <thead>
              <tr>
                <th scope="col">{t.counter}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.list}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.renew}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.state.data.devices.map((device) => (
                <tr key={device.deviceId}>
                  <td>
                    {device.deskName} — {device.counterName}
                  </td>
                  <td>{device.name}</td>
                  <td>{t.status[device.status]}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--secondary"
                      onClick={() => act(postJson(`/api/v1/devices/${device.deviceId}/pairing-code`), true)}
                    >
                      {t.renew}
                    </button>{' '}
                    <button
                      type="button"
                      class="button button--secondary"
                      onClick={() => act(postJson(`/api/v1/devices/${device.deviceId}/revoke`), false)}
                    >
                      {t.revoke}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
