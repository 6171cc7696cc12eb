import { createRoute, z } from '@hono/zod-openapi';
import {
  type CsvColumn,
  csvHeader,
  csvList,
  type ExportLanguage,
  languages,
  type Mentorship,
  toCsv,
} from '@sisi/domain';
import { requestLanguage } from '../accept-language.ts';
import { ApiError, NotFoundError } from '../errors.ts';
import { type AnyFormExport, type ExportScope, formExport, formExports } from '../exports/index.ts';
import { bearer, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { audit } from '../services/audit.ts';
import { involvedOrganizations, visibleMentorship } from '../services/mentorship-access.ts';
import { organizationNames, todayOf, visibleMentorships } from '../services/monitoring.ts';

const networkParam = z.object({ networkId: z.string().max(100) });
const formParam = networkParam.extend({ form: z.string().max(100) });
const mentorshipFormParam = formParam.extend({ mentorshipId: z.string().max(100) });

/** `?lang=`: the language of the `<column>_label` columns. */
export const langQuery = z.object({
  lang: z.enum(languages).optional().openapi({
    description:
      'The language of the `<column>_label` columns (`en`, `fr`, `es`, `pt`); without it, the best match of `Accept-Language`, else English. The header row is the same in every language.',
  }),
});

/**
 * The language a CSV's labels are written in: `lang` when given, else the best match of the
 * request's `Accept-Language` among the four, else English.
 */
export const csvLanguage = (lang: ExportLanguage | undefined, acceptLanguage?: string) =>
  lang ?? requestLanguage(acceptLanguage);

const FORMS = () => formExports.map((e) => `\`${e.form}\``).join(', ');
/** Each form's header row, for the routes' descriptions (made from the exporters). */
const HEADERS = () =>
  formExports
    .map(
      (e) =>
        `\`${e.form}\`: ${csvHeader(e.columns('en'))
          .map((id) => `\`${id}\``)
          .join(', ')}`,
    )
    .join('. ');

export const csvResponse = {
  description: 'The CSV file (RFC 4180, UTF-8 with a byte order mark for spreadsheets)',
  headers: {
    'Content-Disposition': {
      description: '`attachment; filename=…`',
      schema: { type: 'string' as const },
    },
  },
  content: { 'text/csv': { schema: { type: 'string' as const } } },
};

/** Spreadsheets (Excel above all) read UTF-8 only with a byte order mark. */
const BOM = '\uFEFF';

export function csvFile(text: string, filename: string): Response {
  return new Response(`${BOM}${text}`, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Who is in a row's mentorship: the columns the network export puts in front. */
interface InFront {
  mentorshipId: string;
  mentor: string;
  mentees: string[];
}

const FRONT: CsvColumn<InFront>[] = [
  { id: 'mentorship_id', value: (r) => r.mentorshipId },
  { id: 'mentor_organization', value: (r) => r.mentor },
  { id: 'mentee_organizations', value: (r) => csvList(r.mentees) },
];

/** An exporter's narrower rule for one mentorship (403/404): skipped in a network export. */
const refused = (error: unknown) =>
  error instanceof ApiError && (error.status === 403 || error.status === 404);

/** The exporter of `form`; 404 for a form without one. */
const exporterOf = (form: string): AnyFormExport => {
  const exporter = formExport(form);
  if (!exporter) throw new NotFoundError('export');
  return exporter;
};

/** Every row of `exporter` over the mentorships the caller sees, who is in each in front. */
async function networkCsv(
  scope: ExportScope,
  exporter: AnyFormExport,
  lng: ExportLanguage,
): Promise<string> {
  const { tenant, store } = scope;
  const columns: CsvColumn<{ front: InFront; row: unknown }>[] = [
    ...FRONT.map((c) => ({ id: c.id, value: (r: { front: InFront }) => c.value(r.front) })),
    ...exporter.columns(lng).map((c) => ({
      id: c.id,
      value: (r: { row: unknown }) => c.value(r.row),
      ...(c.label ? { label: (r: { row: unknown }) => c.label!(r.row) } : {}),
    })),
  ];
  const rows: { front: InFront; row: unknown }[] = [];
  for await (const page of visibleMentorships(store.mentorships, tenant)) {
    const names = await organizationNames(store, page.flatMap(involvedOrganizations));
    for (const m of page as Mentorship[]) {
      let found: unknown[];
      try {
        found = await exporter.rows(scope, m);
      } catch (error) {
        if (refused(error)) continue;
        throw error;
      }
      const front: InFront = {
        mentorshipId: m.id,
        mentor: names.get(m.mentorOrganizationId) ?? '',
        mentees: m.menteeOrganizationIds.map((id) => names.get(id) ?? ''),
      };
      for (const row of found) rows.push({ front, row });
    }
  }
  return toCsv(columns, rows);
}

const mentorshipExport = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/exports/{form}',
  tags: ['Exports'],
  summary: "A form's answers for one mentorship, as CSV",
  description: `\`form\`: ${FORMS()} (another: 404). For everyone who sees the mentorship (a form with a narrower rule applies it). One row per filled form. The header row is stable snake_case column ids, the same in every language; each coded answer (technical areas, statuses, scale answers, yes/no…) keeps its code and has its words in the reader's language in a \`<column>_label\` column right after it (\`lang\`, else \`Accept-Language\`); written answers are as written. List answers are one cell, separated by \`; \` (their labels in the same order). The columns of each form (their meaning: docs/exports.md): ${HEADERS()}.`,
  security: bearer,
  request: { params: mentorshipFormParam, query: langQuery },
  responses: { 200: csvResponse, ...problems(400, 401, 403, 404) },
});
const mentorshipExportHandler: Handler<typeof mentorshipExport> = async (c) => {
  const scope = network(c);
  const { form } = c.req.valid('param');
  const lng = csvLanguage(c.req.valid('query').lang, c.req.header('accept-language'));
  const exporter = exporterOf(form);
  const m = await visibleMentorship(c);
  const today = todayOf(c.var.deps.clock);
  const rows = await exporter.rows({ ...scope, today }, m);
  // after the form's own rule allowed it: a refused export is no export
  await audit(c, { kind: 'export.csv', subjectId: m.id, targets: { form: exporter.form } });
  return csvFile(toCsv(exporter.columns(lng), rows), `sisi-${exporter.form}-${m.id}-${today}.csv`);
};

