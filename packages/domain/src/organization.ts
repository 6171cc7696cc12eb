import { z } from 'zod';
import { emailSchema, idSchema, personNameSchema, versionSchema } from './common.ts';
import { coded } from './errors/codes.ts';
import { languageSchema } from './language-schema.ts';
import { keyPopulations, technicalAreas } from './lists.ts';

export const keyPopulationSchema = z.enum(keyPopulations);
export type { KeyPopulation } from './lists.ts';

export const technicalAreaSchema = z.enum(technicalAreas);
export type { TechnicalArea } from './lists.ts';

const shortText = z.string().trim().min(1).max(200);

/**
 * Profile fields as given, without defaults: an edit must leave unnamed fields alone, so
 * only creation fills them in.
 */
const profileFields = {
  name: z.string().trim().min(2, 'must be at least 2 characters').max(160),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code'),
  languages: z
    .array(
      z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as en or pt-BR'),
    )
    .max(10),
  keyPopulations: z.array(keyPopulationSchema).min(1, 'choose at least one').max(4),
  kpLed: z.boolean(),
  technicalAreas: z.array(technicalAreaSchema).max(technicalAreas.length),
  otherTechnicalArea: z.string().trim().max(200).optional(),
  strengthsOffered: z.array(shortText).max(20),
  priorityNeeds: z.array(shortText).max(20),
  highSpeedInternet: z.boolean(),
  /** Donors see the organization's name only when it opted in (issue "Donor view"). */
  nameVisibleToDonors: z.boolean(),
};

/** Profile fields an admin may set at creation and edit later (DOMAIN.md "Organizations"). */
export const organizationProfileSchema = z.object({
  ...profileFields,
  languages: profileFields.languages.default([]),
  technicalAreas: profileFields.technicalAreas.default([]),
  strengthsOffered: profileFields.strengthsOffered.default([]),
  priorityNeeds: profileFields.priorityNeeds.default([]),
  highSpeedInternet: profileFields.highSpeedInternet.default(false),
  nameVisibleToDonors: profileFields.nameVisibleToDonors.default(false),
});

export const createOrganizationSchema = organizationProfileSchema
  .extend({
    coordinatorEmail: emailSchema,
    coordinatorName: personNameSchema,
    coordinatorLanguage: languageSchema
      .optional()
      .describe(
        'The language of the coordinator’s invitation, kept as their language (default: the network’s `defaultLanguage`)',
      ),
  })
  .strict()
  .superRefine((org, ctx) => {
    if (org.technicalAreas.includes('other') && !org.otherTechnicalArea) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherTechnicalArea'],
        message: 'is required when "other" is a technical area',
        ...coded('other_unexplained'),
      });
    }
  });
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
export type CreateOrganization = z.output<typeof createOrganizationSchema>;

/** A partial edit: `version` is the one the client read (optimistic locking). */
export const updateOrganizationSchema = z
  .object(profileFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateOrganization = z.output<typeof updateOrganizationSchema>;

/**
 * `archived`: the organization left the network (its people deactivated, its mentorships
 * ended or left); absent on organizations stored before leaving existed means `active`.
 */
export const organizationStatuses = ['active', 'archived'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export const organizationSchema = organizationProfileSchema.extend({
  id: idSchema,
  networkId: idSchema,
  version: versionSchema,
  coordinatorId: idSchema,
  status: z.enum(organizationStatuses).optional(),
  /** When it left the network (`status: archived`). */
  leftAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.output<typeof organizationSchema>;

/** `invited` until the invitation is accepted; `deactivated`: access ended. */
export const memberStatuses = ['invited', 'active', 'deactivated'] as const;
export const memberSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  status: z.enum(memberStatuses),
  organizationId: idSchema,
  roles: z.array(z.string()),
  createdAt: z.string(),
  /** Set when their data was erased: `name` and `email` are then empty (see `formerRole`). */
  erasedAt: z.string().optional(),
  /** The role they held when erased, for "a former coordinator of …". */
  formerRole: z.string().optional(),
});
export type Member = z.output<typeof memberSchema>;

/** Whether an organization still takes part in its network (it has not left). */
export const isActiveOrganization = (org: { status?: OrganizationStatus }): boolean =>
  org.status !== 'archived';

/**
 * The body of an organization's departure and of a person's erasure: nothing to say, and
 * nothing else accepted (an unknown field is a 400 naming it).
 */
export const emptyActionSchema = z.object({}).strict();

/** What an erasure answers: the person's id and when their data was erased. */
export const erasureResultSchema = z.object({ id: idSchema, erasedAt: z.string() });
export type ErasureResult = z.output<typeof erasureResultSchema>;

export const inviteMemberSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    language: languageSchema
      .optional()
      .describe(
        'The language of the invitation, kept as the person’s language (default: the network’s `defaultLanguage`)',
      ),
  })
  .strict();
export type InviteMember = z.output<typeof inviteMemberSchema>;

/** The two roles a person holds in an organization. */
export const organizationRoles = ['coordinator', 'member'] as const;

/**
 * A coordinator's or admin's change to a person of an organization: at least one of the
 * two. An organization keeps at least one active coordinator (422 otherwise).
 */
export const changeMemberSchema = z
  .object({
    role: z.enum(organizationRoles).optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.role === undefined && body.status === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: 'give a role or a status',
        ...coded('one_needed'),
      });
    }
  })
  .describe(
    '`role` and/or `status`. `status: active` reactivates a deactivated person (someone who never accepted their invitation is `invited` again)',
  );
export type ChangeMember = z.output<typeof changeMemberSchema>;

export { keyPopulations, technicalAreas };
