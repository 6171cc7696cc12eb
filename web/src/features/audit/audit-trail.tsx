/**
 * The network's audit trail for its admins (ADR 0032): entries newest first, narrowed by
 * kind and by person, page by page, and the same choice as a CSV file.
 *
 * `/networks/:networkId/audit`
 */
import type { AuditEntry, AuditKind, Page as ListPage } from '@sisi/domain';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'wouter';
import { api, call } from '../../api/client.ts';
import { pages } from '../../api/queries.ts';
import { Page } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { auditKindLabels, useAuditT } from '../../i18n/en-audit.ts';
import { i18n } from '../../i18n/index.ts';
import { downloadCsv } from '../monitoring/monitoring-queries.ts';
import './audit-trail.css';

/** The kinds in the order the filter offers them (the catalog's, loaded with the screen). */
const kinds = () =>
  Object.keys(auditKindLabels() satisfies Record<AuditKind, string>) as AuditKind[];

interface Filter {
  person?: string;
  kind?: AuditKind;
}

const auditQuery = (networkId: string, filter: Filter) =>
  infiniteQueryOptions({
    queryKey: ['networks', networkId, 'audit', filter] as const,
    queryFn: ({ pageParam }): Promise<ListPage<AuditEntry>> =>
      // the route also answers a CSV file (`format=csv`): without it, the JSON page
      call(
        api.networks[':networkId'].audit.$get({
          param: { networkId },
          query: { ...filter, ...(pageParam ? { cursor: pageParam } : {}) },
        }) as unknown as Promise<Response & { json(): Promise<ListPage<AuditEntry>> }>,
      ),
    ...pages,
  });

/** The CSV of the same choice, all of it (the server caps it). */
const csvUrl = (networkId: string, filter: Filter) => {
  const query = new URLSearchParams({ format: 'csv' });
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.person) query.set('person', filter.person);
  return `/api/v1/networks/${encodeURIComponent(networkId)}/audit?${query}`;
};

/** Date and time to the second, in UTC as stored, in the reader's words. */
const formatInstant = (iso: string) =>
  new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(iso));

export function AuditTrailPage() {
  const ta = useAuditT();
  const { networkId = '' } = useParams<{ networkId: string }>();
  const [filter, setFilter] = useState<Filter>({});
  const [person, setPerson] = useState('');
  const entries = useInfiniteQuery(auditQuery(networkId, filter));
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const kindId = useId();
  const personId = useId();
  const hintId = useId();
  const showPerson = (id: string) => {
    setPerson(id);
    setFilter((f) => ({ ...f, ...(id ? { person: id } : { person: undefined }) }));
  };
  return (
    <Page title={ta('audit.title')}>
      <p>{ta('audit.intro')}</p>
      <section aria-labelledby="audit-filters" className="audit-filters">
        <h2 id="audit-filters">{ta('audit.filtersHeading')}</h2>
        <div className="field">
          <label htmlFor={kindId}>{ta('audit.kindLabel')}</label>
          <select
            id={kindId}
            value={filter.kind ?? ''}
            onChange={(e) => {
              const kind = e.target.value as AuditKind | '';
              setFilter((f) => ({ ...f, kind: kind || undefined }));
            }}
          >
            <option value="">{ta('audit.kindAll')}</option>
            {kinds().map((k) => (
              <option key={k} value={k}>
                {ta(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={personId}>{ta('audit.personLabel')}</label>
          <input
            id={personId}
            type="text"
            value={person}
            maxLength={100}
            aria-describedby={hintId}
            onChange={(e) => setPerson(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') showPerson(person.trim());
            }}
          />
          <p id={hintId} className="hint">
            {ta('audit.personHint')}
          </p>
        </div>
        <p className="actions">
          <button type="button" onClick={() => showPerson(person.trim())}>
            {ta('audit.apply')}
          </button>
          {filter.person ? (
            <button type="button" onClick={() => showPerson('')}>
              {ta('audit.clear')}
            </button>
          ) : null}
          <button type="button" onClick={() => void downloadCsv(csvUrl(networkId, filter))}>
            {ta('audit.download')}
          </button>
        </p>
      </section>
      <section aria-labelledby="audit-list">
        <h2 id="audit-list">{ta('audit.listHeading')}</h2>
        <PagedList query={entries} items={items} empty={ta('audit.empty')}>
          {(e) => <EntryItem key={e.id} entry={e} onPerson={showPerson} />}
        </PagedList>
      </section>
    </Page>
  );
}

function EntryItem({ entry, onPerson }: { entry: AuditEntry; onPerson: (id: string) => void }) {
  const ta = useAuditT();
  const targets = Object.entries(entry.targets ?? {});
  return (
    <li className="card audit-entry">
      <h3>{ta(`audit.kinds.${entry.kind}`)}</h3>
      <p>
        <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
      </p>
      <p>
        {ta('audit.who')}: <span className="audit-id">{entry.actorId ?? ta('audit.nobody')}</span>
        {entry.actorRole ? ` (${ta('audit.role', { role: entry.actorRole })})` : null}
      </p>
      {entry.subjectId ? (
        <p className="audit-id">{ta('audit.subject', { id: entry.subjectId })}</p>
      ) : null}
      {targets.length ? (
        <p className="audit-id">{targets.map(([k, v]) => `${k}: ${v}`).join('; ')}</p>
      ) : null}
      <p className="hint">{ta('audit.from', { address: entry.address })}</p>
      {entry.actorId ? (
        <p>
          <button
            type="button"
            aria-label={ta('audit.onlyPersonLabel', { id: entry.actorId })}
            onClick={() => onPerson(entry.actorId ?? '')}
          >
            {ta('audit.onlyPerson')}
          </button>
        </p>
      ) : null}
    </li>
  );
}
