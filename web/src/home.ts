import type { User } from '@sisi/domain';

/** Where a person lands after signing in, by their strongest role. */
export function homePath(user: Pick<User, 'roles' | 'networkId' | 'organizationId'>): string {
  const { roles, networkId, organizationId } = user;
  if (roles.includes('operator')) return '/networks';
  if (roles.includes('donor') && !networkId) return '/summary';
  // a network's people land on what needs them ("What needs me")
  if (networkId && (roles.includes('network-admin') || organizationId)) {
    return `/networks/${networkId}/home`;
  }
  return '/welcome';
}

/**
 * A `next` target from the query string (path and query), if it is one of ours: a path of
 * this origin, never another origin (`//host`, `/\host`, a scheme, a control character).
 */
export function safeNext(search: string, origin = location.origin): string | undefined {
  const next = new URLSearchParams(search).get('next');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (!next || !/^\/(?![/\\])/.test(next) || /[\\\u0000-\u001f]/.test(next)) return undefined;
  const url = new URL(next, origin);
  if (url.origin !== origin || url.pathname.startsWith('/login')) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
