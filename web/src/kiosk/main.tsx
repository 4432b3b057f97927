import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  KIOSK_IDLE_RESET_MS,
  tokenFromScannedText,
  type DeviceIdentity,
  type DeviceRatingBody,
} from '#shared/device-protocol.ts';
import type { QuestionnaireLang } from '#shared/questionnaire.ts';
import { CAMERA_TEXT, CameraScanner } from '../components/camera-scanner.tsx';
import { loadDevice, newDeviceKey, saveDevice, type StoredDevice } from './device-key.ts';
import { idb, STORES } from './idb.ts';
import { deliverOutbox, keepRating, waitingCount } from './outbox.ts';
import { RatingScreen, type RatingTarget } from './rating-screen.tsx';
import { connectStream } from './stream.ts';
import { KIOSK_TEXT, type KioskText } from './text.ts';
import './kiosk.css';

/** How often the outbox is retried while ratings wait for the server. */
const RETRY_MS = 3000;
/** How long the thank-you screen stays. */
const THANKS_MS = 4000;

type Screen =
  | { kind: 'loading' }
  | { kind: 'pairing' }
  | { kind: 'idle' }
  | { kind: 'rating'; target: RatingTarget; key: number }
  | { kind: 'thanks' };

function PairingScreen({ t, onPaired }: { t: KioskText; onPaired(device: StoredDevice): void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="k-screen"
      data-screen="pairing"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError('');
        void (async () => {
          try {
            const key = await newDeviceKey();
            const response = await fetch('/api/v1/devices/pair', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ pairingCode: code, publicKey: key.publicKeyBase64 }),
            });
            const body = (await response.json()) as DeviceIdentity & { error?: { message: string } };
            if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
            const device: StoredDevice = { identity: body, privateKey: key.privateKey };
            await saveDevice(device);
            onPaired(device);
          } catch (caught) {
            setError(caught instanceof Error ? caught.message : String(caught));
          } finally {
            setBusy(false);
          }
        })();
      }}
    >
      <h1>{t.pairTitle}</h1>
      <p>{t.pairIntro}</p>
      <label class="k-label" for="k-pairing-code">
        {t.pairCode}
      </label>
      <input
        id="k-pairing-code"
        class="k-input"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={20}
        value={code}
        onInput={(event) => setCode(event.currentTarget.value.toUpperCase())}
      />
      <p class="k-error" role="alert">
        {error ? `${t.error}: ${error}` : ''}
      </p>
      <button type="submit" class="k-primary" disabled={busy || code.trim().length < 4}>
        {busy ? t.pairing : t.pair}
      </button>
    </form>
  );
}

function IdleScreen({
  t,
  lang,
  onScanned,
}: {
  t: KioskText;
  lang: QuestionnaireLang;
  onScanned(target: RatingTarget): void;
}) {
  const [scan, setScan] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="k-screen k-idle"
      data-screen="idle"
      onSubmit={(event) => {
        event.preventDefault();
        const token = tokenFromScannedText(scan);
        setScan('');
        if (token === null) setError(t.scanInvalid);
        else onScanned({ token });
      }}
    >
      <h1>{t.welcome}</h1>
      <p class="k-lead">{t.welcomeHint}</p>
      <label class="k-label" for="k-scan">
        {t.scanLabel}
      </label>
      <input
        id="k-scan"
        ref={input}
        class="k-input"
        autoComplete="off"
        value={scan}
        onInput={(event) => {
          setScan(event.currentTarget.value);
          setError('');
        }}
      />
      <p class="k-error" role="alert">
        {error}
      </p>
      <CameraScanner
        text={CAMERA_TEXT[lang]}
        onScanned={(value) => {
          const token = tokenFromScannedText(value);
          if (token === null) setError(t.scanInvalid);
          else onScanned({ token });
        }}
      />
    </form>
  );
}

