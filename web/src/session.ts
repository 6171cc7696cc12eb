import { useSyncExternalStore } from 'react';

const KEY = 'sisi.token';
const listeners = new Set<() => void>();
let memory: string | null = null;

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    // Storage can be disabled (privacy settings); then the session lasts until reload.
    return memory;
  }
}

/** The bearer token of this tab's session, or null when signed out. */
export function getToken(): string | null {
  return memory ?? read();
}

/** Keeps the token for this tab only (sessionStorage): closing the tab signs out. */
export function setToken(token: string | null): void {
  memory = token;
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // kept in memory only
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token; re-renders on sign-in and sign-out. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken);
}
