import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Member,
  type Organization,
  organizationBody,
  uniqueEmail,
} from '../support/fixtures.ts';
import { createMentorship, type Mentorship } from '../support/mentorships.ts';
import { expectJson, expectProblem, type Problem } from '../support/problem.ts';
import { reportBody } from '../support/quarterly-reports.ts';
import { reflectionBody } from '../support/reflection.ts';
import { sample } from '../support/sample.ts';
import { summaryBody } from '../support/summary-reports.ts';

/**
 * A network with an organization whose coordinator and one member have signed in, and a
 * mentorship between it and a second organization.
 */
interface Tenant {
  networkId: string;
  organizationId: string;
  partnerOrganizationId: string;
  mentorshipId: string;
  memberId: string;
  tokens: { admin: string; coordinator: string; member: string };
}

/** Ids a route is called with: the target network's, or made up. */
interface Target {
  networkId: string;
  organizationId: string;
  partnerOrganizationId: string;
  mentorshipId: string;
  /** A quarterly report's period; 1 unless a placeholder is wanted. */
  period?: string;
  /** Ids of monitoring items (summary report, follow-up action, milestone, photo) and a form. */
  reportId?: string;
  actionId?: string;
  milestoneId?: string;
  photoId?: string;
  form?: string;
  /** Sisi Kwa Sisi coaching: a coach (a person's id), a coaching and a best practice. */
  coachPersonId?: string;
  coachingId?: string;
  bestPracticeId?: string;
  /** A peer coaching group, one of its sessions, issues and commitments (made up: 404). */
  coachingGroupId?: string;
  groupSessionId?: string;
  groupIssueId?: string;
  groupCommitmentId?: string;
  /** A peer coaching program, a nomination, a referee, a pair and a pair session (made up: 404). */
  programId?: string;
  nominationId?: string;
  refereeId?: string;
  pairId?: string;
  pairSessionId?: string;
  /** A network admin (made up: 404). */
  adminId?: string;
}

/** Placeholders that name each part of a route's path. */
const PLACEHOLDERS: Target = {
  networkId: '{networkId}',
  organizationId: '{organizationId}',
  partnerOrganizationId: '{partnerOrganizationId}',
  mentorshipId: '{mentorshipId}',
  period: '{period}',
  reportId: '{reportId}',
  actionId: '{actionId}',
  milestoneId: '{milestoneId}',
  photoId: '{photoId}',
  form: '{form}',
  coachPersonId: '{personId}',
  coachingId: '{coachingId}',
  bestPracticeId: '{bestPracticeId}',
  coachingGroupId: '{groupId}',
  groupSessionId: '{sessionId}',
  groupIssueId: '{issueId}',
  groupCommitmentId: '{commitmentId}',
  programId: '{programId}',
  nominationId: '{nominationId}',
  refereeId: '{refereeId}',
  pairId: '{pairId}',
  pairSessionId: '{sessionId}',
  adminId: '{personId}',
};

/** A peer coaching program's path and one of its pairs' (made-up ids unless placeholders). */
const cprogram = (t: Target) =>
  `/networks/${t.networkId}/coaching-programs/${t.programId ?? 'nosuchprogram'}`;
const cpair = (t: Target) => `${cprogram(t)}/pairs/${t.pairId ?? 'r000p000'}`;

/** A peer coaching group's path (made-up ids unless placeholders are wanted). */
const cgroup = (t: Target) =>
  `/networks/${t.networkId}/coaching-groups/${t.coachingGroupId ?? 'nosuchgroup1'}`;
const cgroupSession = (t: Target) => `${cgroup(t)}/sessions/${t.groupSessionId ?? 'nosuchsession'}`;

/** A needs assessment and a coaching plan valid for any network (Sisi Kwa Sisi coaching). */
const needsAssessment = {
  date: '2025-01-10',
  areas: [{ area: 'finance-management', priority: 'high' }],
};
const coachingPlan = {
  periodStart: '2025-01-01',
  periodEnd: '2025-03-31',
  skills: [
    {
      id: 's1',
      area: 'finance-management',
      skill: 'Taken over',
      lead: { date: '2025-01-10' },
      assist: { date: '2025-02-10' },
      observe: { date: '2025-03-10' },
    },
  ],
};

