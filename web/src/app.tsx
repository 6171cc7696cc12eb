import {
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem } from './api/client.ts';
import { meQuery } from './api/queries.ts';
import { LanguageSwitcher } from './components/language-switcher.tsx';
import { type NavLink, NavLinks } from './components/nav-links.tsx';
import { LoadError, Loading, noteLocation, Page } from './components/page.tsx';
import { ScreenBoundary } from './components/screen-boundary.tsx';
import { LoginPage } from './features/auth/login.tsx';
import { homePath } from './home.ts';
import { namespacesReady, useLanguage, useT } from './i18n/index.ts';
import { followProfileLanguage } from './language.ts';
import {
  forgetSession,
  getToken,
  refreshToken,
  restoreSession,
  useRestored,
  useToken,
} from './session.ts';

/**
 * Every screen but sign-in is its own chunk, so the sign-in page loads only what it needs. A
 * screen's chunk asks for its catalogs' namespaces as it loads; the screen shows once they
 * are there, in the reader's language.
 */
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy<ComponentType>(async () => {
    const module = await load();
    await namespacesReady();
    return { default: module[name] };
  });

const AcceptInvitationPage = screen(
  () => import('./features/auth/accept-invitation.tsx'),
  'AcceptInvitationPage',
);
const AccountPage = screen(() => import('./features/auth/account.tsx'), 'AccountPage');
const AskPasswordResetPage = screen(
  () => import('./features/auth/password-reset.tsx'),
  'AskPasswordResetPage',
);
const ChoosePasswordPage = screen(
  () => import('./features/auth/password-reset.tsx'),
  'ChoosePasswordPage',
);
const WhatNeedsMePage = screen(
  () => import('./features/home/what-needs-me.tsx'),
  'WhatNeedsMePage',
);
const NetworksPage = screen(() => import('./features/networks/networks.tsx'), 'NetworksPage');
const NetworkOverviewPage = screen(
  () => import('./features/networks/network-overview.tsx'),
  'NetworkOverviewPage',
);
const NetworkAdminsPage = screen(
  () => import('./features/network-admins/network-admins.tsx'),
  'NetworkAdminsPage',
);
const OutboxPage = screen(() => import('./features/outbox/outbox.tsx'), 'OutboxPage');
const AuditTrailPage = screen(() => import('./features/audit/audit-trail.tsx'), 'AuditTrailPage');
const DonorSummaryPage = screen(
  () => import('./features/donor/donor-summary.tsx'),
  'DonorSummaryPage',
);
const OrganizationsPage = screen(
  () => import('./features/organizations/organizations.tsx'),
  'OrganizationsPage',
);
const OrganizationCreatePage = screen(
  () => import('./features/organizations/organization-form.tsx'),
  'OrganizationCreatePage',
);
const OrganizationEditPage = screen(
  () => import('./features/organizations/organization-form.tsx'),
  'OrganizationEditPage',
);
const OrganizationPage = screen(
  () => import('./features/organizations/organization.tsx'),
  'OrganizationPage',
);
const MentorshipsPage = screen(
  () => import('./features/mentorships/mentorships.tsx'),
  'MentorshipsPage',
);
const MentorshipNewPage = screen(
  () => import('./features/mentorships/mentorship-new.tsx'),
  'MentorshipNewPage',
);
const MentorshipPage = screen(
  () => import('./features/mentorships/mentorship.tsx'),
  'MentorshipPage',
);
const DecisionMatrixPage = screen(
  () => import('./features/mentorships/decision-matrix.tsx'),
  'DecisionMatrixPage',
);
const MentoringPlanPage = screen(
  () => import('./features/mentorships/mentoring-plan.tsx'),
  'MentoringPlanPage',
);
const OrientationPage = screen(
  () => import('./features/mentorships/orientation.tsx'),
  'OrientationPage',
);
const GatheringsPage = screen(
  () => import('./features/mentorships/gatherings.tsx'),
  'GatheringsPage',
);
const ClosurePage = screen(() => import('./features/mentorships/closure.tsx'), 'ClosurePage');
const QuarterlyReportPage = screen(
  () => import('./features/reviews/quarterly-report.tsx'),
  'QuarterlyReportPage',
);
const CapacityPage = screen(() => import('./features/organizations/capacity.tsx'), 'CapacityPage');
const SummaryReportPage = screen(
  () => import('./features/monitoring/summary-report.tsx'),
  'SummaryReportPage',
);
const ProgressPage = screen(() => import('./features/monitoring/progress.tsx'), 'ProgressPage');
const MyFollowUpsPage = screen(
  () => import('./features/monitoring/follow-ups.tsx'),
  'MyFollowUpsPage',
);
const SummaryReportPrintPage = screen(
  () => import('./features/monitoring/print-forms.tsx'),
  'SummaryReportPrintPage',
);
const QuarterlyReportPrintPage = screen(
  () => import('./features/monitoring/print-forms.tsx'),
  'QuarterlyReportPrintPage',
);
const BlankSummaryReportPage = screen(
  () => import('./features/monitoring/print-forms.tsx'),
  'BlankSummaryReportPage',
);
const BlankQuarterlyReportPage = screen(
  () => import('./features/monitoring/print-forms.tsx'),
  'BlankQuarterlyReportPage',
);
const CoachingGroupsPage = screen(
  () => import('./features/coaching-groups/coaching-groups.tsx'),
  'CoachingGroupsPage',
);
const CoachingGroupNewPage = screen(
  () => import('./features/coaching-groups/coaching-groups.tsx'),
  'CoachingGroupNewPage',
);
const CoachingGroupPage = screen(
  () => import('./features/coaching-groups/coaching-group.tsx'),
  'CoachingGroupPage',
);
const SessionRunnerPage = screen(
  () => import('./features/coaching-groups/session-runner.tsx'),
  'SessionRunnerPage',
);
const WorksheetPage = screen(
  () => import('./features/coaching-groups/coaching-private.tsx'),
  'WorksheetPage',
);
const LearningLogPage = screen(
  () => import('./features/coaching-groups/coaching-private.tsx'),
  'LearningLogPage',
);
const SisiKwaSisiPage = screen(
  () => import('./features/sisi-kwa-sisi/sisi-kwa-sisi.tsx'),
  'SisiKwaSisiPage',
);
const SisiKwaSisiCoachesPage = screen(
  () => import('./features/sisi-kwa-sisi/sisi-kwa-sisi-coaches.tsx'),
  'SisiKwaSisiCoachesPage',
);
const SisiKwaSisiNewPage = screen(
  () => import('./features/sisi-kwa-sisi/sisi-kwa-sisi-new.tsx'),
  'SisiKwaSisiNewPage',
);
const SisiKwaSisiCoachingPage = screen(
  () => import('./features/sisi-kwa-sisi/sisi-kwa-sisi-coaching.tsx'),
  'SisiKwaSisiCoachingPage',
);
const SisiKwaSisiLibraryPage = screen(
  () => import('./features/sisi-kwa-sisi/sisi-kwa-sisi-library.tsx'),
  'SisiKwaSisiLibraryPage',
);
const ReflectionPage = screen(() => import('./features/reviews/reflection.tsx'), 'ReflectionPage');
const EvaluationPage = screen(() => import('./features/reviews/evaluation.tsx'), 'EvaluationPage');
const CoachingLandingPage = screen(
  () => import('./features/coaching-overview/coaching-overview.tsx'),
  'CoachingLandingPage',
);
const CoachingOverviewPage = screen(
  () => import('./features/coaching-overview/coaching-overview.tsx'),
  'CoachingOverviewPage',
);
const ProgramsPage = screen(
  () => import('./features/coaching-programs/coaching-programs.tsx'),
  'ProgramsPage',
);
const ProgramNewPage = screen(
  () => import('./features/coaching-programs/coaching-program-new.tsx'),
  'ProgramNewPage',
);
const ProgramPage = screen(
  () => import('./features/coaching-programs/coaching-program.tsx'),
  'ProgramPage',
);
const ProgramConsentPage = screen(
  () => import('./features/coaching-programs/coaching-program-consent.tsx'),
  'ConsentPage',
);
const ProgramPairsPage = screen(
  () => import('./features/coaching-programs/coaching-program-pairs.tsx'),
  'PairsPage',
);
const ProgramPairSessionsPage = screen(
  () => import('./features/coaching-programs/coaching-program-pair-sessions.tsx'),
  'PairSessionsPage',
);
const ProgramSelfAssessmentPage = screen(
  () => import('./features/coaching-programs/coaching-program-feedback.tsx'),
  'SelfAssessmentPage',
);
const ProgramSurveyPage = screen(
  () => import('./features/coaching-programs/coaching-program-feedback.tsx'),
  'SurveyPage',
);

