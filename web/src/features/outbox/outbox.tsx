/**
 * The operator's outbox on the local runtime (`GET /dev/outbox`): the mail Sisi "sent",
 * newest first, each link clickable, so a newcomer can follow an invitation without a
 * mailbox. On AWS the route does not exist, and the page says so.
 *
 * `/outbox`
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, useId, useState } from 'react';
import { ApiProblem, apiHeaders, call } from '../../api/client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useOutboxT } from '../../i18n/en-outbox.ts';
import { formatDate } from '../../i18n/index.ts';
import './outbox.css';

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

// The dev routes are mounted on the local runtime only, so they are not in the typed client.
const outboxQuery = (to: string) =>
  queryOptions({
    queryKey: ['dev', 'outbox', to] as const,
    queryFn: () =>
      call<{ items: Mail[] }>(
        fetch(`/api/v1/dev/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`, {
          headers: apiHeaders(),
        }),
      ),
    retry: false,
  });

const URL_IN_TEXT = /(https?:\/\/[^\s<>"]+)/;

/** A mail's text with its addresses as links (the rest stays text: nothing is parsed as HTML). */
export function MailText({ text }: { text: string }) {
  // each part keyed by where it starts in the text; odd parts are the addresses
  let at = 0;
  const parts = text
    .split(URL_IN_TEXT)
    .map((part, i) => {
      const start = at;
      at += part.length;
      return { part, start, link: i % 2 === 1 };
    })
    .filter(({ part }) => part !== '');
  return (
    <p className="mail-text">
      {parts.map(({ part, start, link }) =>
        link ? (
          <a key={start} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={start}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

export function OutboxPage() {
  const t = useOutboxT();
  const toId = useId();
  const [draft, setDraft] = useState('');
  const [to, setTo] = useState('');
  const outbox = useQuery(outboxQuery(to));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTo(draft.trim());
  };
  const localOnly = outbox.error instanceof ApiProblem && outbox.error.status === 404;
  return (
    <Page title={t('outbox.title')}>
      <p>{t('outbox.intro')}</p>
      <form onSubmit={submit} className="outbox-filter">
        <label htmlFor={toId}>{t('outbox.to')}</label>
        <p className="hint" id={`${toId}-hint`}>
          {t('outbox.toHint')}
        </p>
        <input
          id={toId}
          type="email"
          value={draft}
          aria-describedby={`${toId}-hint`}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('outbox.show')}</button>
      </form>
      {outbox.isPending ? (
        <Loading />
      ) : localOnly ? (
        <p className="notice">{t('outbox.localOnly')}</p>
      ) : outbox.isError ? (
        <LoadError error={outbox.error} retry={() => void outbox.refetch()} />
      ) : outbox.data.items.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ul className="cards">
          {outbox.data.items.map((mail) => (
            <li key={mail.id} className="card">
              <h2>{mail.subject}</h2>
              <p className="hint">
                {t('outbox.sentTo', { to: mail.to, sentAt: formatDate(mail.sentAt) })}
              </p>
              <MailText text={mail.text} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
