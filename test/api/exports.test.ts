import { exportsCatalogs, toolkitIn } from '@sisi/domain';
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
async function csv(
  path: string,
  token: string,
  headers?: Record<string, string>,
): Promise<{ rows: string[][]; filename: string }> {
  const res = await api.call('GET', path, { token, ...(headers ? { headers } : {}) });
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
/** Each row as `{column id: cell}`. */
const byId = (rows: string[][]) =>
  rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]])));
/** The words of a toolkit option, by its code. */
const word = (options: readonly { id: string; label: string }[], id: string) =>
  options.find((o) => o.id === id)!.label;

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
  it('gives the summary reports under stable column ids, one row per meeting', async () => {
    const { rows, filename } = await csv(
      mentorshipExport(w.mentorship, 'summary-reports'),
      w.tokens.participant,
    );
    expect(filename).toMatch(
      new RegExp(`^sisi-summary-reports-${w.mentorship.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const [header, ...data] = rows;
    expect(header).toEqual([
      'report_id',
      'organizations',
      'meeting_date',
      'participants',
      'agenda',
      'progress',
      'milestones_reached',
      'follow_up_actions',
      'issues',
      'next_meeting_date',
      'next_meeting_agenda',
      'reported_by',
      'reported_by_label',
      'date',
      'filed_by',
      'filed_at',
    ]);
    expect(data).toHaveLength(1);
    expect(byId(rows)[0]).toMatchObject({
      organizations: 'Exports mentee',
      meeting_date: '2025-02-03',
      // a cell a spreadsheet would run as a formula is defused
      participants: `'=HYPERLINK("http://evil.example"); Ama Mensah`,
      follow_up_actions: 'Share the template, with notes — Participating Member — 2025-02-10',
      reported_by: 'both',
      reported_by_label: word(toolkitIn('toolkit-monitoring', 'en').summaryReportReporters, 'both'),
    });
  });

  it('words the codes in the language `lang` names, else the best of `Accept-Language`', async () => {
    const path = mentorshipExport(w.mentorship, 'summary-reports');
    const en = await csv(path, w.tokens.participant);
    const fr = await csv(`${path}?lang=fr`, w.tokens.participant, { 'accept-language': 'pt' });
    const pt = await csv(path, w.tokens.participant, {
      'accept-language': 'de-CH, pt-BR;q=0.9, en;q=0.5',
    });
    const es = await csv(path, w.tokens.participant, { 'accept-language': 'es-PE' });
    const none = await csv(path, w.tokens.participant, { 'accept-language': 'de, sw' });
    const reporter = (lng: 'en' | 'fr' | 'es' | 'pt') =>
      word(toolkitIn('toolkit-monitoring', lng).summaryReportReporters, 'both');
    for (const [lng, file] of [
      ['en', en],
      ['fr', fr],
      ['pt', pt],
      ['es', es],
      ['en', none],
    ] as const) {
      // the header and the codes are the same in every language; only the labels change
      expect(file.rows[0], lng).toEqual(en.rows[0]);
      expect(byId(file.rows)[0], lng).toMatchObject({
        reported_by: 'both',
        reported_by_label: reporter(lng),
        participants: byId(en.rows)[0]!.participants,
      });
    }
    // the test tells the languages apart
    for (const lng of ['fr', 'es', 'pt'] as const) expect(reporter(lng)).not.toBe(reporter('en'));
  });

  it('answers 400 naming `lang` for a language it does not write, and records no export', async () => {
    const exportsRecorded = async () =>
      (
        await expectJson<{ items: unknown[] }>(
          await api.call('GET', `/networks/${w.networkId}/audit?kind=export.csv&limit=100`, {
            token: w.tokens.admin,
          }),
          200,
        )
      ).items.length;
    const before = await exportsRecorded();
    for (const lang of ['de', 'FR', 'pt-BR', '']) {
      await expectProblem(
        await api.call('GET', `${mentorshipExport(w.mentorship, 'summary-reports')}?lang=${lang}`, {
          token: w.tokens.admin,
        }),
        400,
        'lang',
      );
      await expectProblem(
        await api.call('GET', `${networkExport('follow-up-actions')}?lang=${lang}`, {
          token: w.tokens.admin,
        }),
        400,
        'lang',
      );
    }
    expect(await exportsRecorded()).toBe(before);
  });

  it('gives the follow-up actions with where each stands, and the quarterly reports', async () => {
    const path = mentorshipExport(w.mentorship, 'follow-up-actions');
    const actions = (await csv(path, w.tokens.admin)).rows;
    expect(actions[0]!.slice(0, 7)).toEqual([
      'what',
      'who',
      'due_date',
      'status',
      'status_label',
      'overdue',
      'overdue_label',
    ]);
    expect(actions.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [
        'Share the template, with notes',
        'Participating Member',
        '2025-02-10',
        'open',
        exportsCatalogs.en.followUpStatus.open,
        'yes',
        exportsCatalogs.en.yesNo.yes,
      ],
    ]);
    const inPortuguese = (await csv(path, w.tokens.admin, { 'accept-language': 'pt-BR' })).rows;
    expect(inPortuguese[0]).toEqual(actions[0]);
    expect(byId(inPortuguese)[0]).toMatchObject({
      what: 'Share the template, with notes',
      status: 'open',
      status_label: exportsCatalogs.pt.followUpStatus.open,
      overdue: 'yes',
      overdue_label: exportsCatalogs.pt.yesNo.yes,
    });

    const quarterlyPath = mentorshipExport(w.mentorship, 'quarterly-reports');
    const quarterly = (await csv(quarterlyPath, w.tokens.menteeCoordinator)).rows;
    expect(quarterly[0]!.slice(0, 4)).toEqual(['period', 'due_date', 'date', 'mentor_names']);
    expect(quarterly).toHaveLength(2);
    const areas = ['advocacy', 'peer-navigation', 'other'];
    for (const lng of ['en', 'fr'] as const) {
      const file = (await csv(`${quarterlyPath}?lang=${lng}`, w.tokens.menteeCoordinator)).rows;
      expect(file[0], lng).toEqual(quarterly[0]);
      const labels = toolkitIn('toolkit-monitoring', lng).quarterlyReportTechnicalAreas;
      expect(byId(file)[0], lng).toMatchObject({
        period: '1',
        technical_areas: areas.join('; '),
        technical_areas_label: areas.map((a) => word(labels, a)).join('; '),
      });
    }
  });

  it('starts with the byte order mark spreadsheets need for UTF-8', async () => {
    const res = await api.call('GET', mentorshipExport(w.mentorship, 'summary-reports'), {
      token: w.tokens.admin,
    });
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has an export for each form type, its header and codes the same in every language', async () => {
    for (const form of [
      'summary-reports',
      'follow-up-actions',
      'quarterly-reports',
      'reflection',
      'evaluations',
    ]) {
      const { rows } = await csv(mentorshipExport(w.mentorship, form), w.tokens.admin);
      expect(rows[0]!.length, form).toBeGreaterThan(1);
      expect(
        rows[0]!.every((id) => /^[a-z][a-z0-9_]*$/.test(id)),
        form,
      ).toBe(true);
      // the same header and the same codes in every language
      for (const lng of ['fr', 'es', 'pt'] as const) {
        const other = await csv(
          `${mentorshipExport(w.mentorship, form)}?lang=${lng}`,
          w.tokens.admin,
        );
        expect(other.rows[0], `${form} ${lng}`).toEqual(rows[0]);
        expect(other.rows.length, `${form} ${lng}`).toBe(rows.length);
        const codes = (r: string[][]) =>
          r.map((row) => row.filter((_, i) => !rows[0]![i]!.endsWith('_label')));
        expect(codes(other.rows), `${form} ${lng}`).toEqual(codes(rows));
      }
    }
  });

  it('is documented in the OpenAPI spec: the `lang` parameter and each form’s column ids', async () => {
    const spec = await expectJson<{
      paths: Record<
        string,
        {
          get: {
            description: string;
            parameters: { name: string; in: string; schema: { enum?: string[] } }[];
          };
        }
      >;
    }>(await api.call('GET', '/openapi.json'), 200);
    const op = spec.paths['/networks/{networkId}/mentorships/{mentorshipId}/exports/{form}']!.get;
    expect(op.parameters.find((p) => p.name === 'lang')).toMatchObject({
      in: 'query',
      schema: { enum: ['en', 'fr', 'es', 'pt'] },
    });
    const { rows } = await csv(mentorshipExport(w.mentorship, 'follow-up-actions'), w.tokens.admin);
    expect(op.description).toContain(rows[0]!.map((id) => `\`${id}\``).join(', '));
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
      'mentorship_id',
      'mentor_organization',
      'mentee_organizations',
      'report_id',
      'organizations',
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

  it('words the codes in the reader’s language too, under the same header', async () => {
    const en = (await csv(networkExport('summary-reports'), w.tokens.admin)).rows;
    const fr = (
      await csv(networkExport('summary-reports'), w.tokens.admin, { 'accept-language': 'fr-FR' })
    ).rows;
    expect(fr[0]).toEqual(en[0]);
    const reporter = word(toolkitIn('toolkit-monitoring', 'fr').summaryReportReporters, 'both');
    expect(byId(fr).map((r) => [r.reported_by, r.reported_by_label])).toEqual([
      ['both', reporter],
      ['both', reporter],
    ]);
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
    await expectProblem(
      await api.call('GET', `/networks/${w.otherNetworkId}/exports/summary-reports?lang=fr`, {
        token: w.tokens.admin,
        headers: { 'accept-language': 'fr' },
      }),
      404,
    );
  });
});
