import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from '../router.tsx';
import { AgencyPage } from './agency-page.tsx';
import { HomePage } from './home-page.tsx';
import { PUBLIC_TEXT, type PublicLang, type PublicText } from './text.ts';
import './public.css';

/** The same key as the back office: a visitor who chose English there gets English here too. */
const STORAGE_KEY = 'hailong.lang';
export const PUBLIC_BASE = '/cong-khai';

function storedLang(): PublicLang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

type Route = { page: 'home'; period: string | null } | { page: 'agency'; code: string } | { page: 'unknown' };

/** /cong-khai/ → latest period; /cong-khai/<period> → that period; /cong-khai/co-quan/<code> → an agency. */
function routeOf(path: string): Route {
  const rest = path.startsWith(PUBLIC_BASE) ? path.slice(PUBLIC_BASE.length).replace(/^\/+|\/+$/g, '') : '';
  if (rest === '') return { page: 'home', period: null };
  const agency = /^co-quan\/([^/]+)$/.exec(rest);
  if (agency?.[1] !== undefined) return { page: 'agency', code: decodeURIComponent(agency[1]) };
  if (/^\d{4}(-Q[1-4])?$/.test(rest)) return { page: 'home', period: rest };
  return { page: 'unknown' };
}

function PublicApp() {
  const [lang, setLang] = useState<PublicLang>(storedLang);
  const t: PublicText = PUBLIC_TEXT[lang];
  const location = useLocation();
  const route = routeOf(location.path);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const switchLang = () => {
    const next: PublicLang = lang === 'vi' ? 'en' : 'vi';
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept; the choice still holds for this visit.
    }
    setLang(next);
  };
  return (
    <div class="p-app">
      <header class="p-header">
        <Link href={`${PUBLIC_BASE}/`} class="p-brand">
          {t.appName} · {t.title}
        </Link>
        <button
          type="button"
          class="p-lang"
          lang={lang === 'vi' ? 'en' : 'vi'}
          aria-label={t.switchLabel}
          onClick={switchLang}
        >
          {t.switchTo}
        </button>
      </header>
      <main class="p-main" id="noi-dung">
        {route.page === 'home' && <HomePage t={t} period={route.period} search={location.search} />}
        {route.page === 'agency' && <AgencyPage t={t} code={route.code} />}
        {route.page === 'unknown' && (
          <section class="p-card">
            <h1>{t.notFound}</h1>
            <p>
              <Link href={`${PUBLIC_BASE}/`}>{t.backHome}</Link>
            </p>
          </section>
        )}
      </main>
      <footer class="p-footer">
        <p>{t.noPersonalData}</p>
        <p>{t.footer}</p>
      </footer>
    </div>
  );
}

const root = document.getElementById('public');
if (root !== null) render(<PublicApp />, root);
