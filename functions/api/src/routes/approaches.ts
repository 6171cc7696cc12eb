import { createRoute, z } from '@hono/zod-openapi';
import { approachIdSchema, approachScenarios, toolkitIn } from '@sisi/domain';
import { readerLanguage } from '../accept-language.ts';
import { bearer, jsonResponse, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';

const approachOut = z
  .object({
    id: approachIdSchema,
    name: z.string().describe('the section heading of 001'),
    definition: z.string(),
    whenToUse: z.array(z.string()).describe('the conditions 001 lists, in its order'),
    virtual: z.enum(['yes', 'no', 'partly']).describe('"Can it be done virtually?", as a value'),
    virtualNote: z.string().describe('the source’s full answer to "Can it be done virtually?"'),
    scenarios: z.array(z.enum(approachScenarios)),
    gathering: z
      .boolean()
      .describe('a face-to-face gathering: scheduling one needs the safety and security check'),
  })
  .openapi('Approach');
const approachList = z.object({ items: z.array(approachOut) }).openapi('ApproachList');

/** The nine approaches in `lng` as plain JSON (the domain keeps them as read-only constants). */
const itemsIn = (lng: string) =>
  toolkitIn('toolkit-mentorship', lng).approaches.map((a) => ({
    ...a,
    whenToUse: [...a.whenToUse],
    scenarios: [...a.scenarios],
  }));

const listApproaches = createRoute({
  method: 'get',
  path: '/approaches',
  tags: ['Mentorships'],
  summary: 'The nine mentoring approaches: definition, when to use, whether virtual, scenarios',
  description:
    'Everyone signed in but a donor (403: donors read summaries only). The texts are in the language `Accept-Language` asks for (en, fr, es or pt; else English), which `Content-Language` names; ids and codes are the same in every language.',
  security: bearer,
  responses: {
    200: jsonResponse(approachList, 'The nine approaches'),
    ...problems(401, 403),
  },
});
const listApproachesHandler: Handler<typeof listApproaches> = (c) =>
  c.json({ items: itemsIn(readerLanguage(c)) }, 200);

/** 001 pp.19-30: the nine mentoring approaches, for the SPA's wizard and plan editor. */
export const approachRoutes = () => router().openapi(listApproaches, listApproachesHandler);