/**
 * Signs out on this device (the kept sign-in too). `ended`: the server ended the session (a
 * 401), so sign-in says why.
 */
function signOut(queryClient: QueryClient, ended = false) {
  forgetSession();
  queryClient.clear();
  navigate('/login', { replace: true, state: ended ? { sessionEnded: true } : null });
}

/**
 * A 401 on a call made with a token: the bearer token expired, or the person's access ended
 * (deactivated, signed out everywhere). The kept sign-in is exchanged once for a new token
 * and what failed is asked again; if that is refused too, back to sign-in, saying so.
 */
function onApiError(error: unknown) {
  if (error instanceof ApiProblem && error.status === 401 && getToken()) {
    void refreshToken().then((ok) => {
      if (ok) void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
      else signOut(queryClient, true);
    });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // client errors will not change on retry; server and network errors may
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}

function Shell() {
  const t = useT();
  const language = useLanguage();
  const [location] = useLocation();
  noteLocation(location);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <ScreenBoundary location={location}>
          <Suspense fallback={<Loading />}>
            <Routes />
          </Suspense>
        </ScreenBoundary>
      </main>
      {language === 'en' ? null : (
        <footer className="translation-note">
          <p>{t('app.toolkitTranslation')}</p>
        </footer>
      )}
    </>
  );
}

