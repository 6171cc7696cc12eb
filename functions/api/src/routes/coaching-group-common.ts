import { z } from '@hono/zod-openapi';

/** What the peer coaching group routes share: their tag, path parameters and access rule. */
export const TAGS = ['Peer coaching groups'];

export const networkParam = z.object({ networkId: z.string().max(100) });
export const groupParam = networkParam.extend({ groupId: z.string().max(100) });
export const sessionParam = groupParam.extend({ sessionId: z.string().max(100) });

/** The rule on who sees what, repeated in each route's description. */
export const WHO_SEES =
  "A group's members and its facilitator (the first one until the review after session 3, then the one it named) are its people: they read and write its content. The network's admins, and coordinators of an organization whose people are in the group (or who made it), oversee it: they see its people, session dates and figures, never its content (404 on content they read, 403 on content they write). Anyone else: 404.";
