/**
 * The Sisi HTTP API: `createApp(deps)` plus the ports a runtime must fill.
 *
 * @example
 * import { createApp } from '@sisi/api';
 * serve({ fetch: createApp(deps).fetch, port: 3000 });
 */
export { API_BASE, type AppType, createApp } from './app.ts';
export type { ApiDeps, AppEnv, DevTools, NetworkRepositories } from './deps.ts';
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
export { mailT } from './mail/i18n.ts';
export { invitationMail } from './mail/templates.ts';
export type {
  Clock,
  IdentityProvider,
  IdentityUser,
  Mailer,
  MailMessage,
  Provisioner,
  TokenClaims,
  TokenVerifier,
} from './ports.ts';
export { createRateLimiter, type RateLimiter } from './rate-limit.ts';
