import { useSyncExternalStore } from 'react';

const KEY = 'sisi.token';
/** Where the kept sign-in (the HttpOnly refresh cookie) is exchanged and ended (ADR 0042). */
const SESSION = '/api/v1/auth/session';
const listeners = new Set<() => void>();
let memory: string | null = null;
/** The one quiet exchange of a page load: undefined until asked for. */
let restoring: Promise<boolean> | undefined;
let restored = false;
let inFlight: Promise<boolean> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    // Storage can be disabled (privacy settings); then the session lasts until reload.
    return memory;
  }
}

const notify = () => {
  for (const listener of listeners) listener();
};

/** The bearer token of this tab's session, or null when signed out. */
export function getToken(): string | null {
  return memory ?? read();
}

/** Seconds until the token's `exp`, or undefined if it cannot be read. */
function secondsLeft(token: string): number | undefined {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(atob(part)) as { exp?: number };
    return typeof exp === 'number' ? exp - Date.now() / 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the bearer token for this tab (sessionStorage); the sign-in itself outlives the tab
 * in the refresh cookie. A minute before the token expires it is exchanged for a new one.
 */
export function setToken(token: string | null): void {
  memory = token;
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // kept in memory only
  }
  clearTimeout(timer);
  const left = token ? secondsLeft(token) : undefined;
  if (left !== undefined) timer = setTimeout(() => void refreshToken(), (left - 60) * 1000);
  notify();
}

/**
 * Exchanges the kept sign-in (the refresh cookie) for a new bearer token: `true` when one
 * came. One exchange at a time: the cookie rotates, and a spent one would end the sign-in.
 */
export function refreshToken(): Promise<boolean> {
  inFlight ??= fetch(`${SESSION}/refresh`, { method: 'POST', credentials: 'same-origin' })
    .then(async (res) => {
      // 204: no sign-in kept on this device
      if (res.status !== 200) return false;
      setToken(((await res.json()) as { token: string }).token);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/** On a page opened without a bearer token: one quiet exchange of the kept sign-in. */
export function restoreSession(): Promise<boolean> {
  restoring ??= refreshToken().finally(() => {
    restored = true;
    notify();
  });
  return restoring;
}

/** Signs out on this device: the token forgotten, the kept sign-in ended (cookie cleared). */
export function forgetSession(): void {
  restoring ??= Promise.resolve(false);
  restored = true;
  setToken(null);
  void fetch(SESSION, { method: 'DELETE', credentials: 'same-origin', keepalive: true }).catch(
    () => undefined,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token; re-renders on sign-in and sign-out. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken);
}

/** Whether the page's quiet exchange of the kept sign-in has been tried and is over. */
export function useRestored(): boolean {
  return useSyncExternalStore(subscribe, () => restored);
}
