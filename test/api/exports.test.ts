import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody } from '../support/quarterly-reports.ts';
import { fileSummaryReport, summaryBody } from '../support/summary-reports.ts';

let api: TestApi;
let w: MentorshipWorld;
/** A second mentorship, between the outsider (mentor) and the mentee. */
let other: Mentorship;

/** A minimal RFC 4180 reader: rows of cells (quoted cells may hold commas, quotes, breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** The CSV of an export: checks the headers every export carries, returns its rows. */
async function csv(path: string, token: string): Promise<{ rows: string[][]; filename: string }> {
  const res = await api.call('GET', path, { token });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const disposition = res.headers.get('content-disposition') ?? '';
  expect(disposition).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
  // text() drops the byte order mark; the raw bytes keep it for spreadsheets
  return { rows: parseCsv(text), filename: disposition.split('"')[1]! };
}
const mentorshipExport = (m: { id: string }, form: string) =>
  `${mentorshipPath(w.networkId, m.id)}/exports/${form}`;
const networkExport = (form: string) => `/networks/${w.networkId}/exports/${form}`;

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Exports');
  await fileSummaryReport(
    api,
    w.networkId,
    w.mentorship.id,
    w.tokens.participant,
    summaryBody({
      organizationIds: [w.mentee.id],
      participants: ['=HYPERLINK("http://evil.example")', 'Ama Mensah'],
      followUpActions: [
        { what: 'Share the template, with notes', ownerId: w.participantId, dueDate: '2025-02-10' },
      ],
    }),
  );
  await expectJson(
    await api.call('POST', `${mentorshipPath(w.networkId, w.mentorship.id)}/quarterly-reports`, {
      token: w.tokens.mentorCoordinator,
      body: reportBody(1),
    }),
    201,
  );
  other = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.outsider.id,
    menteeOrganizationIds: [w.mentee.id],
  });
  await fileSummaryReport(
    api,
    w.networkId,
    other.id,
    w.tokens.admin,
    summaryBody({
      organizationIds: [w.outsider.id],
      meetingDate: '2025-01-30',
      date: '2025-01-30',
    }),
  );
});
afterAll(() => api.close());

