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

/** A `next` path from the query string, if it is one of ours (never another origin). */
export function safeNext(search: string): string | undefined {
  const next = new URLSearchParams(search).get('next');
  if (!next || !/^\/(?![/\\])/.test(next) || next.startsWith('/login')) {
    return undefined;
  }
  return next;
}
