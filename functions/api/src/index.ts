/**
 * The Sisi HTTP API: `createApp(deps)` plus the ports a runtime must fill.
 *
 * @example
 * import { createApp } from '@sisi/api';
 * serve({ fetch: createApp(deps).fetch, port: 3000 });
 */

/** The mail templates live in `@sisi/domain` now; re-exported for existing importers. */
export { invitationMail, mailT } from '@sisi/domain';
export { API_BASE, type AppType, createApp } from './app.ts';
export { type ClientAddressSource, clientAddress } from './client-address.ts';
export type { ApiDeps, AppEnv, DevTools } from './deps.ts';
export {
  ApiError,
  ConflictProblem,
  ForbiddenError,
  GoneError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from './errors.ts';
export { newId, newNetworkId } from './ids.ts';
export { createJwtVerifier } from './jwt-verifier.ts';
export {
  accountDelaySeconds,
  LOGIN_LIMITS,
  type LoginAttemptStore,
  limitedSignIn,
} from './login-limiter.ts';
export {
  IdempotencyInProgressError,
  IdempotencyMismatchError,
  requestHash,
} from './middleware/idempotency.ts';
export { MIN_PASSWORD_SCORE, weakPasswordReason, withStrongPassword } from './password-policy.ts';
export {
  accessRefusal,
  createPersonAccess,
  PERSON_ACCESS_TTL_MS,
  type PersonAccess,
  type PersonAccessRecord,
} from './person-access.ts';
export type {
  Clock,
  IdentityProvider,
  IdentityUser,
  Mailer,
  MailMessage,
  Provisioner,
  SignedIn,
  TokenClaims,
  TokenVerifier,
} from './ports.ts';
export {
  type BuildOutcome,
  type BuildStateChangeEvent,
  buildOutcome,
  recordBuildOutcome,
} from './provisioning-events.ts';
export { PASSWORD_RESET_LIMITS } from './services/password-reset.ts';
export {
  deactivatePerson,
  type PersonStatusDeps,
  reactivatePerson,
  signOutEverywhere,
} from './services/person-status.ts';
