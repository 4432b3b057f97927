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
import { REPORTS_TEXT } from './pages/reports/reports-text.ts';
import { SECTORS_PATH, SectorScoresPage } from './pages/reports/sector-scores.tsx';
import { REPORTS_PATH, UnitReportPage, UnitReportsPage } from './pages/reports/unit-reports.tsx';
import { AgencyScoresPage } from './pages/scores/agency-scores.tsx';
import { OfficialScoresPage } from './pages/scores/official-scores.tsx';
import { periodPageOf } from './pages/scores/period-pages.ts';
import { Qd766ScoresPage } from './pages/scores/qd766-scores.tsx';
import { SatisfactionPage } from './pages/scores/satisfaction.tsx';
import { ScoredDossiersPage } from './pages/scores/scored-dossiers.tsx';
import { Link, navigate, useLocation, type Location } from './router.tsx';
import { AUTH_TEXT } from './pages/auth/auth-text.ts';
import { HOME_PATH, SIGN_IN_PATH, signInHref } from './pages/auth/next-path.ts';
import { holds, SessionProvider, useSession, type SessionInfo } from './pages/auth/session.tsx';
import { SignInPage } from './pages/auth/sign-in.tsx';
import { UserMenu } from './pages/auth/user-menu.tsx';
import { USERS_PATH, UsersPage } from './pages/users/users.tsx';
import { DASHBOARD_PATH, DashboardPage } from './pages/dashboard/dashboard.tsx';
import { DASHBOARD_TEXT } from './pages/dashboard/dashboard-text.ts';

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
  | 'dashboard'
  | 'dossiers'
  | 'paperSlips'
  | 'devices'
  | 'agencyScores'
  | 'officialScores'
  | 'qd766'
  | 'satisfaction'
  | 'sectors'
  | 'unitReports'
  | 'integrity'
  | 'users'
  | 'audit'
  | null;

/** The navigation entry a page belongs to (a drill-down belongs to the table it came from). */
function sectionOf({ path, search }: Location): Section {
  if (path === DASHBOARD_PATH) return 'dashboard';
  if (path === '/ho-so' || path.startsWith('/ho-so/')) return 'dossiers';
  if (path === '/phieu-giay') return 'paperSlips';
  if (path === '/thiet-bi') return 'devices';
  if (path.startsWith(INTEGRITY_PATH)) return 'integrity';
  if (path === USERS_PATH) return 'users';
  if (path === AUDIT_PATH) return 'audit';
  if (path.startsWith('/diem/co-quan')) return 'agencyScores';
  if (path.startsWith('/diem/can-bo')) return 'officialScores';
  if (path.startsWith(SECTORS_PATH)) return 'sectors';
  if (path === REPORTS_PATH || path.startsWith(`${REPORTS_PATH}/`)) return 'unitReports';
  const periodPage = periodPageOf(path);
  if (periodPage !== null) return periodPage;
  if (path.startsWith('/diem/ho-so')) {
    return new URLSearchParams(search).get('subjectKind') === 'official' ? 'officialScores' : 'agencyScores';
  }
  return null;
}

/** The navigation entries the signed-in user may use (the server checks every request anyway). */
function Navigation({ location, session }: { location: Location; session: SessionInfo }) {
  const { t, lang } = useI18n();
  const section = sectionOf(location);
  const current = (name: Section) => (section === name ? 'page' : undefined);
  const may = (action: string) => holds(session, action);
  const scores = may('score.read');
  const integrity = may('integrity.read');
  const entries = [
    may('dossier.read') && (
      <Link key="dossiers" href="/ho-so" aria-current={current('dossiers')}>
        {t.nav.dossiers}
      </Link>
    ),
    may('rating.key_paper') && (
      <Link key="paperSlips" href="/phieu-giay" aria-current={current('paperSlips')}>
        {t.ratings.nav}
      </Link>
    ),
    may('device.manage') && (
      <Link key="devices" href="/thiet-bi" aria-current={current('devices')}>
        {DEVICES_TEXT[lang].nav}
      </Link>
    ),
    // The score pages as one group: on a phone they wrap under the dossiers as a block.
    (scores || integrity) && (
      <div key="scores" class="site-nav__group" role="group" aria-label={t.nav.scores}>
        {scores && (
          <>
            <Link href={DASHBOARD_PATH} aria-current={current('dashboard')}>
              {DASHBOARD_TEXT[lang].nav}
            </Link>
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
            <Link href={SECTORS_PATH} aria-current={current('sectors')}>
              {REPORTS_TEXT[lang].sectorsNav}
            </Link>
            <Link href={REPORTS_PATH} aria-current={current('unitReports')}>
              {REPORTS_TEXT[lang].reportsNav}
            </Link>
          </>
        )}
        {integrity && (
          <Link href={INTEGRITY_PATH} aria-current={current('integrity')}>
            {t.nav.integrity}
          </Link>
        )}
      </div>
    ),
    may('user.manage') && (
      <Link key="users" href={USERS_PATH} aria-current={current('users')}>
        {AUTH_TEXT[lang].usersNav}
      </Link>
    ),
    may('audit.read') && (
      <Link key="audit" href={AUDIT_PATH} aria-current={current('audit')}>
        {AUDIT_TEXT[lang].nav}
      </Link>
    ),
  ].filter((entry) => entry !== false);
  if (entries.length === 0) return null;
  return (
    <nav aria-label={t.nav.label} class="site-nav">
      {entries}
    </nav>
  );
}

