import type { PlatformRepository } from '@sisi/data';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import type { Clock } from '../ports.ts';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * `Idempotency-Key` on creates: the first successful answer is kept 24 hours and a retry
 * with the same key (same caller, same path) gets it again instead of a second create.
 */
export function idempotent(platform: PlatformRepository, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    // Only a signed-in caller's creates are kept: an anonymous answer (a sign-in's token)
    // must never be replayed to whoever sends the same key.
    const tenant = c.get('tenant') as AppEnv['Variables']['tenant'] | undefined;
    if (!key || c.req.method !== 'POST' || !tenant) return next();
    if (!KEY.test(key)) {
      throw new ValidationError([
        { path: 'Idempotency-Key', message: 'must be 8-128 letters, digits or _.:-' },
      ]);
    }
    const scope = `${tenant.userId}#${new URL(c.req.url).pathname}`;
    const previous = await platform.getIdempotency(scope, key);
    if (previous) {
      return c.json(previous.body as object, previous.status as 201, {
        'idempotent-replayed': 'true',
      });
    }
    await next();
    if (c.res.status >= 200 && c.res.status < 300) {
      const body = await c.res.clone().json();
      await platform.putIdempotency(scope, key, {
        status: c.res.status,
        body,
        createdAt: clock.now().toISOString(),
      });
    }
  };
}
