import { createRoute, z } from '@hono/zod-openapi';
import { emailSchema, isoDateSchema } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv, DevTools } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { requireRole } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';

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

/** The local runtime's tools (`createApp` mounts these routes only where there are some). */
function devTools(c: Context<AppEnv>): DevTools {
  const { dev } = c.var.deps;
  if (!dev) throw new Error('the dev routes are mounted without dev tools');
  return dev;
}

const setClock = createRoute({
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
});
const setClockHandler: Handler<typeof setClock> = async (c) => {
  requireRole(c, 'operator');
  const body = c.req.valid('json');
  if ((body.advanceDays === undefined) === (body.to === undefined)) {
    throw new ValidationError([{ path: 'advanceDays', code: 'one_needed' }]);
  }
  return c.json(await devTools(c).setClock(body), 200);
};

const listOutbox = createRoute({
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
});
const listOutboxHandler: Handler<typeof listOutbox> = async (c) => {
  requireRole(c, 'operator');
  return c.json({ items: await devTools(c).listOutbox(c.req.valid('query').to) }, 200);
};

/** Local runtime only: the virtual clock and the outbox. Operator token required. */
export const devRoutes = () =>
  router().openapi(setClock, setClockHandler).openapi(listOutbox, listOutboxHandler);
