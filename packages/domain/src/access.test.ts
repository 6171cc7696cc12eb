import { describe, expect, it } from 'vitest';
import {
  canEndMentorship,
  canManageMentorship,
  canSeeMentorship,
  involvedOrganizations,
  participantOrganizationsFor,
} from './access.ts';

const m = {
  mentorOrganizationId: 'o-mentor',
  menteeOrganizationIds: ['o-mentee-1', 'o-mentee-2'],
  participantIds: ['p-member'],
};

describe('mentorship access', () => {
  it('lets network admins and the mentor’s coordinators end it, not a mentee’s (ADR 0026)', () => {
    const coordinatorOf = (organizationId: string) => ({
      id: 'c',
      roles: ['coordinator'] as const,
      organizationId,
    });
    expect(canEndMentorship({ id: 'a', roles: ['network-admin'] }, m)).toBe(true);
    expect(canEndMentorship(coordinatorOf('o-mentor'), m)).toBe(true);
    expect(canEndMentorship(coordinatorOf('o-mentee-1'), m)).toBe(false);
    expect(canEndMentorship(coordinatorOf('o-else'), m)).toBe(false);
    expect(
      canEndMentorship({ id: 'p-member', roles: ['member'], organizationId: 'o-mentor' }, m),
    ).toBe(false);
  });

  it('lets each side choose its own participants, a network admin anyone’s (ADR 0026)', () => {
    const coordinatorOf = (organizationId: string) => ({
      id: 'c',
      roles: ['coordinator'] as const,
      organizationId,
    });
    expect(participantOrganizationsFor({ id: 'a', roles: ['network-admin'] }, m)).toEqual(
      involvedOrganizations(m),
    );
    expect(participantOrganizationsFor(coordinatorOf('o-mentor'), m)).toEqual(['o-mentor']);
    expect(participantOrganizationsFor(coordinatorOf('o-mentee-2'), m)).toEqual(['o-mentee-2']);
    expect(participantOrganizationsFor(coordinatorOf('o-else'), m)).toEqual([]);
    expect(
      participantOrganizationsFor(
        { id: 'p-member', roles: ['member'], organizationId: 'o-mentor' },
        m,
      ),
    ).toEqual([]);
  });

  it('lists the mentor organization first, then the mentees', () => {
    expect(involvedOrganizations(m)).toEqual(['o-mentor', 'o-mentee-1', 'o-mentee-2']);
  });

  it('lets network admins run and see every mentorship of their network', () => {
    const admin = { id: 'a', roles: ['network-admin'] as const };
    expect(canManageMentorship(admin, m)).toBe(true);
    expect(canSeeMentorship(admin, m)).toBe(true);
  });

  it('lets coordinators run and see only the mentorships of their organization', () => {
    const own = { id: 'c', roles: ['coordinator'] as const, organizationId: 'o-mentee-2' };
    const other = { id: 'c2', roles: ['coordinator'] as const, organizationId: 'o-else' };
    const none = { id: 'c3', roles: ['coordinator'] as const };
    expect(canManageMentorship(own, m)).toBe(true);
    expect(canSeeMentorship(own, m)).toBe(true);
    expect(canManageMentorship(other, m)).toBe(false);
    expect(canSeeMentorship(other, m)).toBe(false);
    expect(canManageMentorship(none, m)).toBe(false);
  });

  it('lets members see, never run, the mentorships they take part in', () => {
    const member = { id: 'p-member', roles: ['member'] as const, organizationId: 'o-mentor' };
    const outsider = { id: 'p-else', roles: ['member'] as const, organizationId: 'o-mentor' };
    expect(canSeeMentorship(member, m)).toBe(true);
    expect(canManageMentorship(member, m)).toBe(false);
    expect(canSeeMentorship(outsider, m)).toBe(false);
  });

  it('shows a member of the organization nothing without a participant list', () => {
    const member = { id: 'p-member', roles: ['member'] as const, organizationId: 'o-mentor' };
    expect(canSeeMentorship(member, { ...m, participantIds: undefined })).toBe(false);
  });
});
