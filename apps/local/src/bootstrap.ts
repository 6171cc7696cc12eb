import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newId } from '@sisi/api';
import type { UserRecord } from '@sisi/data';
import type { LocalDeps } from './local-deps.ts';

export interface OperatorResult {
  /** Set when this start made the operator from no settings: show it once. */
  created?: { email: string; password: string; demo: boolean };
  /** Where a generated password is kept (mode 0600), when the runtime was given a file. */
  credentialsFile?: string;
}

/** Writes a file of the data folder only its owner can read (passwords of a local runtime). */
export async function writePrivateJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value, null, 2), { mode: 0o600 });
}

/**
 * Makes the platform operator when none exists: from `SISI_ADMIN_EMAIL`/`_PASSWORD`, or
 * a demo operator with a random password, printed at start and kept in `credentialsFile`
 * (a file of the data folder, readable by its owner only) so that it is not lost.
 */
export async function ensureOperator(
  local: LocalDeps,
  settings: { adminEmail?: string; adminPassword?: string },
  credentialsFile?: string,
): Promise<OperatorResult> {
  const { platform, deps } = local;
  const kept = credentialsFile && existsSync(credentialsFile) ? { credentialsFile } : {};
  if (await platform.anyUserWithRole('operator')) return kept;
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
  if (demo && credentialsFile) {
    await writePrivateJson(credentialsFile, { email, password });
    return { created: { email, password, demo }, credentialsFile };
  }
  return { created: { email, password, demo } };
}
