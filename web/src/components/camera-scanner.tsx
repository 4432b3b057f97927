import { useEffect, useRef, useState } from 'preact/hooks';

/** What the camera scanner says, in the page's language. */
export interface CameraScannerText {
  start: string;
  stop: string;
  hint: string;
  unavailable: string;
}

export const CAMERA_TEXT: Readonly<Record<'vi' | 'en', CameraScannerText>> = {
  vi: {
    start: 'Quét bằng camera',
    stop: 'Tắt camera',
    hint: 'Đưa mã QR hoặc mã vạch trên phiếu vào khung hình.',
    unavailable: 'Không dùng được camera',
  },
  en: {
    start: 'Scan with the camera',
    stop: 'Turn the camera off',
    hint: 'Hold the QR code or barcode of the slip in front of the camera.',
    unavailable: 'The camera cannot be used',
  },
};

/** Frames examined per second: enough to catch a slip held up to the camera, light on a tablet. */
const SCANS_PER_SECOND = 4;

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/**
 * The Barcode Detection API through the `barcode-detector` ponyfill, its ZXing WebAssembly
 * served by us (`/assets/…wasm`) instead of the CDN the package defaults to: the back office
 * and the kiosk work on a closed network. Loaded only when the camera is first used.
 */
async function loadDetector(): Promise<Detector> {
  const [{ BarcodeDetector, prepareZXingModule }, wasm] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm.default : prefix + path),
    },
  });
  return new BarcodeDetector({ formats: ['qr_code', 'code_128'] });
}

/**
 * Scans the slip's QR code or Code 128 barcode with the device camera (issue 4, point 5): the
 * first code read is handed over exactly as a USB scanner would have typed it.
 */
export function CameraScanner({
  text,
  onScanned,
}: {
  text: CameraScannerText;
  onScanned(value: string): void;
}) {
  const [active, setActive] = useState(false);
  const [error, setError] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  // The latest callback, without restarting the camera each time the page re-renders.
  const handOver = useRef(onScanned);
  handOver.current = onScanned;

  useEffect(() => {
    if (!active) return undefined;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    void (async () => {
      try {
        const detector = await loadDetector();
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (stopped || !video.current) return stop();
        video.current.srcObject = stream;
        await video.current.play();
        const scan = async (): Promise<void> => {
          if (stopped || !video.current) return;
          const found = video.current.readyState >= 2 ? await detector.detect(video.current) : [];
          const value = found[0]?.rawValue;
          if (value) {
            stop();
            setActive(false);
            handOver.current(value);
            return;
          }
          timer = setTimeout(() => void scan(), 1000 / SCANS_PER_SECOND);
        };
        await scan();
      } catch (caught) {
        stop();
        setActive(false);
        setError(`${text.unavailable} (${caught instanceof Error ? caught.message : String(caught)})`);
      }
    })();
    return stop;
  }, [active, text.unavailable]);

  return (
    <div class="camera-scanner" data-testid="camera-scanner">
      <button
        type="button"
        class="button button--secondary"
        aria-pressed={active}
        onClick={() => {
          setError('');
          setActive(!active);
        }}
      >
        {active ? text.stop : text.start}
      </button>
      {active ? (
        <>
          <video ref={video} class="camera-scanner__video" muted playsInline aria-label={text.hint} />
          <p class="field__hint">{text.hint}</p>
        </>
      ) : null}
      <p class="field__error" role="alert">
        {error}
      </p>
    </div>
  );
}
