import { createRoute, z } from '@hono/zod-openapi';
import { emptyActionSchema, erasureResultSchema, organizationSchema } from '@sisi/domain';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';
import { adminScope } from '../services/admin-scope.ts';
import { erasePerson } from '../services/erasure.ts';
import { leaveNetwork } from '../services/leaving.ts';

const organizationOut = named(organizationSchema, 'Organization');
const erasureOut = named(erasureResultSchema, 'Erasure');
const emptyBody = named(emptyActionSchema, 'EmptyAction');
const ROLES =
  'The operator and the network’s admins; a coordinator or member of the network → 403; anyone of another network → 404.';

const departure = createRoute({
  method: 'post',
  path: '/networks/{networkId}/organizations/{organizationId}/departure',
  tags: ['Organizations'],
  summary: 'A member organization leaves the network: archived, its people deactivated',
  description: `Body \`{}\`. The organization becomes \`status: archived\` with \`leftAt\`. Its people are deactivated (their tokens refused at once; no last-coordinator rule here). A mentorship it mentors, or whose only mentee it is, ends as premature with reason "organizational change"; in a one-to-many mentorship where it is one of several mentees, only it leaves (\`departedMentees\`) and the mentorship goes on. Scheduled mail then goes to the remaining active people only. Recorded in the audit trail as \`organization.left\`. Leaving again → 409. ${ROLES}`,
  security: bearer,
  request: {
    params: z.object({ networkId: z.string().max(100), organizationId: z.string().max(100) }),
    body: jsonBody(emptyBody),
  },
  responses: {
    200: jsonResponse(organizationOut, 'The organization, archived'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const departureHandler: Handler<typeof departure> = async (c) => {
  const scope = await adminScope(c);
  return c.json(await leaveNetwork(c, scope, c.req.valid('param').organizationId), 200);
};

const erasure = createRoute({
  method: 'post',
  path: '/networks/{networkId}/people/{personId}/erasure',
  tags: ['Organizations'],
  summary: "Erase a person's name and contact details on request; what they filed stays",
  description: `Body \`{}\`. A person of one of the network's organizations, or one of its admins. Their name and email are removed from everything Sisi keeps (the network's data, the directory, invitations, password resets, idempotency replies, queued and kept mail); reports and forms they filed stay, attributed to "a former coordinator of …" (or member, or network admin). Their access ends at once and the sign-in account is deleted. Recorded as \`person.erased\` (ids only). Erasing again answers 200 with the first erasure's time and changes nothing. 422: erasing oneself, the last active coordinator of an organization still in the network (hand over or deactivate first), the network's last active admin. ${ROLES}`,
  security: bearer,
  request: {
    params: z.object({ networkId: z.string().max(100), personId: z.string().max(100) }),
    body: jsonBody(emptyBody),
  },
  responses: {
    200: jsonResponse(erasureOut, 'The person is erased'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const erasureHandler: Handler<typeof erasure> = async (c) => {
  const scope = await adminScope(c);
  return c.json(await erasePerson(c, scope, c.req.valid('param').personId), 200);
};

/** An organization leaving its network and a person's erasure (ADR 0034). */
export const leavingRoutes = () =>
  router().openapi(departure, departureHandler).openapi(erasure, erasureHandler);