function Routes() {
  return (
    <Switch>
      <Route path="/login" component={LoginPage} />
      <Route path="/invitations/:token" component={AcceptInvitationPage} />
      <Route path="/password-reset" component={AskPasswordResetPage} />
      <Route path="/password-reset/:token" component={ChoosePasswordPage} />
      <Route path="/">
        <Authenticated>
          <Home />
        </Authenticated>
      </Route>
      <Route path="/welcome">
        <Authenticated>
          <Welcome />
        </Authenticated>
      </Route>
      <Route path="/summary">
        <Authenticated>
          <DonorSummaryPage />
        </Authenticated>
      </Route>
      <Route path="/networks">
        <Authenticated>
          <NetworksPage />
        </Authenticated>
      </Route>
      <Route path="/outbox">
        <Authenticated>
          <OutboxPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/home">
        <Authenticated>
          <WhatNeedsMePage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/overview">
        <Authenticated>
          <NetworkOverviewPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/admins">
        <Authenticated>
          <NetworkAdminsPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/organizations">
        <Authenticated>
          <OrganizationsPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/organizations/new">
        <Authenticated>
          <OrganizationCreatePage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/organizations/:organizationId">
        <Authenticated>
          <OrganizationPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/organizations/:organizationId/edit">
        <Authenticated>
          <OrganizationEditPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/organizations/:organizationId/capacity">
        <Authenticated>
          <CapacityPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships">
        <Authenticated>
          <MentorshipsPage />
        </Authenticated>
      </Route>
      {/* before `:mentorshipId`, which "new" would match too */}
      <Route path="/networks/:networkId/mentorships/new">
        <Authenticated>
          <MentorshipNewPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId">
        <Authenticated>
          <MentorshipPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/approaches">
        <Authenticated>
          <DecisionMatrixPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/plan">
        <Authenticated>
          <MentoringPlanPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/orientation">
        <Authenticated>
          <OrientationPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/gatherings">
        <Authenticated>
          <GatheringsPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/closure">
        <Authenticated>
          <ClosurePage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/quarterly-reports/new">
        <Authenticated>
          <QuarterlyReportPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/quarterly-reports/:period">
        <Authenticated>
          <QuarterlyReportPrintPage />
        </Authenticated>
      </Route>
      {/* before `:reportId`, which "new" would match too */}
      <Route path="/networks/:networkId/mentorships/:mentorshipId/summary-reports/new">
        <Authenticated>
          <SummaryReportPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/summary-reports/:reportId">
        <Authenticated>
          <SummaryReportPrintPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/progress">
        <Authenticated>
          <ProgressPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/audit">
        <Authenticated>
          <AuditTrailPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/follow-up-actions">
        <Authenticated>
          <MyFollowUpsPage />
        </Authenticated>
      </Route>
      <Route path="/forms/summary-report">
        <Authenticated>
          <BlankSummaryReportPage />
        </Authenticated>
      </Route>
      <Route path="/forms/quarterly-report">
        <Authenticated>
          <BlankQuarterlyReportPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/reflection">
        <Authenticated>
          <ReflectionPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/mentorships/:mentorshipId/evaluation">
        <Authenticated>
          <EvaluationPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/sisi-kwa-sisi">
        <Authenticated>
          <SisiKwaSisiPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/sisi-kwa-sisi/coaches">
        <Authenticated>
          <SisiKwaSisiCoachesPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/sisi-kwa-sisi/new">
        <Authenticated>
          <SisiKwaSisiNewPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/sisi-kwa-sisi/coachings/:coachingId">
        <Authenticated>
          <SisiKwaSisiCoachingPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/sisi-kwa-sisi/best-practices">
        <Authenticated>
          <SisiKwaSisiLibraryPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching">
        <Authenticated>
          <CoachingLandingPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-overview">
        <Authenticated>
          <CoachingOverviewPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs">
        <Authenticated>
          <ProgramsPage />
        </Authenticated>
      </Route>
      {/* before `:programId`, which "new" would match too */}
      <Route path="/networks/:networkId/coaching-programs/new">
        <Authenticated>
          <ProgramNewPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs/:programId">
        <Authenticated>
          <ProgramPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs/:programId/consent">
        <Authenticated>
          <ProgramConsentPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs/:programId/pairs">
        <Authenticated>
          <ProgramPairsPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs/:programId/pairs/:pairId">
        <Authenticated>
          <ProgramPairSessionsPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs/:programId/self-assessment">
        <Authenticated>
          <ProgramSelfAssessmentPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-programs/:programId/survey">
        <Authenticated>
          <ProgramSurveyPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-groups">
        <Authenticated>
          <CoachingGroupsPage />
        </Authenticated>
      </Route>
      {/* before `:groupId`, which "new" would match too */}
      <Route path="/networks/:networkId/coaching-groups/new">
        <Authenticated>
          <CoachingGroupNewPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-groups/:groupId">
        <Authenticated>
          <CoachingGroupPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-groups/:groupId/worksheet">
        <Authenticated>
          <WorksheetPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/run">
        <Authenticated>
          <SessionRunnerPage />
        </Authenticated>
      </Route>
      <Route path="/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/learning-log">
        <Authenticated>
          <LearningLogPage />
        </Authenticated>
      </Route>
      <Route path="/account">
        <Authenticated>
          <AccountPage />
        </Authenticated>
      </Route>
      <Route path="/decision-matrix">
        <Authenticated>
          <DecisionMatrixPage />
        </Authenticated>
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

/**
 * Without a token, the kept sign-in is exchanged once, quietly (ADR 0042); signed-out
 * visitors go to sign-in, and come back here afterwards, query string included.
 */
function Authenticated({ children }: { children: ReactNode }) {
  const token = useToken();
  const restored = useRestored();
  const [location] = useLocation();
  const search = useSearch();
  useEffect(() => {
    if (!token) void restoreSession();
  }, [token]);
  if (!token) {
    if (!restored) return <Loading />;
    const target = search ? `${location}?${search}` : location;
    const next = target === '/' ? '' : `?next=${encodeURIComponent(target)}`;
    return <Redirect to={`/login${next}`} replace />;
  }
  return children;
}

function Home() {
  const t = useT();
  const me = useQuery(meQuery());
  if (me.data) return <Redirect to={homePath(me.data)} replace />;
  if (me.isError) {
    return (
      <Page title={t('errors.loadFailed')}>
        <LoadError error={me.error} retry={() => void me.refetch()} />
      </Page>
    );
  }
  return <Loading />;
}

function Welcome() {
  const t = useT();
  return (
    <Page title={t('donor.title')}>
      <p>{t('donor.body')}</p>
    </Page>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

function Header() {
  const t = useT();
  const token = useToken();
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        {token ? <SignedIn /> : null}
        <LanguageSwitcher />
      </div>
    </header>
  );
}

function SignedIn() {
  const t = useT();
  const client = useQueryClient();
  const me = useQuery(meQuery());
  const user = me.data;
  // `GET /me`'s `language`, when the API carries it
  const profileLanguage = user && 'language' in user ? user.language : undefined;
  useEffect(() => {
    void followProfileLanguage(profileLanguage, client);
  }, [profileLanguage, client]);
  const links: NavLink[] = [];
  if (user) {
    if (
      user.networkId &&
      user.roles.some((r) => r === 'network-admin' || r === 'coordinator' || r === 'member')
    ) {
      links.push({ href: `/networks/${user.networkId}/home`, label: t('nav.home') });
    }
    if (user.roles.includes('operator')) {
      links.push({ href: '/networks', label: t('nav.networks') });
      links.push({ href: '/outbox', label: t('nav.outbox') });
    }
    if (user.roles.includes('operator') || user.roles.includes('donor'))
      links.push({ href: '/summary', label: t('nav.summary') });
    if (user.networkId && user.roles.includes('network-admin')) {
      links.push({
        href: `/networks/${user.networkId}/organizations`,
        label: t('nav.organizations'),
      });
      links.push({ href: `/networks/${user.networkId}/admins`, label: t('nav.networkAdmins') });
      links.push({ href: `/networks/${user.networkId}/audit`, label: t('nav.audit') });
    }
    if (user.networkId && user.organizationId) {
      links.push({
        href: `/networks/${user.networkId}/organizations/${user.organizationId}`,
        label: t('nav.myOrganization'),
      });
    }
    if (
      user.networkId &&
      user.roles.some((r) => r === 'network-admin' || r === 'coordinator' || r === 'member')
    ) {
      links.push({
        href: `/networks/${user.networkId}/mentorships`,
        label: t('nav.mentorships'),
      });
      links.push({ href: `/networks/${user.networkId}/coaching`, label: t('nav.coaching') });
      links.push({
        href: `/networks/${user.networkId}/follow-up-actions`,
        label: t('nav.myFollowUps'),
      });
    }
  }
  return (
    <>
      {links.length > 0 ? (
        <NavLinks label={t('app.mainNav')} links={links} listClassName="nav-list" />
      ) : null}
      <div className="who">
        {user ? <Link href="/account">{t('app.signedInAs', { name: user.name })}</Link> : null}
        <button type="button" onClick={() => signOut(client)}>
          {t('app.signOut')}
        </button>
      </div>
    </>
  );
}
