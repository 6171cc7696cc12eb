/**
 * UI strings of the mentoring forms (plan, orientation meeting, gatherings, capacity). They
 * are registered into the SPA's i18next instance when a screen that needs them loads, so
 * the first page does not carry them. The forms' questions themselves are the source's
 * words and come from `@sisi/domain` (translated later by id).
 *
 * Everything lives under one root key, `s2s`, so it never collides with `en.ts`.
 */
import type { TOptions } from 'i18next';
import { addCatalog } from './index.ts';
import type { Leaves } from './keys.ts';

export const enPlan = {
  s2s: {
    form: {
      addedMessage: '{{item}} added.',
      removedMessage: '{{item}} removed.',
      none: 'None yet.',
      noneChosen: 'None chosen',
      yes: 'Yes',
      no: 'No',
      choose: 'Choose…',
      maxReached: 'This list is full ({{max}} at most).',
      unsaved: 'You have unsaved changes.',
      leaveConfirm: 'You have unsaved changes on this page. Leave without saving them?',
      readOnly:
        'You can read this but not change it: only a network admin or a coordinator of the organizations involved can.',
      forbidden:
        'Your role does not allow you to save this. Nothing was changed. The form is now read only.',
      lastSaved: 'Last saved {{date}} (version {{version}}).',
      lastSavedByYou: 'Last saved {{date}} by you (version {{version}}).',
      notSavedYet: 'Not saved yet.',
      reload: 'Reload',
      reloading: 'Reloading…',
      restoreMine: 'Put my changes back',
      discardMine: 'Discard my changes',
      reloaded:
        'You now see the latest saved version. Your unsaved changes are kept aside: put them back to save them over this version, or discard them.',
      newerVersion:
        'Someone saved a newer version of this page (version {{version}}) after you opened it. Reload to see it before you change anything.',
      save: 'Save',
      saving: 'Saving…',
      name: 'Name',
      organization: 'Organization',
      otherTechnicalArea: 'Other technical area',
      months: 'In months, from {{min}} to {{max}}.',
    },
    mentorship: {
      nav: 'This mentorship',
      overview: 'Mentorship',
      plan: 'Mentoring plan',
      orientation: 'Orientation meeting',
      approaches: 'Choose approaches',
      gatherings: 'Gatherings',
      between: 'Mentor: {{mentor}}. Mentees: {{mentees}}.',
      mentorOrganization: 'Mentor organization',
      menteeOrganization: 'Mentee organization {{n}}',
    },
    plan: {
      title: 'Mentoring plan',
      intro:
        'The plan follows the toolkit’s Mentoring Plan Template (Annex 3). Fill it in over time and save as often as you like.',
      sections: {
        who: 'Who and when',
        services: 'Services, capacity and format',
        focus: 'Focus and outcome',
        checklists: 'Checking the objectives',
        planning: 'Availability and communication',
      },
      mentorN: 'Mentor {{n}}',
      addMentor: 'Add a mentor',
      removeMentor: 'Remove mentor {{n}}',
      menteeN: 'Mentee {{n}}',
      addMentee: 'Add a mentee',
      removeMentee: 'Remove mentee {{n}}',
      otherService: 'Specify the other service',
      otherCapacityType: 'Specify the other type of capacity',
      matrixHint: 'Not sure which approaches fit?',
      matrixLink: 'Use the decision matrix',
      learningObjectives: 'Learning objectives',
      objectiveN: 'Learning objective {{n}}',
      addObjective: 'Add a learning objective',
      removeObjective: 'Remove objective {{n}}',
      activityN: 'Activity {{n}}',
      activityDescription: 'Description',
      addActivity: 'Add an activity to objective {{n}}',
      removeActivity: 'Remove activity {{a}} of objective {{o}}',
      human: 'Human',
      financial: 'Financial',
      material: 'Material',
      milestoneN: 'Milestone {{n}}',
      addMilestone: 'Add a milestone',
      removeMilestone: 'Remove milestone {{n}}',
      milestoneDescription: 'Description',
      dueDate: 'Due date',
      status: 'Status',
      reachedOn: 'Reached on',
      statuses: { planned: 'Planned', reached: 'Reached', missed: 'Missed' },
      communicationPlan: 'Communication plan',
      channelN: 'Channel {{n}}',
      addChannel: 'Add a channel',
      removeChannel: 'Remove channel {{n}}',
      pointPersonN: 'Point person {{n}}',
      addPointPerson: 'Add a point person',
      removePointPerson: 'Remove point person {{n}}',
      checklistHint: 'Tick each point once it is settled.',
      saved: 'Mentoring plan saved.',
      conflict:
        'Someone else saved the plan meanwhile, so your changes were not saved. Reload to see their version: your changes are kept aside, and you can put them back afterwards.',
    },
    orientation: {
      title: 'Orientation meeting',
      intro:
        'Record the orientation meeting with the toolkit’s discussion guide (Annex 2): who attended, the answers to each part, and the next meetings.',
      meetingHeading: 'The meeting',
      meetingDate: 'Meeting date',
      attendees: 'Who attended',
      attendeesHint:
        'The toolkit recommends decision makers, champions, technical experts and the people being mentored. One person may hold several roles.',
      attendeeN: 'Attendee {{n}}',
      addAttendee: 'Add an attendee',
      removeAttendee: 'Remove attendee {{n}}',
      roles: 'Roles',
      partN: 'Part {{n}}: {{title}}',
      meetingN: 'Meeting {{n}}',
      addMeeting: 'Add a meeting',
      removeMeeting: 'Remove meeting {{n}}',
      date: 'Date',
      time: 'Time',
      place: 'Place',
      saved: 'Orientation meeting saved.',
      conflict:
        'Someone else saved the orientation meeting meanwhile, so your changes were not saved. Reload to see their version: your changes are kept aside, and you can put them back afterwards.',
    },
    closure: {
      title: 'Closure',
      nav: 'Closure',
      intro:
        'At the final meeting, the toolkit’s closure questions help mentor and mentee review the relationship and reflect on it. Answer those that matter to you, at least one.',
      questions: 'Closure questions',
      questionsHint: 'Answer at least one question; the others can stay empty.',
      atLeastOne: 'must have at least one answer',
      tooEarly:
        'Closure comes when the relationship is being reviewed (the stage “Monitor the relationship”) or when it ends. This mentorship has not reached that point yet, so its closure questions cannot be answered now.',
      savedEarlier:
        'The answers below are read only until the mentorship is being reviewed again or has ended.',
      tooEarlySave:
        'The answers were not saved: the mentorship is no longer being reviewed nor ended, and closure answers can be saved only then. Your answers are still on this page.',
      saved: 'Closure answers saved.',
      conflict:
        'Someone else saved the closure answers meanwhile, so your changes were not saved. Reload to see their version: your changes are kept aside, and you can put them back afterwards.',
    },
    gatherings: {
      title: 'Gatherings',
      intro: 'Events where people of the organizations meet: site visits, study tours, exchanges…',
      listHeading: 'Scheduled gatherings',
      empty: 'No gatherings scheduled yet.',
      formHeading: 'Schedule a gathering',
      approach: 'Approach',
      chooseApproach: 'Choose an approach',
      titleLabel: 'Title',
      date: 'Date',
      location: 'Location',
      locationHint: 'Share only what participants need; the place of a gathering can be sensitive.',
      submit: 'Schedule gathering',
      submitting: 'Scheduling…',
      scheduled: 'Gathering “{{title}}” scheduled for {{date}}.',
      safetyHeading: 'Safety and security checklist',
      safetyWhy:
        'Key populations are criminalized in many countries. Bringing key-population participants together face to face can expose them to harassment, arrest or violence, so Sisi schedules such a gathering only once every item below is done.',
      safetyNotNeeded:
        'This approach does not bring participants together face to face, so no safety checklist is needed.',
      itemN: 'Checklist item {{n}}',
      done: 'Done',
      note: 'Note',
      noteHint: 'What was done, or who to ask. Optional.',
      source: 'Source: {{source}}',
      missing: 'Complete the safety and security checklist: the items marked below are not done.',
      safetyComplete: 'Safety check complete',
      safetyIncomplete: 'Safety check incomplete',
      at: 'Where: {{location}}',
      on: 'When: {{date}}',
      approachLabel: 'Approach: {{approach}}',
      readOnly: 'Only a network admin or a coordinator of the mentorship can schedule gatherings.',
      ended: 'This mentorship has ended: no new gatherings can be scheduled.',
    },
    capacity: {
      title: 'Capacity of {{name}}',
      titleFallback: 'Organization capacity',
      back: 'Back to the organization',
      assessmentsHeading: 'Capacity assessments',
      assessmentsIntro:
        'A dated self- or joint assessment gives a short list of priority areas, each with learning objectives in terms of knowledge, skills and attitudes.',
      empty: 'No assessment recorded yet.',
      kind: 'Kind of assessment',
      kinds: { self: 'Self-assessment', joint: 'Joint assessment' },
      assessedOn: 'Assessed on {{date}}',
      notes: 'Notes',
      formHeading: 'Record a capacity assessment',
      date: 'Date of the assessment',
      ksaHeading: 'Knowledge, skills and attitudes',
      priorityAreas: 'Priority areas',
      priorityAreaN: 'Priority area {{n}}',
      addPriorityArea: 'Add a priority area',
      removePriorityArea: 'Remove priority area {{n}}',
      area: 'Area',
      chooseArea: 'Choose an area',
      otherArea: 'Other area',
      objectives: 'Learning objectives',
      objectiveN: 'Objective {{n}}',
      addObjective: 'Add a learning objective to priority area {{n}}',
      removeObjective: 'Remove objective {{o}} of priority area {{a}}',
      objectiveHint: 'State it as knowledge, skills or attitudes (at least one).',
      submit: 'Record assessment',
      submitting: 'Recording…',
      recorded: 'Capacity assessment recorded.',
      inventoryIntro: 'Mentors: what your organization can offer another one.',
      skillTypes: 'Skills of successful mentors',
      steps: 'Steps',
      areasOfExpertise: 'Areas of expertise',
      otherAreaOfExpertise: 'Other area of expertise',
      internalExperts: 'Internal experts',
      expertN: 'Expert {{n}}',
      addExpert: 'Add an internal expert',
      removeExpert: 'Remove expert {{n}}',
      expertise: 'Expertise',
      expertSkillTypes: 'Types of skills',
      availability: 'Availability',
      packagedResources: 'Packaged resources',
      resourceN: 'Resource {{n}}',
      addResource: 'Add a resource',
      removeResource: 'Remove resource {{n}}',
      resourceTitle: 'Title',
      resourceKind: 'Kind',
      chooseKind: 'Choose a kind',
      resourceKinds: {
        manual: 'Manual',
        document: 'Document',
        training: 'Training program',
        toolkit: 'Toolkit',
        curriculum: 'Curriculum',
        other: 'Other',
      },
      description: 'Description',
      language: 'Language',
      chooseLanguage: 'Not specified',
      saveInventory: 'Save inventory',
      inventorySaved: 'Asset inventory saved.',
      conflict:
        'Someone else saved the asset inventory meanwhile, so your changes were not saved. Reload to see their version: your changes are kept aside, and you can put them back afterwards.',
    },
  },
} as const;

/** Every key of this catalog, e.g. `'s2s.plan.title'`. */
export type PlanMessageKey = Leaves<typeof enPlan>;
export type PlanTranslate = (key: PlanMessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads.
/** Translate a key of this catalog. */
export const tp = addCatalog<PlanTranslate>(enPlan, 's2s.form.save');

/** The translate function of the mentoring forms, as `useT()` is for the rest of the SPA. */
export function usePlanT(): PlanTranslate {
  return tp;
}
