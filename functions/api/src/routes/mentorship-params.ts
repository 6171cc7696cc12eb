import { z } from '@hono/zod-openapi';

/** `{networkId}`: the caller's network (another one answers 404, see `network(c)`). */
export const networkParam = z.object({ networkId: z.string().max(100) });

/** `{networkId}/mentorships/{mentorshipId}`: see `visibleMentorship(c)`. */
export const mentorshipParam = networkParam.extend({ mentorshipId: z.string().max(100) });

/**
 * The version the client read, for optimistic locking; absent or 0 when it saves the first
 * one. The domain schemas say `version ≥ 1` (an edit); the first save needs 0 too.
 */
export const readVersion = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe('the version read; absent or 0 for the first save (a stale one → 409)');
