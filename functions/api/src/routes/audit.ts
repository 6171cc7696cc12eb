import { createRoute, z } from '@hono/zod-openapi';
import type { AuditRepository } from '@sisi/data';
import {
  type AuditEntry,
  type AuditQuery,
  auditEntrySchema,
  auditKinds,
  auditQuerySchema,
  type CsvColumn,
  type ExportLanguage,
  exportsT,
  toCsv,
} from '@sisi/domain';
import { ForbiddenError } from '../errors.ts';
import { bearer, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { audit } from '../services/audit.ts';
import { isNetworkAdmin } from '../services/organization-access.ts';
import { csvFile, csvLanguage, langQuery } from './exports.ts';

const networkParam = z.object({ networkId: z.string().max(100) });

const entryOut = named(auditEntrySchema, 'AuditEntry');
const auditPage = named(
  z.object({ items: z.array(entryOut), cursor: z.string().optional() }),
  'AuditPage',
);

/** The most rows one CSV holds; narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

/** The CSV's columns: ids and codes as stored, kind and role worded in `lng` beside them. */
const columns = (lng: ExportLanguage): CsvColumn<AuditEntry>[] => {
  const t = exportsT(lng);
  return [
    { id: 'at', value: (e) => e.at },
    { id: 'kind', value: (e) => e.kind, label: (e) => t(`auditKind.${e.kind}`) },
    { id: 'actor_id', value: (e) => e.actorId ?? '' },
    {
      id: 'actor_role',
      value: (e) => e.actorRole ?? '',
      label: (e) => (e.actorRole ? t(`role.${e.actorRole}`) : ''),
    },
    { id: 'subject_id', value: (e) => e.subjectId ?? '' },
    {
      id: 'targets',
      value: (e) =>
        Object.entries(e.targets ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
    },
    { id: 'address', value: (e) => e.address },
    { id: 'entry_id', value: (e) => e.id },
  ];
};

const auditQuery = auditQuerySchema.extend(langQuery.shape);

const listAudit = createRoute({
  method: 'get',
  path: '/networks/{networkId}/audit',
  tags: ['Audit'],
  summary: "The network's audit trail, newest first (network admins)",
  description: `Who (person id and role), what (\`kind\`, the ids touched), when and from which address; never a password or a form's content. \`person\`: that person's own acts (as actor); \`kind\`: one of ${auditKinds.map((k) => `\`${k}\``).join(', ')}. \`format=csv\`: the whole filtered trail (at most ${AUDIT_CSV_MAX_ROWS} rows, newest first) as a CSV file, headed \`at\`, \`kind\`, \`kind_label\`, \`actor_id\`, \`actor_role\`, \`actor_role_label\`, \`subject_id\`, \`targets\`, \`address\`, \`entry_id\` in every language (the labels in \`lang\`, else \`Accept-Language\`), itself recorded as an \`export.csv\` of form \`audit\`. Entries are kept 400 days unless the deployment sets otherwise (\`SISI_AUDIT_RETENTION_DAYS\`).`,
  security: bearer,
  request: { params: networkParam, query: auditQuery },
  responses: {
    200: {
      description: 'A page of entries (JSON), or the CSV file with `format=csv`',
      headers: {
        'Content-Disposition': {
          description: 'with `format=csv`: `attachment; filename=…`',
          schema: { type: 'string' as const },
        },
      },
      content: {
        'application/json': { schema: auditPage },
        'text/csv': { schema: { type: 'string' as const } },
      },
    },
    ...problems(400, 401, 403, 404),
  },
});

async function allEntries(
  trail: AuditRepository,
  filter: Pick<AuditQuery, 'person' | 'kind'>,
): Promise<AuditEntry[]> {
  const rows: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await trail.list(filter, 100, cursor);
    rows.push(...page.items);
    cursor = page.cursor;
  } while (cursor && rows.length < AUDIT_CSV_MAX_ROWS);
  return rows.slice(0, AUDIT_CSV_MAX_ROWS);
}

const listAuditHandler: Handler<typeof listAudit> = async (c) => {
  const { tenant, store } = network(c);
  if (!isNetworkAdmin(tenant)) throw new ForbiddenError('forbidden_audit_trail');
  const { person, kind, limit, cursor, format, lang } = c.req.valid('query');
  const filter = { ...(person ? { person } : {}), ...(kind ? { kind } : {}) };
  if (format === 'csv') {
    const [rows] = await Promise.all([
      allEntries(store.audit, filter),
      audit(c, { kind: 'export.csv', targets: { form: 'audit' } }),
    ]);
    const today = c.var.deps.clock.now().toISOString().slice(0, 10);
    const lng = csvLanguage(lang, c.req.header('accept-language'));
    return csvFile(toCsv(columns(lng), rows), `sisi-audit-${tenant.networkId}-${today}.csv`);
  }
  const page = await store.audit.list(filter, limit, cursor);
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

/** The audit trail of a network, read by its admins (ADR 0032). */
export const auditRoutes = () => router().openapi(listAudit, listAuditHandler);