function Kiosk() {
  const [lang, setLang] = useState<QuestionnaireLang>('vi');
  const t = KIOSK_TEXT[lang];
  const [device, setDevice] = useState<StoredDevice | null>(null);
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [connected, setConnected] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [refused, setRefused] = useState(0);
  const ratingKey = useRef(0);

  const refreshCounts = useCallback(async () => {
    setWaiting(await waitingCount());
    setRefused(await idb.count(STORES.refused));
  }, []);
  const deliver = useCallback(async () => {
    await deliverOutbox();
    await refreshCounts();
  }, [refreshCounts]);

  useEffect(() => {
    void loadDevice().then((stored) => {
      if (stored) {
        setDevice(stored);
        setIdentity(stored.identity);
        setScreen({ kind: 'idle' });
      } else setScreen({ kind: 'pairing' });
    });
    void refreshCounts();
  }, [refreshCounts]);

  const showRating = useCallback((target: RatingTarget) => {
    ratingKey.current += 1;
    setScreen({ kind: 'rating', target, key: ratingKey.current });
  }, []);

  // The event stream and the delivery loop run while the device is paired.
  useEffect(() => {
    if (!device) return undefined;
    const stop = connectStream(device.identity.deviceId, device.privateKey, {
      onInvitation: (invitation) =>
        showRating({
          token: invitation.token,
          invitationId: invitation.invitationId,
          dossierCode: invitation.dossierCode,
          procedureName: invitation.procedureName,
        }),
      onReady: (fresh) => {
        setIdentity(fresh);
        void deliver();
      },
      onConnection: setConnected,
    });
    void deliver();
    const timer = setInterval(() => void deliver(), RETRY_MS);
    const onOnline = () => void deliver();
    window.addEventListener('online', onOnline);
    return () => {
      stop();
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [device, deliver, showRating]);

  // Back to the welcome screen after a minute without a touch, so the next citizen never sees
  // (or finishes) someone else's rating.
  useEffect(() => {
    if (screen.kind !== 'rating' && screen.kind !== 'thanks') return undefined;
    const limit = screen.kind === 'thanks' ? THANKS_MS : KIOSK_IDLE_RESET_MS;
    let timer = setTimeout(() => setScreen({ kind: 'idle' }), limit);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setScreen({ kind: 'idle' }), limit);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    events.forEach((name) => document.addEventListener(name, touch, true));
    return () => {
      clearTimeout(timer);
      events.forEach((name) => document.removeEventListener(name, touch, true));
    };
  }, [screen]);

  const submit = (target: RatingTarget, satisfaction: DeviceRatingBody['satisfaction'], answers: object) => {
    if (!device) return;
    const body: DeviceRatingBody = {
      id: crypto.randomUUID(),
      token: target.token,
      ...(target.invitationId ? { invitationId: target.invitationId } : {}),
      satisfaction,
      ...answers,
      ratedAt: new Date().toISOString(),
    };
    void keepRating(device.identity.deviceId, device.privateKey, body).then(() => {
      setScreen({ kind: 'thanks' });
      void deliver();
    });
  };

  return (
    <div class="k-app" lang={lang}>
      <header class="k-header">
        <div>
          <div class="k-agency">{identity?.agencyName ?? 'HàiLòng'}</div>
          {identity ? (
            <div class="k-counter">
              {identity.deskName} — <strong>{identity.counterName}</strong>
            </div>
          ) : null}
        </div>
        <button
          type="button"
          class="k-lang"
          lang={lang === 'vi' ? 'en' : 'vi'}
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {t.other}
        </button>
      </header>
      <main class="k-main">
        {screen.kind === 'pairing' ? (
          <PairingScreen
            t={t}
            onPaired={(paired) => {
              setDevice(paired);
              setIdentity(paired.identity);
              setScreen({ kind: 'idle' });
            }}
          />
        ) : screen.kind === 'idle' ? (
          <IdleScreen t={t} lang={lang} onScanned={showRating} />
        ) : screen.kind === 'rating' ? (
          <RatingScreen
            key={screen.key}
            t={t}
            target={screen.target}
            onSubmit={(satisfaction, answers) => submit(screen.target, satisfaction, answers)}
            onCancel={() => setScreen({ kind: 'idle' })}
          />
        ) : screen.kind === 'thanks' ? (
          <div class="k-screen k-thanks" data-screen="thanks" role="status">
            <p class="k-big">{t.thanks}</p>
            <p>{t.thanksHint}</p>
            <button type="button" class="k-secondary" onClick={() => setScreen({ kind: 'idle' })}>
              {t.done}
            </button>
          </div>
        ) : null}
      </main>
      {device ? (
        <footer class="k-footer" aria-live="polite">
          <span data-connection={connected ? 'online' : 'offline'} class={connected ? 'k-ok' : 'k-warn'}>
            {connected ? t.online : t.offline}
          </span>
          {waiting > 0 ? <span data-waiting={waiting}>{t.waiting(waiting)}</span> : null}
          {refused > 0 ? <span data-refused={refused}>{t.refused(refused)}</span> : null}
        </footer>
      ) : null}
    </div>
  );
}

// The kiosk must come back after a reload without the network: the service worker keeps its page.
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/quay/sw.js', { scope: '/quay/' }).catch(() => undefined);
}

const root = document.getElementById('kiosk');
if (root) render(<Kiosk />, root);
