import { randomBytes } from 'node:crypto';
import { newId } from '@sisi/api';
import type { UserRecord } from '@sisi/data';
import type { LocalDeps } from './local-deps.ts';

export interface OperatorResult {
  /** Set when this start made the operator from no settings: show it once. */
  created?: { email: string; password: string; demo: boolean };
}

/**
 * Makes the platform operator when none exists: from `SISI_ADMIN_EMAIL`/`_PASSWORD`, or
 * a demo operator with a random password that is printed once.
 */
export async function ensureOperator(
  local: LocalDeps,
  settings: { adminEmail?: string; adminPassword?: string },
): Promise<OperatorResult> {
  const { platform, deps } = local;
  if (await platform.anyUserWithRole('operator')) return {};
  const demo = !settings.adminEmail;
  const email = settings.adminEmail ?? 'operator@sisi.local';
  const password = settings.adminPassword ?? randomBytes(12).toString('base64url');
  const now = deps.clock.now().toISOString();
  const user: UserRecord = {
    id: newId(),
    email,
    name: demo ? 'Demo operator' : 'Platform operator',
    roles: ['operator'],
    status: 'active',
    createdAt: now,
    activatedAt: now,
  };
  await platform.transact(platform.createUserOps(user));
  await deps.identity.setPassword(user, password);
  return { created: { email, password, demo } };
}
