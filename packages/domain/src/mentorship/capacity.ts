/**
 * What an organization brings and needs (DOMAIN.md "Organizations"; 001 "Mentors:
 * Inventory Your Assets and Expertise", "Skills of Successful Mentors" and Step 2 "Conduct
 * Capacity Assessments and Develop Learning Objectives").
 */
import { z } from 'zod';
import { isoDateSchema, personNameSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { type TechnicalArea, technicalAreaSchema, technicalAreas } from '../organization.ts';

/** Learning objectives "in terms of knowledge, skills, and attitudes (KSAs)", as 001 defines them. */
export const ksaDefinitions = [
  {
    id: 'knowledge',
    label: 'Knowledge',
    text: 'Knowledge objectives identify what types and pieces of information can benefit the organization.',
  },
  {
    id: 'skills',
    label: 'Skills',
    text: 'Skills objectives describe the actual capacity of individuals and organizations to put the knowledge into practice.',
  },
  {
    id: 'attitudes',
    label: 'Attitudes',
    text: 'Attitudes are behavioral competencies that help the organization to achieve its goals.',
  },
] as const;

/** The three categories of "Skills of Successful Mentors", which the inventory reflects on. */
export const mentorSkillTypes = [
  {
    id: 'technical',
    label: 'Technical skills',
    text: 'Relevant and contextual knowledge, skills, and information on a subject, to underpin strong professional advice, are vital to success as a mentor.',
  },
  {
    id: 'interpersonal',
    label: 'Interpersonal skills',
    text: 'Successful mentors are inspiring, appreciative, supportive, empathetic, good at communicating and giving feedback, responsive, adept at building positive working relationships with people, and well organized.',
  },
  {
    id: 'facilitation',
    label: 'Facilitation skills',
    text: 'Questioning, listening, attending, structuring, and summarizing are among key facilitation skills.',
  },
] as const;
export type MentorSkillType = (typeof mentorSkillTypes)[number]['id'];

/** The steps of "Mentors: Inventory Your Assets and Expertise", as the inventory form's guide. */
export const assetInventoryGuide = {
  title: 'Mentors: Inventory Your Assets and Expertise',
  intro: 'It is important to first establish what you have to offer another organization.',
  steps: [
    { id: 'reflect-on-skills', text: 'Reflect on the three types of skills described above.' },
    { id: 'what-you-know', text: 'Identify what you know and what you have learned.' },
    {
      id: 'internal-experts',
      text: 'Identify a list of internal experts willing to be a part of the mentoring process.',
    },
    {
      id: 'package-knowledge',
      text: 'Next, think of how you can package your knowledge for delivery.',
    },
    {
      id: 'inventory-resources',
      text: 'Make an inventory of these resources, and ensure that they are understandable and easy for mentees to access.',
    },
  ],
  internalExpertsHint:
    'This list should ideally include people with technical knowledge, people skilled in organizing people and groups, and people good at facilitating learning and change processes.',
  packagedResourcesHint:
    'You may have manuals, documents, or training programs that can be used, adapted, or customized.',
} as const;

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
const shortText = z.string().trim().max(500);
const ksaText = z.string().trim().max(2000);

export const learningObjectiveKsaSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, - or _')
      .optional(),
    knowledge: ksaText.optional(),
    skills: ksaText.optional(),
    attitudes: ksaText.optional(),
  })
  .strict()
  .refine((o) => Boolean(o.knowledge || o.skills || o.attitudes), {
    message: 'state the objective as knowledge, skills or attitudes',
    ...coded('one_needed'),
  });

export const priorityAreaSchema = z
  .object({
    area: technicalAreaSchema,
    otherArea: z.string().trim().max(200).optional(),
    objectives: z.array(learningObjectiveKsaSchema).max(10),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.area === 'other' && !p.otherArea) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherArea'],
        message: 'is required when the area is "other"',
        ...coded('other_unexplained'),
      });
    }
  });

/** Which priority areas are one: every "other" area is told apart by its own text. */
const areaKey = (p: { area: TechnicalArea; otherArea?: string | undefined }) =>
  p.area === 'other' ? `other:${(p.otherArea ?? '').toLowerCase()}` : p.area;

/**
 * A dated self- or joint capacity assessment: the "short list of identified priority
 * areas" the mentee would like to improve upon, each with its learning objectives.
 */
export const capacityAssessmentSchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(['self', 'joint']),
    priorityAreas: z
      .array(priorityAreaSchema)
      .min(1, 'name at least one priority area')
      .max(10)
      .refine((areas) => unique(areas.map(areaKey)), 'must not repeat an area'),
    notes: z.string().trim().max(4000).optional(),
  })
  .strict();
export type CapacityAssessment = z.output<typeof capacityAssessmentSchema>;

export const packagedResourceKinds = [
  'manual',
  'document',
  'training',
  'toolkit',
  'curriculum',
  'other',
] as const;

export const internalExpertSchema = z
  .object({
    name: personNameSchema,
    expertise: z.string().trim().min(1, 'is required').max(500),
    skillTypes: z
      .array(z.enum(mentorSkillTypes.map((s) => s.id) as [MentorSkillType, ...MentorSkillType[]]))
      .max(mentorSkillTypes.length)
      .refine(unique, { message: 'must not repeat a skill type', ...coded('not_unique') })
      .optional(),
    availability: shortText.optional(),
  })
  .strict();

export const packagedResourceSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200),
    kind: z.enum(packagedResourceKinds),
    description: z.string().trim().max(2000).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as en or pt-BR')
      .optional(),
  })
  .strict();

/** A mentor organization's inventory; `version` is the one the client read. */
export const assetInventorySchema = z
  .object({
    areasOfExpertise: z
      .array(technicalAreaSchema)
      .max(technicalAreas.length)
      .refine(unique, { message: 'must not repeat an area', ...coded('not_unique') }),
    otherAreaOfExpertise: z.string().trim().max(200).optional(),
    internalExperts: z.array(internalExpertSchema).max(50),
    packagedResources: z.array(packagedResourceSchema).max(100),
    version: versionSchema.optional(),
  })
  .strict()
  .superRefine((inv, ctx) => {
    if (inv.areasOfExpertise.includes('other') && !inv.otherAreaOfExpertise) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherAreaOfExpertise'],
        message: 'is required when "other" is an area of expertise',
        ...coded('other_unexplained'),
      });
    }
  });
export type AssetInventory = z.output<typeof assetInventorySchema>;