/** A mentorship between the target's two organizations. */
const mentorshipBody = (t: Target) => ({
  mentorOrganizationId: t.organizationId,
  menteeOrganizationIds: [t.partnerOrganizationId],
  startDate: '2025-01-15',
  durationMonths: 12,
});

/**
 * Every route under a network that exists so far. Adding a route means adding a row: each
 * row is called by every caller of network A on network B and must answer 404.
 */
const ROUTES: {
  name: string;
  method: string;
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  /**
   * A GET of a made-up item, or of one the admin cannot hold, that answers 404 on A's own
   * network: the check below expects this 404 detail, which still proves the route reached
   * its data. (A singleton document not saved yet answers 200 with `null`, not 404.)
   */
  absentUntilSaved?: string;
}[] = [
  { name: 'GET network', method: 'GET', path: (t) => `/networks/${t.networkId}` },
  {
    name: 'GET organizations',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations`,
  },
  {
    name: 'POST organization',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations`,
    body: () => organizationBody(),
  },
  {
    name: 'GET organization',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}`,
  },
  {
    name: 'PATCH organization',
    method: 'PATCH',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}`,
    body: () => ({ version: 1, name: 'Taken over' }),
  },
  {
    name: 'GET members',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/members`,
  },
  {
    name: 'POST member',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/members`,
    body: () => ({ email: uniqueEmail('intruder'), name: 'Intruder' }),
  },
  { name: 'GET admins', method: 'GET', path: (t) => `/networks/${t.networkId}/admins` },
  {
    name: 'POST admin',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/admins`,
    body: () => ({ email: uniqueEmail('intruder-admin'), name: 'Intruder' }),
  },
  {
    name: 'PATCH admin',
    method: 'PATCH',
    path: (t) => `/networks/${t.networkId}/admins/${t.adminId ?? 'nosuchadmin1'}`,
    body: () => ({ status: 'deactivated' }),
  },
  {
    name: 'POST admin invitation',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/admins/${t.adminId ?? 'nosuchadmin1'}/invitation`,
  },
  {
    name: 'PATCH member',
    method: 'PATCH',
    path: (t) =>
      `/networks/${t.networkId}/organizations/${t.organizationId}/members/${t.coachPersonId ?? 'nosuchperson1'}`,
    body: () => ({ status: 'deactivated' }),
  },
  {
    name: 'POST member invitation',
    method: 'POST',
    path: (t) =>
      `/networks/${t.networkId}/organizations/${t.organizationId}/members/${t.coachPersonId ?? 'nosuchperson1'}/invitation`,
  },
  {
    name: 'POST organization departure',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/departure`,
    body: () => ({}),
  },
  {
    name: 'POST person erasure',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/people/${t.coachPersonId ?? 'nosuchperson1'}/erasure`,
    body: () => ({}),
  },
  {
    name: 'POST mentorship',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships`,
    body: mentorshipBody,
  },
  { name: 'GET mentorships', method: 'GET', path: (t) => `/networks/${t.networkId}/mentorships` },
  {
    name: 'GET mentorship',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}`,
  },
  {
    name: 'POST mentorship agreement',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/agreements`,
    body: (t) => ({ organizationId: t.organizationId, onBehalf: true }),
  },
  {
    name: 'POST mentorship decline',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/declines`,
    body: (t) => ({ organizationId: t.organizationId, reason: 'not now' }),
  },
  {
    name: 'POST mentorship stage',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/stage`,
    body: () => ({ stage: 'identify-expectations', reason: 'taken over' }),
  },
  {
    name: 'POST mentorship end',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/end`,
    body: () => ({ kind: 'natural', reason: 'taken over' }),
  },
  {
    name: 'PUT mentorship participants',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/participants`,
    body: () => ({ personIds: [] }),
  },
  {
    name: 'GET mentoring plan',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/plan`,
  },
  {
    name: 'PUT mentoring plan',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/plan`,
    body: () => ({ formats: ['study-tour'], intendedOutcome: 'taken over' }),
  },
  {
    name: 'GET orientation meeting',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/orientation`,
  },
  {
    name: 'PUT orientation meeting',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/orientation`,
    body: () => ({ meetingDate: '2025-01-20' }),
  },
  {
    name: 'GET closure',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/closure`,
  },
  {
    name: 'PUT closure',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/closure`,
    body: () => ({ answers: { 'how-far': 'taken over' } }),
  },
  {
    name: 'POST gathering',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/gatherings`,
    body: () => ({ approach: 'telementoring', title: 'Taken over', date: '2025-03-01' }),
  },
  {
    name: 'GET gatherings',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/gatherings`,
  },
  {
    name: 'POST quarterly report',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/quarterly-reports`,
    body: () => reportBody(1),
  },
  {
    name: 'GET quarterly reports',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/quarterly-reports`,
  },
  {
    name: 'GET quarterly report',
    method: 'GET',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/quarterly-reports/${t.period ?? 1}`,
  },
  {
    name: 'GET mentorship reviews',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/reviews`,
  },
  { name: 'GET due reviews', method: 'GET', path: (t) => `/networks/${t.networkId}/reviews/due` },
  {
    name: 'POST summary report',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/summary-reports`,
    body: (t) => summaryBody({ organizationIds: [t.organizationId] }),
  },
  {
    name: 'GET summary reports',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/summary-reports`,
  },
  {
    name: 'GET summary report',
    method: 'GET',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/summary-reports/${t.reportId ?? '2025-02-01-nosuchrepo'}`,
    absentUntilSaved: 'summary report not found',
  },
  {
    name: 'GET mentorship follow-up actions',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/follow-up-actions`,
  },
  {
    name: 'PATCH follow-up action',
    method: 'PATCH',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/follow-up-actions/${t.actionId ?? '2025-02-01-nosuchactn'}`,
    body: () => ({ status: 'done', version: 1 }),
  },
  {
    name: 'GET my follow-up actions',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/follow-up-actions`,
  },
  {
    name: 'GET mentorship people',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/people`,
  },
  {
    name: 'GET timeline',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/timeline`,
  },
  {
    name: 'GET milestones',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/milestones`,
  },
  {
    name: 'POST milestone reached',
    method: 'POST',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/milestones/${t.milestoneId ?? 'm1'}/reached`,
    body: () => ({ reachedOn: '2025-02-01' }),
  },
  {
    name: 'POST photo',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/photos`,
    body: () => ({ caption: 'not multipart, never read' }),
  },
  {
    name: 'GET photo',
    method: 'GET',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/photos/${t.photoId ?? 'nosuchphoto1'}`,
    absentUntilSaved: 'photo not found',
  },
  {
    name: 'DELETE photo',
    method: 'DELETE',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/photos/${t.photoId ?? 'nosuchphoto1'}`,
  },
  {
    name: 'GET practical tips',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/tips`,
  },
  {
    name: 'GET mentorship export',
    method: 'GET',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/exports/${t.form ?? 'summary-reports'}`,
  },
  {
    name: 'GET network export',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/exports/${t.form ?? 'follow-up-actions'}`,
  },
  {
    name: 'GET audit trail',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/audit`,
  },
  {
    name: 'GET reflection results',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/reflection`,
  },
  {
    name: 'POST reflection answers',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/reflection/answers`,
    body: () => reflectionBody(),
  },
  {
    name: 'GET evaluations',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/evaluations`,
  },
  {
    name: 'GET evaluation',
    method: 'GET',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/evaluations/${t.organizationId}`,
  },
  {
    name: 'PUT evaluation',
    method: 'PUT',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/evaluations/${t.organizationId}`,
    body: () => ({ mentors: 'Taken over' }),
  },
  {
    name: 'POST capacity assessment',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/capacity-assessments`,
    body: () => ({
      date: '2025-01-10',
      kind: 'self',
      priorityAreas: [{ area: 'advocacy', objectives: [] }],
    }),
  },
  {
    name: 'GET capacity assessments',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/capacity-assessments`,
  },
  {
    name: 'GET asset inventory',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/asset-inventory`,
  },
  {
    name: 'PUT asset inventory',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/asset-inventory`,
    body: () => ({ areasOfExpertise: [], internalExperts: [], packagedResources: [] }),
  },
  { name: 'GET coaches', method: 'GET', path: (t) => `/networks/${t.networkId}/coaches` },
  {
    name: 'POST coach',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coaches`,
    body: () => ({ personId: 'nosuchperson1', areas: [{ area: 'finance-management' }] }),
  },
  {
    name: 'GET coach',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coaches/${t.coachPersonId ?? 'nosuchcoach1'}`,
    absentUntilSaved: 'coach not found',
  },
  {
    name: 'PATCH coach',
    method: 'PATCH',
    path: (t) => `/networks/${t.networkId}/coaches/${t.coachPersonId ?? 'nosuchcoach1'}`,
    body: () => ({ version: 1, maxPeers: 5 }),
  },
  {
    name: 'PUT coach willingness',
    method: 'PUT',
    path: (t) =>
      `/networks/${t.networkId}/coaches/${t.coachPersonId ?? 'nosuchcoach1'}/willingness`,
    body: () => ({ willing: true }),
  },
  {
    name: 'POST coach suggestions',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coach-suggestions`,
    body: () => ({ peerId: 'nosuchperson1', needsAssessment }),
  },
  {
    name: 'POST coaching',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coachings`,
    body: () => ({ coachId: 'nosuchcoach1', peerId: 'nosuchperson1', needsAssessment }),
  },
  { name: 'GET coachings', method: 'GET', path: (t) => `/networks/${t.networkId}/coachings` },
  {
    name: 'GET coaching',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coachings/${t.coachingId ?? 'nosuchcoaching'}`,
    absentUntilSaved: 'coaching not found',
  },
  {
    name: 'POST coaching close',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coachings/${t.coachingId ?? 'nosuchcoaching'}/close`,
    body: () => ({}),
  },
  {
    name: 'GET coaching plan',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coachings/${t.coachingId ?? 'nosuchcoaching'}/plan`,
    absentUntilSaved: 'coaching not found',
  },
  {
    name: 'PUT coaching plan',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/coachings/${t.coachingId ?? 'nosuchcoaching'}/plan`,
    body: () => coachingPlan,
  },
  {
    name: 'GET coaching sessions',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coachings/${t.coachingId ?? 'nosuchcoaching'}/sessions`,
    absentUntilSaved: 'coaching not found',
  },
  {
    name: 'POST coaching session',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coachings/${t.coachingId ?? 'nosuchcoaching'}/sessions`,
    body: () => ({ date: '2025-02-01', step: 'lead', quality: 3, notes: 'taken over' }),
  },
  {
    name: 'GET best practices',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/best-practices`,
  },
  {
    name: 'POST best practice',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/best-practices`,
    body: () => ({
      coachingId: 'nosuchcoaching',
      title: 'Taken over',
      area: 'finance-management',
      practice: 'Taken over',
      consentToPublish: true,
    }),
  },
  {
    name: 'GET best practice',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/best-practices/${t.bestPracticeId ?? 'nosuchpractice'}`,
    absentUntilSaved: 'best practice not found',
  },
  {
    name: 'PUT best practice publication',
    method: 'PUT',
    path: (t) =>
      `/networks/${t.networkId}/best-practices/${t.bestPracticeId ?? 'nosuchpractice'}/publication`,
    body: () => ({ consent: true }),
  },
  {
    name: 'DELETE best practice publication',
    method: 'DELETE',
    path: (t) =>
      `/networks/${t.networkId}/best-practices/${t.bestPracticeId ?? 'nosuchpractice'}/publication`,
  },
  {
    name: 'POST coaching group',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coaching-groups`,
    body: () => ({
      name: 'Taken over',
      memberIds: ['nosuchperson1', 'nosuchperson2'],
      facilitatorId: 'nosuchperson1',
    }),
  },
  {
    name: 'GET coaching groups',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coaching-groups`,
  },
  {
    name: 'GET coaching group',
    method: 'GET',
    path: cgroup,
    absentUntilSaved: 'coaching group not found',
  },
  {
    name: 'PUT coaching group spirit',
    method: 'PUT',
    path: (t) => `${cgroup(t)}/spirit`,
    body: () => ({ text: 'Taken over', version: 0 }),
  },
  {
    name: 'POST coaching group spirit agreement',
    method: 'POST',
    path: (t) => `${cgroup(t)}/spirit/agreements`,
    body: () => ({ version: 1 }),
  },
  {
    name: 'POST coaching group review',
    method: 'POST',
    path: (t) => `${cgroup(t)}/review`,
    body: () => ({ mode: 'named', facilitatorId: 'nosuchperson1' }),
  },
  {
    name: 'POST coaching group session',
    method: 'POST',
    path: (t) => `${cgroup(t)}/sessions`,
    body: () => ({ date: '2025-03-01' }),
  },
  {
    name: 'GET coaching group session',
    method: 'GET',
    path: cgroupSession,
    absentUntilSaved: 'coaching group not found',
  },
  {
    name: 'PATCH coaching group session',
    method: 'PATCH',
    path: cgroupSession,
    body: () => ({ presentIds: [] }),
  },
  {
    name: 'POST coaching group issue',
    method: 'POST',
    path: (t) => `${cgroupSession(t)}/issues`,
    body: () => ({ ownerId: 'nosuchperson1' }),
  },
  {
    name: 'PATCH coaching group issue',
    method: 'PATCH',
    path: (t) => `${cgroupSession(t)}/issues/${t.groupIssueId ?? 'nosuchissue1'}`,
    body: () => ({ version: 1, howDoI: 'take over' }),
  },
  {
    name: 'POST coaching group commitments',
    method: 'POST',
    path: (t) => `${cgroupSession(t)}/issues/${t.groupIssueId ?? 'nosuchissue1'}/commitments`,
    body: () => ({ actions: ['Taken over'], reportBackBy: '2025-04-01' }),
  },
  {
    name: 'GET coaching group commitments',
    method: 'GET',
    path: (t) => `${cgroup(t)}/commitments`,
    absentUntilSaved: 'coaching group not found',
  },
  {
    name: 'POST coaching group report-back',
    method: 'POST',
    path: (t) => `${cgroup(t)}/commitments/${t.groupCommitmentId ?? 'nosuchcommit1'}/report-backs`,
    body: () => ({ sessionId: 'nosuchsession', outcome: 'Taken over', done: true }),
  },
  {
    name: 'GET key questions worksheet',
    method: 'GET',
    path: (t) => `${cgroup(t)}/worksheet`,
    absentUntilSaved: 'coaching group not found',
  },
  {
    name: 'PUT key questions worksheet',
    method: 'PUT',
    path: (t) => `${cgroup(t)}/worksheet`,
    body: () => ({ answers: { 'trying-to-do': 'Taken over' } }),
  },
  {
    name: 'GET learning log',
    method: 'GET',
    path: (t) => `${cgroupSession(t)}/learning-log`,
    absentUntilSaved: 'coaching group not found',
  },
  {
    name: 'PUT learning log',
    method: 'PUT',
    path: (t) => `${cgroupSession(t)}/learning-log`,
    body: () => ({ content: 'Taken over', evaluation: '', actionPlan: '' }),
  },
  {
    name: 'POST coaching program',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/coaching-programs`,
    body: (t) => ({
      organizationId: t.organizationId,
      name: 'Taken over',
      objectives: ['Taken over'],
      pairingMode: 'fixed',
    }),
  },
  {
    name: 'GET coaching programs',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coaching-programs`,
  },
  {
    name: 'GET coaching program',
    method: 'GET',
    path: cprogram,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'PATCH coaching program',
    method: 'PATCH',
    path: cprogram,
    body: () => ({ version: 1, name: 'Taken over' }),
  },
  {
    name: 'GET coaching program summary',
    method: 'GET',
    path: (t) => `${cprogram(t)}/summary`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'POST coaching program nomination',
    method: 'POST',
    path: (t) => `${cprogram(t)}/nominations`,
    body: () => ({ nomineeId: 'nosuchperson1', refereeIds: ['nosuchperson2'] }),
  },
  {
    name: 'GET coaching program nominations',
    method: 'GET',
    path: (t) => `${cprogram(t)}/nominations`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'POST coaching program reference confirmation',
    method: 'POST',
    path: (t) =>
      `${cprogram(t)}/nominations/${t.nominationId ?? 'nosuchnomination'}/references/${t.refereeId ?? 'nosuchreferee'}/confirm`,
    body: () => ({}),
  },
  {
    name: 'POST coaching program participant',
    method: 'POST',
    path: (t) => `${cprogram(t)}/participants`,
    body: () => ({ nominationId: 'nosuchnomination' }),
  },
  {
    name: 'GET coaching program participants',
    method: 'GET',
    path: (t) => `${cprogram(t)}/participants`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'POST coaching program consent',
    method: 'POST',
    path: (t) => `${cprogram(t)}/consent`,
    body: () => ({ textVersion: '002-consent-v1', signature: 'Taken Over', agree: true }),
  },
  {
    name: 'GET coaching program pairs',
    method: 'GET',
    path: (t) => `${cprogram(t)}/pairs`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'POST coaching program pairs',
    method: 'POST',
    path: (t) => `${cprogram(t)}/pairs`,
    body: () => ({ pairs: [['nosuchperson1', 'nosuchperson2']] }),
  },
  {
    name: 'POST coaching program rotation',
    method: 'POST',
    path: (t) => `${cprogram(t)}/rotation`,
    body: () => ({ startDate: '2025-03-03', rounds: 1 }),
  },
  {
    name: 'POST coaching program pair session',
    method: 'POST',
    path: (t) => `${cpair(t)}/sessions`,
    body: () => ({ date: '2025-03-10', notes: 'Taken over' }),
  },
  {
    name: 'GET coaching program pair sessions',
    method: 'GET',
    path: (t) => `${cpair(t)}/sessions`,
    absentUntilSaved: 'pair not found',
  },
  {
    name: 'POST coaching program session note',
    method: 'POST',
    path: (t) => `${cpair(t)}/sessions/${t.pairSessionId ?? 'nosuchsession'}/notes`,
    body: () => ({ text: 'Taken over' }),
  },
  {
    name: 'POST coaching program self-assessment',
    method: 'POST',
    path: (t) => `${cprogram(t)}/self-assessments`,
    body: () => ({ kind: 'baseline', ratings: { 'active-listening': 3 } }),
  },
  {
    name: 'GET coaching program own self-assessments',
    method: 'GET',
    path: (t) => `${cprogram(t)}/self-assessments/mine`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'GET coaching program self-assessment summary',
    method: 'GET',
    path: (t) => `${cprogram(t)}/self-assessments/summary`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'POST coaching program survey round',
    method: 'POST',
    path: (t) => `${cprogram(t)}/survey-rounds`,
  },
  {
    name: 'POST coaching program survey response',
    method: 'POST',
    path: (t) => `${cprogram(t)}/survey-responses`,
    body: () => ({ answers: { skills: 4 } }),
  },
  {
    name: 'GET coaching program survey results',
    method: 'GET',
    path: (t) => `${cprogram(t)}/survey/results`,
    absentUntilSaved: 'coaching program not found',
  },
  {
    name: 'GET coaching overview',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/coaching-overview`,
  },
];
const CALLERS = ['admin', 'coordinator', 'member'] as const;

let api: TestApi;
let a: Tenant;
let b: Tenant;
let bOrganization: Organization;
let bMentorship: Mentorship;

async function onboard(name: string): Promise<Tenant> {
  const { networkId, adminToken } = await api.createNetwork(name);
  const org = await createOrganization(api, networkId, adminToken, {
    name: `${name} organization`,
  });
  const coordinator = await acceptInvitation(api, org.coordinatorEmail);
  const memberEmail = uniqueEmail('member');
  const res = await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
    token: adminToken,
    body: { email: memberEmail, name: 'A Member' },
  });
  const member = await expectJson<Member>(res, 201);
  const memberSession = await acceptInvitation(api, memberEmail);
  const partner = await createOrganization(api, networkId, adminToken, {
    name: `${name} partner`,
  });
  const mentorship = await createMentorship(api, networkId, adminToken, {
    mentorOrganizationId: org.id,
    menteeOrganizationIds: [partner.id],
  });
  return {
    networkId,
    organizationId: org.id,
    partnerOrganizationId: partner.id,
    mentorshipId: mentorship.id,
    memberId: member.id,
    tokens: { admin: adminToken, coordinator: coordinator.token, member: memberSession.token },
  };
}

/** What must not change in B: its items and the mail sent. */
async function snapshotB() {
  return { items: await api.countItems([b.networkId]), mails: (await api.mails()).length };
}

/** A tenant's own ids, as a route target. */
const ownIds = (t: Tenant): Target => ({
  networkId: t.networkId,
  organizationId: t.organizationId,
  partnerOrganizationId: t.partnerOrganizationId,
  mentorshipId: t.mentorshipId,
});

const withoutInstance = ({ instance: _instance, ...rest }: Problem) => rest;

beforeAll(async () => {
  api = await createTestApi();
  a = await onboard('Network A');
  b = await onboard('Network B');
  bOrganization = await expectJson<Organization>(
    await api.call('GET', `/networks/${b.networkId}/organizations/${b.organizationId}`, {
      token: b.tokens.admin,
    }),
    200,
  );
  bMentorship = await expectJson<Mentorship>(
    await api.call('GET', `/networks/${b.networkId}/mentorships/${b.mentorshipId}`, {
      token: b.tokens.admin,
    }),
    200,
  );
});
afterAll(() => api.close());

describe("network A's people on network B's routes", () => {
  // every route, each with one of the callers in `pnpm test` (all under `pnpm test:full`)
  for (const [i, route] of ROUTES.entries()) {
    for (const caller of sample(CALLERS, 1, i)) {
      it(`${caller} of A: ${route.name} of B → 404, like a network that does not exist`, async () => {
        const token = a.tokens[caller];
        const call = (target: Target) =>
          api.call(route.method, route.path(target), {
            token,
            ...(route.body ? { body: route.body(target) } : {}),
          });
        const before = await snapshotB();

        const onB = await expectProblem(await call(b), 404);
        expect(await snapshotB()).toEqual(before);

        const onNothing = await expectProblem(
          await call({
            networkId: 'no-such-network-zz9',
            organizationId: 'nosuchorganization',
            partnerOrganizationId: 'nosuchpartner',
            mentorshipId: 'nosuchmentorship',
          }),
          404,
        );
        expect(withoutInstance(onB)).toEqual(withoutInstance(onNothing));
      });
    }
  }

  it("leaves B's organization and members as they were", async () => {
    const stored = await expectJson<Organization>(
      await api.call('GET', `/networks/${b.networkId}/organizations/${b.organizationId}`, {
        token: b.tokens.admin,
      }),
      200,
    );
    expect(stored).toEqual(bOrganization);
    const members = await expectJson<{ items: Member[] }>(
      await api.call('GET', `/networks/${b.networkId}/organizations/${b.organizationId}/members`, {
        token: b.tokens.admin,
      }),
      200,
    );
    expect(members.items.map((m) => m.id).sort()).toEqual(
      [bOrganization.coordinatorId, b.memberId].sort(),
    );
    const mentorship = await expectJson<Mentorship>(
      await api.call('GET', `/networks/${b.networkId}/mentorships/${b.mentorshipId}`, {
        token: b.tokens.admin,
      }),
      200,
    );
    expect(mentorship).toEqual(bMentorship);
  });
});

describe("B's organization id under A's network path", () => {
  const ORGANIZATION_ROUTES = ROUTES.filter((r) =>
    r.path(PLACEHOLDERS).includes(PLACEHOLDERS.organizationId),
  );

  for (const route of ORGANIZATION_ROUTES) {
    it(`admin of A: ${route.name} with B's organization id → 404, nothing written anywhere`, async () => {
      const before = { a: await api.countItems([a.networkId]), b: await snapshotB() };
      await expectProblem(
        await api.call(
          route.method,
          route.path({ ...ownIds(a), organizationId: b.organizationId }),
          {
            token: a.tokens.admin,
            ...(route.body ? { body: route.body(ownIds(a)) } : {}),
          },
        ),
        404,
      );
      expect({ a: await api.countItems([a.networkId]), b: await snapshotB() }).toEqual(before);
    });
  }
});

