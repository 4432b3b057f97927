import { useEffect, useRef } from 'preact/hooks';
import { LangProvider, useI18n } from './lang.tsx';
import { DossierDetailPage } from './pages/dossier-detail.tsx';
import { DossierListPage } from './pages/dossier-list.tsx';
import { INTEGRITY_PATH, IntegritySignalsPage } from './pages/integrity/integrity-signals.tsx';
import { AUDIT_PATH, AuditLogPage } from './pages/audit/audit-log.tsx';
import { AUDIT_TEXT } from './pages/audit/audit-text.ts';
import { NotFoundPage } from './pages/not-found.tsx';
import { DevicesPage } from './pages/devices/devices.tsx';
import { DEVICES_TEXT } from './pages/devices/devices-text.ts';
import { PaperSlipPage } from './pages/ratings/paper-slip.tsx';
import { AgencyScoresPage } from './pages/scores/agency-scores.tsx';
import { OfficialScoresPage } from './pages/scores/official-scores.tsx';
import { periodPageOf } from './pages/scores/period-pages.ts';
import { Qd766ScoresPage } from './pages/scores/qd766-scores.tsx';
import { SatisfactionPage } from './pages/scores/satisfaction.tsx';
import { ScoredDossiersPage } from './pages/scores/scored-dossiers.tsx';
import { Link, navigate, useLocation, type Location } from './router.tsx';
import { AUTH_TEXT } from './pages/auth/auth-text.ts';
import { SessionProvider } from './pages/auth/session.tsx';
import { SIGN_IN_PATH, SignInPage } from './pages/auth/sign-in.tsx';
import { UserMenu } from './pages/auth/user-menu.tsx';
import { USERS_PATH, UsersPage } from './pages/users/users.tsx';

/** The back office: header with the product name, navigation and language switch, then the page. */
export function App() {
  return (
    <LangProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </LangProvider>
  );
}

type Section =
  | 'dossiers'
  | 'paperSlips'
  | 'devices'
  | 'agencyScores'
  | 'officialScores'
  | 'qd766'
  | 'satisfaction'
  | 'integrity'
  | 'users'
  | 'audit'
  | null;

/** The navigation entry a page belongs to (a drill-down belongs to the table it came from). */
function sectionOf({ path, search }: Location): Section {
  if (path === '/ho-so' || path.startsWith('/ho-so/')) return 'dossiers';
  if (path === '/phieu-giay') return 'paperSlips';
  if (path === '/thiet-bi') return 'devices';
  if (path.startsWith(INTEGRITY_PATH)) return 'integrity';
  if (path === USERS_PATH) return 'users';
  if (path === AUDIT_PATH) return 'audit';
  if (path.startsWith('/diem/co-quan')) return 'agencyScores';
  if (path.startsWith('/diem/can-bo')) return 'officialScores';
  const periodPage = periodPageOf(path);
  if (periodPage !== null) return periodPage;
  if (path.startsWith('/diem/ho-so')) {
    return new URLSearchParams(search).get('subjectKind') === 'official' ? 'officialScores' : 'agencyScores';
  }
  return null;
}

function Header({ location }: { location: Location }) {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  const section = sectionOf(location);
  const current = (name: Section) => (section === name ? 'page' : undefined);
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <Link href="/ho-so" class="brand">
          <span class="brand__name">{t.appName}</span>
          <span class="brand__tagline">{t.appTagline}</span>
        </Link>
        <nav aria-label={t.nav.label} class="site-nav">
          <Link href="/ho-so" aria-current={current('dossiers')}>
            {t.nav.dossiers}
          </Link>
          <Link href="/phieu-giay" aria-current={current('paperSlips')}>
            {t.ratings.nav}
          </Link>
          <Link href="/thiet-bi" aria-current={current('devices')}>
            {DEVICES_TEXT[lang].nav}
          </Link>
          {/* The score pages as one group: on a phone they wrap under the dossiers as a block. */}
          <div class="site-nav__group" role="group" aria-label={t.nav.scores}>
            <Link href="/diem/co-quan" aria-current={current('agencyScores')}>
              {t.nav.agencyScores}
            </Link>
            <Link href="/diem/can-bo" aria-current={current('officialScores')}>
              {t.nav.officialScores}
            </Link>
            <Link href="/diem/766" aria-current={current('qd766')}>
              {t.nav.qd766}
            </Link>
            <Link href="/diem/hai-long" aria-current={current('satisfaction')}>
              {t.nav.satisfaction}
            </Link>
            <Link href={INTEGRITY_PATH} aria-current={current('integrity')}>
              {t.nav.integrity}
            </Link>
          </div>
          <Link href={USERS_PATH} aria-current={current('users')}>
            {AUTH_TEXT[lang].usersNav}
          </Link>
          <Link href={AUDIT_PATH} aria-current={current('audit')}>
            {AUDIT_TEXT[lang].nav}
          </Link>
        </nav>
        <UserMenu />
        <button
          type="button"
          class="lang-switch"
          lang={other}
          title={t.switchTo.title}
          onClick={() => setLang(other)}
        >
          {t.switchTo.label}
        </button>
      </div>
    </header>
  );
}

function Page({ location }: { location: Location }) {
  const path = location.path.length > 1 ? location.path.replace(/\/+$/, '') : location.path;
  if (path === '/ho-so') return <DossierListPage search={location.search} />;
  if (path === '/phieu-giay') return <PaperSlipPage />;
  if (path === '/thiet-bi') return <DevicesPage />;
  if (path === '/diem/co-quan') return <AgencyScoresPage search={location.search} />;
  if (path === '/diem/can-bo') return <OfficialScoresPage search={location.search} />;
  if (path === '/diem/ho-so') return <ScoredDossiersPage search={location.search} />;
  if (path === '/diem/766') return <Qd766ScoresPage search={location.search} />;
  if (path === '/diem/hai-long') return <SatisfactionPage search={location.search} />;
  if (path === INTEGRITY_PATH) return <IntegritySignalsPage search={location.search} />;
  if (path === SIGN_IN_PATH) return <SignInPage />;
  if (path === USERS_PATH) return <UsersPage />;
  if (path === AUDIT_PATH) return <AuditLogPage search={location.search} />;
  const detail = /^\/ho-so\/([^/]+)$/.exec(path);
  if (detail?.[1] !== undefined) {
    // A key per dossier: moving between dossiers starts a fresh page, not a half-updated one.
    const ref = decodeURIComponent(detail[1]);
    return <DossierDetailPage key={ref} dossierRef={ref} />;
  }
  return <NotFoundPage />;
}

function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  // The redirect from / is part of the first load, not a page change.
  const previousPath = useRef(location.path === '/' ? '/ho-so' : location.path);

  useEffect(() => {
    if (location.path === '/' || location.path === '')
      navigate(`/ho-so${location.search}`, { replace: true });
  }, [location]);

  useEffect(() => {
    // After an in-app page change, start at the top and move focus to the new page's title,
    // as a full page load would (screen readers announce it).
    if (previousPath.current === location.path) return;
    previousPath.current = location.path;
    window.scrollTo(0, 0);
    document.getElementById('page-title')?.focus();
  }, [location.path]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <Header location={location} />
      <main id="main" class="container" tabIndex={-1}>
        {location.path === '/' ? null : <Page location={location} />}
      </main>
    </>
  );
}
