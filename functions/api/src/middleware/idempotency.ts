import { createHash, randomUUID } from 'node:crypto';
import type { PlatformRepository } from '@sisi/data';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError, ValidationError } from '../errors.ts';
import type { Clock } from '../ports.ts';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
/** The writes a client may retry with a key: creates, versioned saves, changes, deletes. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A kept answer must fit a DynamoDB item (400 kB) with room to spare. */
const MAX_KEPT_ANSWER = 300_000;

/** A retry with a key whose first request is still running after the wait: try later. */
export class IdempotencyInProgressError extends ApiError {
  override name = 'IdempotencyInProgressError';
  constructor() {
    super(
      409,
      'Idempotency in progress',
      'a request with this Idempotency-Key is still being processed; retry it later',
    );
    this.wording = { key: 'problem_idempotency_in_progress' };
  }
}

/** The same key sent with another request (method, path or body). */
export class IdempotencyMismatchError extends ApiError {
  override name = 'IdempotencyMismatchError';
  constructor() {
    super(
      422,
      'Idempotency key reused',
      'this Idempotency-Key was used for a different request; use a new key for a new request',
      { errors: [{ path: 'Idempotency-Key', code: 'idempotency_mismatch' }] },
    );
    this.wording = { key: 'problem_idempotency_mismatch' };
  }
}

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first request's answer (ms). Default 5,000. */
  waitMs?: number;
  /** A claim older than this is taken to be abandoned by a request that died (ms). Default 60,000. */
  leaseMs?: number;
}

/** sha256 of what makes two requests the same one: method, path with query, body bytes. */
export function requestHash(method: string, pathAndQuery: string, body: Uint8Array): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${pathAndQuery}\n`)
    .update(body)
    .digest('base64url');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `Idempotency-Key` on writes (ADR 0022). The first request with a key claims it with a
 * conditional write before doing its work; a duplicate arriving meanwhile waits (up to
 * `waitMs`) and answers the first one's result, or 409 `…/idempotency-in-progress` if it is
 * still running. A 2xx answer is kept 30 days and replayed to every retry
 * (`idempotent-replayed: true`); any other answer releases the claim, so a retry does the
 * work. The same key with another method, path or body is a 422. Keys are per caller and
 * path; anonymous requests are never kept.
 */
export function idempotent(
  platform: PlatformRepository,
  clock: Clock,
  options: IdempotencyOptions = {},
): MiddlewareHandler<AppEnv> {
  const waitMs = options.waitMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 60_000;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    // Only a signed-in caller's writes are kept: an anonymous answer (a sign-in's token)
    // must never be replayed to whoever sends the same key.
    const tenant = c.get('tenant') as AppEnv['Variables']['tenant'] | undefined;
    if (!key || !WRITES.has(c.req.method) || !tenant) return next();
    if (!KEY.test(key)) {
      throw new ValidationError([
        {
          path: 'Idempotency-Key',
          code: 'invalid_format',
          params: { format: 'idempotency_key' },
        },
      ]);
    }
    const url = new URL(c.req.url);
    const scope = `${tenant.userId}#${url.pathname}`;
    // a clone, so whoever reads the body next reads it whole
    const body = new Uint8Array(await c.req.raw.clone().arrayBuffer());
    const hash = requestHash(c.req.method, `${url.pathname}${url.search}`, body);
    const claimId = randomUUID();

    const replay = (status: number, text: string, contentType: string) =>
      new Response(status === 204 || status === 205 ? null : text, {
        status,
        headers: { 'content-type': contentType, 'idempotent-replayed': 'true' },
      });

    const deadline = Date.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      const now = clock.now();
      const claimed = await platform.claimIdempotency(scope, key, {
        requestHash: hash,
        claimId,
        at: now.toISOString(),
        staleBefore: new Date(now.getTime() - leaseMs).toISOString(),
      });
      if (claimed) break;
      const kept = await platform.getIdempotency(scope, key);
      // released between the claim and the read: claim again
      if (!kept) continue;
      if (kept.requestHash !== hash) throw new IdempotencyMismatchError();
      if (kept.state === 'done') {
        return replay(kept.status ?? 200, kept.body ?? '', kept.contentType ?? 'application/json');
      }
      if (Date.now() >= deadline) throw new IdempotencyInProgressError();
      // small, growing pauses: most first requests answer within tens of milliseconds
      await pause(Math.min(25 * 1.5 ** attempt, 250, Math.max(deadline - Date.now(), 1)));
    }

    try {
      await next();
    } catch (error) {
      await platform.releaseIdempotency(scope, key, claimId);
      throw error;
    }
    // a handler's thrown error may also have become a response already (app.onError)
    const res = c.res;
    if (res.status < 200 || res.status >= 300) {
      await platform.releaseIdempotency(scope, key, claimId);
      return;
    }
    const text = await res.clone().text();
    if (text.length > MAX_KEPT_ANSWER) {
      // too big to keep: the work is done, but a retry cannot be answered from the record
      console.warn(`idempotency: answer of ${url.pathname} too large to keep (${text.length})`);
      await platform.releaseIdempotency(scope, key, claimId);
      return;
    }
    await platform.completeIdempotency(scope, key, claimId, {
      status: res.status,
      body: text,
      contentType: res.headers.get('content-type') ?? 'application/json',
      at: clock.now().toISOString(),
    });
  };
}
