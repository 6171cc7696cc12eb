import type { Organization } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { checkProfile, languageCodes, profileFrom, profileValue } from './profile.ts';

const organization: Organization = {
  id: 'org-1',
  networkId: 'net-1',
  version: 3,
  coordinatorId: 'user-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  name: 'Hope Alliance',
  country: 'KE',
  // stored in another order than the form lists them, and one language it does not list
  languages: ['qu', 'sw', 'en'],
  keyPopulations: ['transgender', 'sex-workers'],
  kpLed: true,
  technicalAreas: ['other', 'advocacy'],
  otherTechnicalArea: 'Legal literacy',
  strengthsOffered: ['Paralegal training', 'Outreach'],
  priorityNeeds: [],
  highSpeedInternet: false,
  nameVisibleToDonors: true,
};

const t = ((key: string) => key) as Parameters<typeof checkProfile>[2];

describe('organization profile form', () => {
  it('starts a new profile empty', () => {
    expect(profileValue()).toEqual({
      name: '',
      country: '',
      languages: [],
      keyPopulations: [],
      kpLed: false,
      technicalAreas: [],
      otherTechnicalArea: '',
      strengthsOffered: '',
      priorityNeeds: '',
      highSpeedInternet: false,
      nameVisibleToDonors: false,
    });
  });

  it('holds choices in the order the form lists them, lists as lines', () => {
    const value = profileValue(organization);
    expect(value.languages).toEqual(['en', 'sw', 'qu']);
    expect(languageCodes(organization).at(-1)).toBe('qu');
    expect(value.keyPopulations).toEqual(['sex-workers', 'transgender']);
    expect(value.technicalAreas).toEqual(['advocacy', 'other']);
    expect(value.strengthsOffered).toBe('Paralegal training\nOutreach');
    expect(value.priorityNeeds).toBe('');
  });

  it('sends trimmed text and one list item per non-empty line', () => {
    const value = {
      ...profileValue(organization),
      name: '  Hope Alliance ',
      otherTechnicalArea: ' Legal literacy ',
      strengthsOffered: ' Paralegal training \n\n Outreach\n',
      priorityNeeds: '   ',
    };
    expect(profileFrom(value)).toEqual({
      name: 'Hope Alliance',
      country: 'KE',
      languages: ['en', 'sw', 'qu'],
      keyPopulations: ['sex-workers', 'transgender'],
      kpLed: true,
      technicalAreas: ['advocacy', 'other'],
      otherTechnicalArea: 'Legal literacy',
      strengthsOffered: ['Paralegal training', 'Outreach'],
      priorityNeeds: [],
      highSpeedInternet: false,
      nameVisibleToDonors: true,
    });
  });

  it('asks for the required fields and at least one key population', () => {
    expect(checkProfile(profileValue(), ['name', 'country'], t)).toEqual({
      fields: {
        name: 'errors.isRequired',
        country: 'errors.isRequired',
        keyPopulations: 'errors.chooseOne',
      },
    });
    expect(checkProfile(profileValue(organization), ['name', 'country'], t)).toEqual({
      fields: {},
    });
  });
});