function Header({ location }: { location: Location }) {
  const { t, lang, setLang } = useI18n();
  const { session } = useSession();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <Link href={HOME_PATH} class="brand">
          <span class="brand__name">{t.appName}</span>
          <span class="brand__tagline">{t.appTagline}</span>
        </Link>
        {/* Nothing to navigate to before the session is known, nor signed out. */}
        {session?.signedIn === true ? <Navigation location={location} session={session} /> : null}
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
  if (path === DASHBOARD_PATH) return <DashboardPage search={location.search} />;
  if (path === '/diem/co-quan') return <AgencyScoresPage search={location.search} />;
  if (path === '/diem/can-bo') return <OfficialScoresPage search={location.search} />;
  if (path === '/diem/ho-so') return <ScoredDossiersPage search={location.search} />;
  if (path === '/diem/766') return <Qd766ScoresPage search={location.search} />;
  if (path === '/diem/hai-long') return <SatisfactionPage search={location.search} />;
  if (path === SECTORS_PATH) return <SectorScoresPage search={location.search} />;
  if (path === REPORTS_PATH) return <UnitReportsPage search={location.search} />;
  if (path === INTEGRITY_PATH) return <IntegritySignalsPage search={location.search} />;
  if (path === SIGN_IN_PATH) return <SignInPage search={location.search} />;
  if (path === USERS_PATH) return <UsersPage />;
  if (path === AUDIT_PATH) return <AuditLogPage search={location.search} />;
  const report = /^\/bao-cao\/([^/]+)$/.exec(path);
  if (report?.[1] !== undefined) {
    const code = decodeURIComponent(report[1]);
    return <UnitReportPage key={code} agencyCode={code} search={location.search} />;
  }
  const detail = /^\/ho-so\/([^/]+)$/.exec(path);
  if (detail?.[1] !== undefined) {
    // A key per dossier: moving between dossiers starts a fresh page, not a half-updated one.
    const ref = decodeURIComponent(detail[1]);
    return <DossierDetailPage key={ref} dossierRef={ref} />;
  }
  return <NotFoundPage />;
}

/** Whether `location` is the sign-in page (the one page shown without a session). */
function isSignInPage(location: Location): boolean {
  return location.path.replace(/\/+$/, '') === SIGN_IN_PATH;
}

function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  const { session } = useSession();
  // The redirect from / is part of the first load, not a page change.
  const previousPath = useRef(location.path === '/' ? HOME_PATH : location.path);
  const signedOut = session?.signedIn === false && !isSignInPage(location);

  useEffect(() => {
    if (location.path === '/' || location.path === '') {
      navigate(`${HOME_PATH}${location.search}`, { replace: true });
      return;
    }
    // Signed out (never signed in, or the session ended): sign in first, then come back here.
    if (signedOut) navigate(signInHref(location.path, location.search), { replace: true });
  }, [location, signedOut]);

  useEffect(() => {
    // After an in-app page change, start at the top and move focus to the new page's title,
    // as a full page load would (screen readers announce it).
    if (previousPath.current === location.path) return;
    previousPath.current = location.path;
    window.scrollTo(0, 0);
    document.getElementById('page-title')?.focus();
  }, [location.path]);

  // Until the session is known, and while leaving for the sign-in page, no page: its requests
  // would only fail, and flash an error before the redirect.
  const showPage = location.path !== '/' && (isSignInPage(location) || session?.signedIn === true);

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <Header location={location} />
      <main id="main" class="container" tabIndex={-1}>
        {showPage ? <Page location={location} /> : null}
      </main>
    </>
  );
}