describe('GET …/mentorships/{mentorshipId}/exports/{form}', () => {
  it('gives the summary reports under the sheet’s own boxes, one row per meeting', async () => {
    const { rows, filename } = await csv(
      mentorshipExport(w.mentorship, 'summary-reports'),
      w.tokens.participant,
    );
    expect(filename).toMatch(
      new RegExp(`^sisi-summary-reports-${w.mentorship.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const [header, ...data] = rows;
    expect(header).toEqual([
      'Report',
      'ORGANIZATION',
      'MEETING DATE',
      'MEETING PARTICIPANTS',
      'AGENDA/DISCUSSION POINTS FOR THE DAY',
      'PROGRESS ON THE MENTORING PROCESS/MILESTONES REACHED',
      'Milestones reached',
      'FOLLOW-UP ACTIONS',
      'ISSUES: RAISED — SOLUTIONS PROPOSED/TAKEN — PENDING',
      'NEXT MEETING DATE',
      'AGENDA FOR THE NEXT MEETING',
      'REPORTED BY (MENTOR OR MENTEE, OR BOTH)',
      'DATE',
      'Filed by',
      'Filed at',
    ]);
    expect(data).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, data[0]![i]]));
    expect(row).toMatchObject({
      ORGANIZATION: 'Exports mentee',
      'MEETING DATE': '2025-02-03',
      // a cell a spreadsheet would run as a formula is defused
      'MEETING PARTICIPANTS': `'=HYPERLINK("http://evil.example"); Ama Mensah`,
      'FOLLOW-UP ACTIONS': 'Share the template, with notes — Participating Member — 2025-02-10',
      'REPORTED BY (MENTOR OR MENTEE, OR BOTH)': 'Both',
    });
  });

  it('gives the follow-up actions with where each stands, and the quarterly reports', async () => {
    const actions = (await csv(mentorshipExport(w.mentorship, 'follow-up-actions'), w.tokens.admin))
      .rows;
    expect(actions[0]!.slice(0, 5)).toEqual(['What', 'Who', 'By when', 'Status', 'Overdue']);
    expect(actions.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['Share the template, with notes', 'Participating Member', '2025-02-10', 'open', 'yes'],
    ]);
    const quarterly = (
      await csv(mentorshipExport(w.mentorship, 'quarterly-reports'), w.tokens.menteeCoordinator)
    ).rows;
    expect(quarterly[0]!.slice(0, 4)).toEqual(['Period', 'Due date', 'Date', 'Mentor(s) Name (s)']);
    expect(quarterly[0]).toContain('What has been the technical area of focus for the mentorship?');
    expect(quarterly).toHaveLength(2);
    expect(quarterly[1]![0]).toBe('1');
  });

  it('starts with the byte order mark spreadsheets need for UTF-8', async () => {
    const res = await api.call('GET', mentorshipExport(w.mentorship, 'summary-reports'), {
      token: w.tokens.admin,
    });
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has an export for each form type, the reflection and evaluation included', async () => {
    for (const form of [
      'summary-reports',
      'follow-up-actions',
      'quarterly-reports',
      'reflection',
      'evaluations',
    ]) {
      const { rows } = await csv(mentorshipExport(w.mentorship, form), w.tokens.admin);
      expect(rows[0]!.length, form).toBeGreaterThan(1);
    }
  });

  it('answers 404 for an unknown form', async () => {
    await expectProblem(
      await api.call('GET', mentorshipExport(w.mentorship, 'diary'), { token: w.tokens.admin }),
      404,
    );
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}, who does not see the mentorship`, async () => {
      await expectProblem(
        await api.call('GET', mentorshipExport(w.mentorship, 'summary-reports'), {
          token: w.tokens[caller],
        }),
        404,
      );
    });
  }
});

describe('GET /networks/{networkId}/exports/{form}', () => {
  it('gives an admin every mentorship’s rows, each with the mentorship and who is in it in front', async () => {
    const { rows, filename } = await csv(networkExport('summary-reports'), w.tokens.admin);
    expect(filename).toMatch(new RegExp(`^sisi-summary-reports-${w.networkId}-`));
    expect(rows[0]!.slice(0, 5)).toEqual([
      'Mentorship',
      'Mentor organization',
      'Mentee organizations',
      'Report',
      'ORGANIZATION',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r.slice(0, 3))
        .sort(),
    ).toEqual(
      [
        [w.mentorship.id, 'Exports mentor', 'Exports mentee'],
        [other.id, 'Exports outsider', 'Exports mentee'],
      ].sort(),
    );
  });

  it('gives others only the mentorships they see', async () => {
    const mentorIds = async (token: string) =>
      (await csv(networkExport('summary-reports'), token)).rows.slice(1).map((r) => r[0]);
    expect(await mentorIds(w.tokens.participant)).toEqual([w.mentorship.id]);
    expect(await mentorIds(w.tokens.mentorCoordinator)).toEqual([w.mentorship.id]);
    expect(await mentorIds(w.tokens.outsiderCoordinator)).toEqual([other.id]);
    expect((await mentorIds(w.tokens.menteeCoordinator)).sort()).toEqual(
      [w.mentorship.id, other.id].sort(),
    );
    expect(await mentorIds(w.tokens.bystander)).toEqual([]);
  });

  it('answers 404 for an unknown form and on another network', async () => {
    await expectProblem(
      await api.call('GET', networkExport('diary'), { token: w.tokens.admin }),
      404,
    );
    await expectProblem(
      await api.call('GET', `/networks/${w.otherNetworkId}/exports/summary-reports`, {
        token: w.tokens.admin,
      }),
      404,
    );
  });
});