describe("B's mentorship id under A's network path", () => {
  const MENTORSHIP_ROUTES = ROUTES.filter((r) =>
    r.path(PLACEHOLDERS).includes(PLACEHOLDERS.mentorshipId),
  );

  // every route, with the admin or the coordinator in `pnpm test` (both under `pnpm test:full`)
  for (const [i, route] of MENTORSHIP_ROUTES.entries()) {
    for (const caller of sample(['admin', 'coordinator'] as const, 1, i)) {
      it(`${caller} of A: ${route.name} with B's mentorship id → 404, nothing written anywhere`, async () => {
        const before = { a: await api.countItems([a.networkId]), b: await snapshotB() };
        const target = { ...ownIds(a), mentorshipId: b.mentorshipId };
        await expectProblem(
          await api.call(route.method, route.path(target), {
            token: a.tokens[caller],
            ...(route.body ? { body: route.body(target) } : {}),
          }),
          404,
        );
        expect({ a: await api.countItems([a.networkId]), b: await snapshotB() }).toEqual(before);
      });
    }
  }

  it("admin of A: a mentorship naming B's organizations → 400 naming them, nothing written", async () => {
    const before = { a: await api.countItems([a.networkId]), b: await snapshotB() };
    const problem = await expectProblem(
      await api.call('POST', `/networks/${a.networkId}/mentorships`, {
        token: a.tokens.admin,
        body: mentorshipBody({
          ...ownIds(a),
          organizationId: b.organizationId,
          partnerOrganizationId: b.partnerOrganizationId,
        }),
      }),
      400,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'menteeOrganizationIds.0',
      'mentorOrganizationId',
    ]);
    expect({ a: await api.countItems([a.networkId]), b: await snapshotB() }).toEqual(before);
  });
});

describe('the rows are the routes', () => {
  it('covers every network route the API documents', async () => {
    const spec = (await (await api.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/networks/{networkId}'))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
    const rows = ROUTES.map((r) => `${r.method} ${r.path(PLACEHOLDERS)}`);
    expect(rows.sort()).toEqual(documented.sort());
  });
});

describe('the same callers on their own network (the matrix can fail)', () => {
  it("answers A's admin on A's own routes", async () => {
    const own = ownIds(a);
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      const res = await api.call('GET', route.path(own), { token: a.tokens.admin });
      const text = await res.clone().text();
      if (route.absentUntilSaved) {
        expect(res.status, `${route.name}: ${text}`).toBe(404);
        expect((JSON.parse(text) as Problem).detail, route.name).toBe(route.absentUntilSaved);
      } else {
        expect(res.status, `${route.name}: ${text}`).toBe(200);
      }
    }
  });
});
