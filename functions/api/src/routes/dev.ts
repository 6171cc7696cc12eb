import { createRoute, z } from '@hono/zod-openapi';
import { emailSchema, isoDateSchema } from '@sisi/domain';
import type { DevTools } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, problems, router } from '../openapi.ts';

const clockBody = z
  .object({
    advanceDays: z.number().int().min(0).max(3660).optional(),
    to: z.union([isoDateSchema, z.iso.datetime()]).optional(),
  })
  .strict();

const outboxItem = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: z.string(),
});

/** Local runtime only: the virtual clock and the outbox. Operator token required. */
export function devRoutes(dev: DevTools) {
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/dev/clock',
        tags: ['Local runtime'],
        summary: 'Move the virtual clock forward (answers after every step now due has run)',
        security: bearer,
        request: { body: jsonBody(clockBody) },
        responses: {
          200: jsonResponse(z.object({ now: z.string() }), 'The new time'),
          ...problems(400, 401, 403),
        },
      }),
      async (c) => {
        requireRole(c, 'operator');
        const body = c.req.valid('json');
        if ((body.advanceDays === undefined) === (body.to === undefined)) {
          throw new ValidationError([
            { path: 'advanceDays', message: 'give either advanceDays or to' },
          ]);
        }
        return c.json(await dev.setClock(body), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/dev/outbox',
        tags: ['Local runtime'],
        summary: 'Mail the local runtime sent, newest first',
        security: bearer,
        request: { query: z.object({ to: emailSchema.optional() }) },
        responses: {
          200: jsonResponse(z.object({ items: z.array(outboxItem) }), 'Sent mail'),
          ...problems(400, 401, 403),
        },
      }),
      async (c) => {
        requireRole(c, 'operator');
        return c.json({ items: await dev.listOutbox(c.req.valid('query').to) }, 200);
      },
    );
}
