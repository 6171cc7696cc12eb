import { describe, expect, it } from 'vitest';
import {
  createOrganizationSchema,
  inviteMemberSchema,
  keyPopulations,
  updateOrganizationSchema,
} from './organization.ts';

const valid = {
  name: 'Amani',
  country: 'ke',
  keyPopulations: ['sex-workers'],
  kpLed: true,
  coordinatorEmail: 'Coordinator@Example.org ',
  coordinatorName: ' Neema ',
};

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('createOrganizationSchema', () => {
  it('accepts the required fields, normalizes them and fills the defaults', () => {
    expect(createOrganizationSchema.parse(valid)).toEqual({
      name: 'Amani',
      country: 'KE',
      keyPopulations: ['sex-workers'],
      kpLed: true,
      coordinatorEmail: 'coordinator@example.org',
      coordinatorName: 'Neema',
      languages: [],
      technicalAreas: [],
      strengthsOffered: [],
      priorityNeeds: [],
      highSpeedInternet: false,
      nameVisibleToDonors: false,
    });
  });

  it('accepts every profile field', () => {
    const full = {
      ...valid,
      languages: ['fr', 'pt-BR'],
      keyPopulations: [...keyPopulations],
      technicalAreas: ['advocacy', 'other'],
      otherTechnicalArea: 'Legal literacy',
      strengthsOffered: ['Paralegal training'],
      priorityNeeds: ['Donor reporting'],
      highSpeedInternet: true,
      nameVisibleToDonors: true,
    };
    expect(createOrganizationSchema.safeParse(full).success).toBe(true);
  });

  it('asks what the "other" technical area is when it is chosen', () => {
    const result = createOrganizationSchema.safeParse({ ...valid, technicalAreas: ['other'] });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(['otherTechnicalArea']);
  });

  it("knows API.md's four key populations", () => {
    expect([...keyPopulations].sort()).toEqual([
      'msm',
      'people-who-inject-drugs',
      'sex-workers',
      'transgender',
    ]);
  });

  const rejected: [string, Record<string, unknown>, string][] = [
    ['an unknown key population', { keyPopulations: ['cats'] }, 'keyPopulations.0'],
    [
      'a second, unknown key population',
      { keyPopulations: ['msm', 'everyone'] },
      'keyPopulations.1',
    ],
    ['no key population', { keyPopulations: [] }, 'keyPopulations'],
    ['a country name', { country: 'Kenya' }, 'country'],
    ['a one-letter name', { name: 'A' }, 'name'],
    ['kpLed missing', { kpLed: undefined }, 'kpLed'],
    ['kpLed as text', { kpLed: 'yes' }, 'kpLed'],
    ['an unknown technical area', { technicalAreas: ['astrology'] }, 'technicalAreas.0'],
    ['a language name', { languages: ['English'] }, 'languages.0'],
    ['a bad coordinator email', { coordinatorEmail: 'nobody' }, 'coordinatorEmail'],
    ['a blank coordinator name', { coordinatorName: '  ' }, 'coordinatorName'],
    ['an empty strength', { strengthsOffered: [''] }, 'strengthsOffered.0'],
    ['an unknown field', { version: 1 }, ''],
  ];
  for (const [what, change, path] of rejected) {
    it(`rejects ${what} at "${path}"`, () => {
      const result = createOrganizationSchema.safeParse({ ...valid, ...change });
      expect(result.success).toBe(false);
      expect(paths(result)).toContain(path);
    });
  }
});

describe('updateOrganizationSchema', () => {
  it('keeps only the fields given: no defaults, so an edit leaves the rest alone', () => {
    expect(updateOrganizationSchema.parse({ version: 2, name: ' New name ' })).toEqual({
      version: 2,
      name: 'New name',
    });
  });

  it('requires a positive integer version', () => {
    for (const version of [undefined, 0, 1.5, '1']) {
      expect(paths(updateOrganizationSchema.safeParse({ version, name: 'Name' }))).toContain(
        'version',
      );
    }
  });

  it('rejects fields that are not the profile (ids, version bookkeeping)', () => {
    for (const field of ['id', 'networkId', 'coordinatorId', 'createdAt', 'coordinatorEmail']) {
      const result = updateOrganizationSchema.safeParse({ version: 1, [field]: 'x' });
      expect(result.success, field).toBe(false);
    }
  });

  it('validates the fields it is given as creation does', () => {
    expect(
      paths(updateOrganizationSchema.safeParse({ version: 1, keyPopulations: ['cats'] })),
    ).toContain('keyPopulations.0');
    expect(paths(updateOrganizationSchema.safeParse({ version: 1, country: 'XYZ' }))).toContain(
      'country',
    );
  });
});

describe('inviteMemberSchema', () => {
  it('normalizes the email and refuses anything else', () => {
    expect(inviteMemberSchema.parse({ email: ' A@B.org', name: 'Ama' })).toEqual({
      email: 'a@b.org',
      name: 'Ama',
    });
    expect(
      inviteMemberSchema.safeParse({ email: 'a@b.org', name: 'Ama', roles: ['operator'] }).success,
    ).toBe(false);
  });
});