const networkExport = createRoute({
  method: 'get',
  path: '/networks/{networkId}/exports/{form}',
  tags: ['Exports'],
  summary: "A form's answers across every mentorship the caller sees, as CSV",
  description: `\`form\`: ${FORMS()} (another: 404). Admins: every mentorship of the network; coordinators: their organization's and those they take part in; members: those they take part in (read page by page from the mentorship indexes, never a Scan). Each row starts with the mentorship's id and its organizations' names (\`mentorship_id\`, \`mentor_organization\`, \`mentee_organizations\`), then the form's columns as in the mentorship's export, labels in the reader's language (\`lang\`, else \`Accept-Language\`); mentorships whose form the caller may not read are left out.`,
  security: bearer,
  request: { params: formParam, query: langQuery },
  responses: { 200: csvResponse, ...problems(400, 401, 404) },
});
const networkExportHandler: Handler<typeof networkExport> = async (c) => {
  const scope = network(c);
  const { networkId, form } = c.req.valid('param');
  const lng = csvLanguage(c.req.valid('query').lang, c.req.header('accept-language'));
  const exporter = exporterOf(form);
  const today = todayOf(c.var.deps.clock);
  const [csv] = await Promise.all([
    networkCsv({ ...scope, today }, exporter, lng),
    audit(c, { kind: 'export.csv', targets: { form: exporter.form } }),
  ]);
  return csvFile(csv, `sisi-${exporter.form}-${networkId}-${today}.csv`);
};

/**
 * CSV exports of every form type (the registry in `exports/index.ts`), per mentorship and
 * per network: the rows of every mentorship the caller sees, each with the mentorship's id
 * and its organizations' names in front.
 */
export const exportRoutes = () =>
  router()
    .openapi(mentorshipExport, mentorshipExportHandler)
    .openapi(networkExport, networkExportHandler);
