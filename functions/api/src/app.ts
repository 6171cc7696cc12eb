import { ConflictError, InvalidCursorError, ItemNotFoundError } from '@sisi/data';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { API_BASE_PATH } from './base-path.ts';
import type { ApiDeps, AppEnv } from './deps.ts';
import { API_CSP, docsPage } from './docs-page.ts';
import {
  ConflictProblem,
  ContentTooLargeError,
  NotFoundError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.ts';
import { authenticate } from './middleware/auth.ts';
import { BODY_LIMIT_BYTES, defaultBodyLimit } from './middleware/body-limit.ts';
import { donorFence } from './middleware/donor-fence.ts';
import { idempotent } from './middleware/idempotency.ts';
import { unmatched } from './middleware/unmatched.ts';
import { EDGE_RULES, router, withEdgeProblems } from './openapi.ts';
import { createPersonAccess } from './person-access.ts';
import { problemResponse } from './problem.ts';
import { approachRoutes } from './routes/approaches.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { bestPracticeRoutes } from './routes/best-practices.ts';
import { capacityRoutes } from './routes/capacity.ts';
import { coachingGroupRoutes } from './routes/coaching-groups.ts';
import { coachingOverviewRoutes } from './routes/coaching-overview.ts';
import { coachingProgramFeedbackRoutes } from './routes/coaching-program-feedback.ts';
import { coachingProgramPairRoutes } from './routes/coaching-program-pairs.ts';
import { coachingProgramRoutes } from './routes/coaching-programs.ts';
import { decisionMatrixRoutes } from './routes/decision-matrix.ts';
import { devRoutes } from './routes/dev.ts';
import { donorRoutes } from './routes/donors.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { exportRoutes } from './routes/exports.ts';
import { followUpActionRoutes } from './routes/follow-up-actions.ts';
import { gatheringRoutes } from './routes/gatherings.ts';
import { leavingRoutes } from './routes/leaving.ts';
import { meTaskRoutes } from './routes/me-tasks.ts';
import { mentorshipDocumentRoutes } from './routes/mentorship-documents.ts';
import { mentorshipRoutes } from './routes/mentorships.ts';
import { networkAdminRoutes } from './routes/network-admins.ts';
import { networkRoutes } from './routes/networks.ts';
import { organizationPeopleRoutes } from './routes/organization-people.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { passwordResetRoutes } from './routes/password-reset.ts';
import { progressRoutes } from './routes/progress.ts';
import { quarterlyReportRoutes } from './routes/quarterly-reports.ts';
import { reflectionRoutes } from './routes/reflection.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { sisiKwaSisiRoutes } from './routes/sisi-kwa-sisi.ts';
import { summaryReportRoutes } from './routes/summary-reports.ts';
import { tipsRoutes } from './routes/tips.ts';

export const API_BASE = API_BASE_PATH;

/** Paths reachable without a token (relative to the base path). */
const PUBLIC = [
  /^\/auth\/login$/,
  // the refresh cookie is the credential there (ADR 0042)
  /^\/auth\/session(\/refresh)?$/,
  /^\/invitations\/[^/]+(\/accept)?$/,
  /^\/auth\/password-reset$/,
  /^\/password-reset\/[^/]+$/,
  /^\/openapi\.json$/,
  /^\/docs$/,
  /^\/health$/,
];

function checkDeps(deps: ApiDeps): void {
  const missing = (
    [
      'platform',
      'store',
      'rollups',
      'donors',
      'clock',
      'mailer',
      'mailQueue',
      'provisioner',
      'tokens',
      'identity',
      'loginAttempts',
      'clientAddress',
      'baseUrl',
      'workflows',
      'blobs',
      'cipher',
    ] as const
  ).filter((k) => !deps[k]);
  if (missing.length) throw new Error(`createApp: missing ${missing.join(', ')}`);
}

/** How `Idempotency-Key` behaves (ADR 0022), for the OpenAPI description. */
const IDEMPOTENCY_RULES =
  'Any write may carry `Idempotency-Key` (8-128 of `A-Za-z0-9_.:-`): the first request with a key does the work and its 2xx answer is replayed for 30 days (`idempotent-replayed: true`); a duplicate sent while it runs waits up to 5 s for it, else answers 409 `https://sisi.dev/problems/idempotency-in-progress` (retry later); the same key with another method, path or body answers 422 `https://sisi.dev/problems/idempotency-key-reused`; a failed request keeps nothing.';

/**
 * The whole HTTP API as one Hono app, the same in Lambda and in the embedded runtime.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
 */
export function createApp(deps: ApiDeps) {
  checkDeps(deps);
  // one revocation cache per instance (ADR 0031); kept on `deps` (the same object, which
  // tests may patch), so whatever deactivates someone here drops this instance's copy
  deps.access ??= createPersonAccess({ read: (id) => deps.platform.getUser(id) });
  const access = deps.access;
  const api = router();
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    return next();
  });
  // no answer of the API may run anything in a browser, unless it says otherwise (/docs)
  api.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) {
      c.res.headers.set('content-security-policy', API_CSP);
    }
  });
  // before anything reads a body, and before sign-in: /auth/login is bounded too
  api.use(
    '*',
    defaultBodyLimit(() => app.routes),
  );
  api.use('*', async (c, next) => {
    const path = c.req.path.slice(API_BASE.length) || '/';
    if (PUBLIC.some((p) => p.test(path))) return next();
    return authenticate(deps.tokens, access)(c, next);
  });
  api.use('*', donorFence(API_BASE));
  api.use('*', idempotent(deps.platform, deps.clock));
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  const routes = api
    .route('/', authRoutes())
    .route('/', meTaskRoutes())
    .route('/', passwordResetRoutes())
    .route('/', networkRoutes())
    .route('/', networkAdminRoutes())
    .route('/', organizationRoutes())
    .route('/', organizationPeopleRoutes())
    .route('/', leavingRoutes())
    .route('/', mentorshipRoutes())
    .route('/', decisionMatrixRoutes())
    .route('/', approachRoutes())
    .route('/', mentorshipDocumentRoutes())
    .route('/', gatheringRoutes())
    .route('/', capacityRoutes())
    .route('/', quarterlyReportRoutes())
    .route('/', reviewRoutes())
    .route('/', summaryReportRoutes())
    .route('/', followUpActionRoutes())
    .route('/', progressRoutes())
    .route('/', tipsRoutes())
    .route('/', exportRoutes())
    .route('/', auditRoutes())
    .route('/', coachingGroupRoutes())
    .route('/', coachingProgramRoutes())
    .route('/', coachingProgramPairRoutes())
    .route('/', coachingProgramFeedbackRoutes())
    .route('/', coachingOverviewRoutes())
    .route('/', sisiKwaSisiRoutes())
    .route('/', bestPracticeRoutes())
    .route('/', reflectionRoutes())
    .route('/', evaluationRoutes())
    .route('/', donorRoutes());
  if (deps.dev) routes.route('/', devRoutes());

  api.get('/health', (c) => c.json({ ok: true }));
  api.get('/openapi.json', (c) =>
    c.json(
      withEdgeProblems(
        api.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Sisi API',
            version: '1.0.0',
            description: `Organizational peer mentoring and peer coaching for regional networks. Errors are application/problem+json (RFC 9457). ${EDGE_RULES} ${IDEMPOTENCY_RULES}`,
          },
          servers: [{ url: API_BASE }],
        }),
      ),
    ),
  );
  api.get('/docs', docsPage(`${API_BASE}/openapi.json`));

  const app = new Hono<AppEnv>().route(API_BASE, routes);
  // not chained: the fallback is no route of `AppType`
  app.all(
    `${API_BASE}/*`,
    unmatched(() => app.routes),
  );
  app.notFound((c) => problemResponse(c, new NotFoundError('route')));
  // The storage's errors become problems here, once: a handler lets them through unless it
  // means something more precise (e.g. a used invitation is 410 Gone).
  app.onError((error, c) => {
    if (error instanceof ConflictError) {
      return problemResponse(c, ConflictProblem.ofStorage(error));
    }
    if (error instanceof ItemNotFoundError) {
      return problemResponse(c, new NotFoundError(error.entity));
    }
    if (error instanceof InvalidCursorError) {
      return problemResponse(c, new ValidationError([{ path: 'cursor', code: 'invalid_cursor' }]));
    }
    if (error instanceof HTTPException && error.status === 415) {
      return problemResponse(c, new UnsupportedMediaTypeError(c.req.header('content-type')));
    }
    if (error instanceof HTTPException && error.status === 413) {
      return problemResponse(c, new ContentTooLargeError(BODY_LIMIT_BYTES));
    }
    if (error instanceof HTTPException && error.status === 400) {
      return problemResponse(c, new ValidationError([{ path: 'body', code: 'invalid_json' }]));
    }
    return problemResponse(c, error);
  });
  return app;
}

/** The API's type, for the SPA's typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
