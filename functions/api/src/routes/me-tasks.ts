import { createRoute, z } from '@hono/zod-openapi';
import { pageQuerySchema } from '@sisi/domain';
import type { NetworkTenant } from '../middleware/auth.ts';
import { bearer, jsonResponse, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';
import { pageOfTasks, TASK_SOURCE_LIMIT, taskKinds, tasksOf } from '../services/tasks.ts';

const NETWORK_ROLES = ['network-admin', 'coordinator', 'member'] as const;

const taskOut = z
  .object({
    id: z.string().openapi({ description: 'Unique among the caller’s tasks of its kind' }),
    kind: z.enum(taskKinds),
    dueDate: z
      .string()
      .nullable()
      .openapi({ description: '`YYYY-MM-DD`; `null` when nothing dates it (listed last)' }),
    overdue: z
      .boolean()
      .openapi({ description: 'Its due date is before today (UTC, on the runtime’s clock)' }),
    link: z.string().openapi({ description: 'The path of the form to fill, in the app' }),
    mentorshipId: z.string().optional(),
    period: z.number().int().optional().openapi({ description: 'A quarterly report’s period' }),
    state: z
      .enum(['requested', 'reminded', 'overdue'])
      .optional()
      .openapi({ description: 'A review’s state (quarterly report, reflection, evaluation)' }),
    about: z.string().openapi({
      description:
        'The names of what it is about: the mentorship’s organizations (mentor first), a group, a program and nominee',
    }),
    detail: z.string().optional().openapi({ description: 'A follow-up action’s words' }),
  })
  .openapi('Task');
const taskPage = z
  .object({ items: z.array(taskOut), cursor: z.string().optional() })
  .openapi('Tasks');

const listTasks = createRoute({
  method: 'get',
  path: '/me/tasks',
  tags: ['Identity'],
  summary: 'What the signed-in person must do, soonest first ("What needs me")',
  description: `Every kind is read from the indexes its feature keeps, never a Scan, in the caller's network only. \`quarterly-report\`, \`reflection\`, \`evaluation\`: the reviews \`GET /networks/{networkId}/reviews/due\` lists (a network admin: overdue quarterly reports). \`follow-up-action\`: the caller's open actions of mentorships not ended. \`agreement\`: a coordinator's mentorships in their first stage whose rights and responsibilities their organization has neither accepted nor declined. \`coach-willingness\`: the caller is in the pool of coaches and has not said whether they are willing. \`reference\`: a nomination naming the caller as a referee, not confirmed. \`nomination\`: a coordinator's programs' nominations whose reference is in, to accept. \`group-spirit\`: a group's spirit the caller (a member) has not agreed to at its current version. \`group-session\`: the caller's groups' sessions from today on, not yet held. Soonest first, undated items (\`dueDate: null\`) last, then by kind and id. Each source is read up to its ${TASK_SOURCE_LIMIT} newest items. The operator has no tasks (an empty list); a donor is refused, as on every route but \`/me\` and the summaries.`,
  security: bearer,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonResponse(taskPage, 'A page of the caller’s tasks'),
    ...problems(400, 401, 403),
  },
});
const listTasksHandler: Handler<typeof listTasks> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const tenant = c.get('tenant');
  const deps = c.var.deps;
  if (!tenant.networkId || !NETWORK_ROLES.some((r) => tenant.roles.includes(r))) {
    // the cursor is still checked: a bad one is a 400 for everyone
    return c.json(pageOfTasks([], limit, cursor), 200);
  }
  const networkTenant = tenant as NetworkTenant;
  const tasks = await tasksOf(deps.store(networkTenant), networkTenant, deps.clock.now());
  return c.json(pageOfTasks(tasks, limit, cursor), 200);
};

/** `GET /me/tasks`: one list of what the signed-in person must do ("What needs me"). */
export const meTaskRoutes = () => router().openapi(listTasks, listTasksHandler);
