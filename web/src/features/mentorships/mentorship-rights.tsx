/**
 * What a mentorship's organizations agree to (the rights and responsibilities, accepted by
 * each) and its review schedule.
 */
import type { Mentorship } from '@sisi/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Form, problemMessage, sendWith, TextField, useForm } from '../../components/form/index.ts';
import { ErrorNotice, Loading, StatusMessage } from '../../components/page.tsx';
import { type MentorshipTranslate, tData, useMT } from '../../i18n/en-mentorships.ts';
import { useReflectionT } from '../../i18n/en-reflection.ts';
import { useReviewT } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';
import { rightsAndResponsibilities } from '../../mentorship-domain.ts';
import { ReviewStateBadge, reviewStateHint } from '../reviews/review-parts.tsx';
import { mentorshipReviewsQuery } from '../reviews/review-queries.ts';
import { useMentorshipWrite } from './mentorship-forms.tsx';
import { involved, type useViewer } from './mentorship-parts.tsx';

type Viewer = ReturnType<typeof useViewer>;
type NameOf = (id: string) => string;
function RightsList({ items, prefix }: { items: readonly string[]; prefix: string }) {
  return (
    <ul className="rights">
      {items.map((item, i) => (
        <li key={item}>{tData(`${prefix}.${i}`, item)}</li>
      ))}
    </ul>
  );
}

/** The text each organization accepts, and who accepted it for each. */
export function Rights({
  networkId,
  mentorship: m,
  viewer,
  name,
}: {
  networkId: string;
  mentorship: Mentorship;
  viewer: Viewer;
  name: NameOf;
}) {
  const t = useMT();
  const write = useMentorshipWrite(networkId, m.id);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const r = rightsAndResponsibilities;
  // an admin accepting for an organization not their own confirms it first (ADR 0033)
  const [confirmFor, setConfirmFor] = useState<string>();
  const accept = useMutation({
    mutationFn: (organizationId: string) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].agreements.$post({
          param: { networkId, mentorshipId: m.id },
          json:
            viewer.coordinatorOf === organizationId
              ? { organizationId }
              : { organizationId, onBehalf: true },
        }),
      ),
    onSuccess: async (next, organizationId) => {
      setConfirmFor(undefined);
      setMessage(t('mentorships.rights.acceptedMessage', { name: name(organizationId) }));
      await write.save(next);
    },
    onError: (e) => {
      setConfirmFor(undefined);
      setError(write.conflict(e) ?? problemMessage(e, t));
    },
  });
  const prefix = `rights.${r.version}`;
  return (
    <section aria-labelledby="rights">
      <h2 id="rights">{t('mentorships.rights.heading')}</h2>
      <p>{t('mentorships.rights.intro')}</p>
      <h3>{t('mentorships.rights.menteeRights')}</h3>
      <RightsList items={r.mentee.rights} prefix={`${prefix}.mentee.rights`} />
      <h3>{t('mentorships.rights.menteeResponsibilities')}</h3>
      <RightsList items={r.mentee.responsibilities} prefix={`${prefix}.mentee.responsibilities`} />
      <h3>{t('mentorships.rights.mentorRights')}</h3>
      <RightsList items={r.mentor.rights} prefix={`${prefix}.mentor.rights`} />
      <h3>{t('mentorships.rights.mentorResponsibilities')}</h3>
      <RightsList items={r.mentor.responsibilities} prefix={`${prefix}.mentor.responsibilities`} />

      <h3 id="agreements">{t('mentorships.rights.agreementsHeading')}</h3>
      <StatusMessage message={message} />
      <ErrorNotice message={error} />
      <ul className="entries" aria-labelledby="agreements">
        {involved(m).map((orgId, i) => {
          const agreement = m.agreements.find((a) => a.organizationId === orgId);
          const declined = m.declines?.find((d) => d.organizationId === orgId);
          const role = t(i === 0 ? 'mentorships.roles.mentor' : 'mentorships.roles.mentee');
          return (
            <li key={orgId}>
              <p className="entry-title">
                {t('mentorships.rights.orgRole', { name: name(orgId), role })}
              </p>
              {agreement ? (
                <>
                  <p>
                    <span className="badge status-accepted">
                      {agreement.onBehalf
                        ? t('mentorships.rights.acceptedOnBehalf', {
                            name: agreement.acceptedByName,
                            organization: name(orgId),
                            date: formatDate(agreement.acceptedAt),
                          })
                        : t('mentorships.rights.accepted', {
                            name: agreement.acceptedByName,
                            date: formatDate(agreement.acceptedAt),
                          })}
                    </span>
                  </p>
                  {agreement.textVersion !== r.version ? (
                    <p className="hint">
                      {t('mentorships.rights.acceptedOlder', { version: agreement.textVersion })}
                    </p>
                  ) : null}
                </>
              ) : (
                <>
                  {declined ? (
                    <>
                      <p>
                        <span className="badge status-declined">
                          {t('mentorships.rights.declined', {
                            name: declined.declinedByName,
                            date: formatDate(declined.declinedAt),
                          })}
                        </span>
                      </p>
                      <p className="decline-reason">
                        {t('mentorships.rights.declineReasonShown', { reason: declined.reason })}
                      </p>
                    </>
                  ) : (
                    <p>
                      <span className="badge status-pending">
                        {t('mentorships.rights.notAccepted')}
                      </span>
                    </p>
                  )}
                  {viewer.canAcceptFor(orgId) && m.stage !== 'end' ? (
                    <p className="actions">
                      <button
                        type="button"
                        className="primary"
                        aria-disabled={accept.isPending || undefined}
                        onClick={() => {
                          if (accept.isPending) return;
                          setMessage(undefined);
                          setError(undefined);
                          if (viewer.coordinatorOf === orgId) accept.mutate(orgId);
                          else setConfirmFor(orgId);
                        }}
                      >
                        {t('mentorships.rights.accept', { name: name(orgId) })}
                      </button>
                      <span className="busy" role="status">
                        {accept.isPending && accept.variables === orgId
                          ? t('mentorships.rights.accepting')
                          : ''}
                      </span>
                    </p>
                  ) : null}
                  {viewer.coordinatorOf === orgId && !declined && m.stage !== 'end' ? (
                    <DeclineForm
                      networkId={networkId}
                      mentorship={m}
                      organizationId={orgId}
                      name={name}
                    />
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={confirmFor !== undefined}
        title={t('mentorships.rights.confirmTitle', { name: name(confirmFor ?? '') })}
        confirmLabel={t('mentorships.rights.confirmAction', { name: name(confirmFor ?? '') })}
        busyLabel={t('mentorships.rights.accepting')}
        cancelLabel={t('mentorships.rights.cancel')}
        busy={accept.isPending}
        onConfirm={() => {
          if (confirmFor) accept.mutate(confirmFor);
        }}
        onCancel={() => setConfirmFor(undefined)}
      >
        <p>{t('mentorships.rights.confirmBody', { name: name(confirmFor ?? '') })}</p>
      </ConfirmDialog>
    </section>
  );
}

const DECLINE_FIELDS = ['reason'] as const;
const emptyDecline = () => ({ reason: '' });

/** An organization's coordinator declines the rights and responsibilities, saying why. */
function DeclineForm({
  networkId,
  mentorship: m,
  organizationId,
  name,
}: {
  networkId: string;
  mentorship: Mentorship;
  organizationId: string;
  name: NameOf;
}) {
  const t = useMT();
  const write = useMentorshipWrite(networkId, m.id);
  const form = useForm({ initial: emptyDecline });
  const headingId = `decline-${organizationId}`;
  const decline = useMutation({
    mutationFn: (json: { reason: string }) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].declines.$post({
          param: { networkId, mentorshipId: m.id },
          json: { organizationId, reason: json.reason },
        }),
      ),
    onSuccess: async (next) => {
      form.reset(emptyDecline());
      await write.save(next);
    },
    onError: (error) => write.fail(form, error, DECLINE_FIELDS),
  });
  const send = sendWith(form, decline, {
    required: DECLINE_FIELDS,
    body: (value) => ({ reason: value.reason.trim() }),
    label: t('mentorships.rights.decline', { name: name(organizationId) }),
    busyLabel: t('mentorships.rights.declining'),
  });
  return (
    <details className="decline">
      <summary id={headingId}>{t('mentorships.rights.declineOpen')}</summary>
      <Form form={form} id={`decline-form-${organizationId}`} labelledBy={headingId} {...send}>
        <TextField
          path="reason"
          label={t('mentorships.rights.declineReason')}
          hint={t('mentorships.rights.declineHint')}
          rows={3}
          maxLength={2000}
          required
        />
      </Form>
    </details>
  );
}

function reviewLabel(t: MentorshipTranslate, r: Mentorship['reviews'][number]) {
  if (r.kind === 'quarterly') return t('mentorships.reviews.quarterly', { number: r.period });
  return t(r.kind === 'mid-term' ? 'mentorships.reviews.midTerm' : 'mentorships.reviews.end');
}

const WAITING: readonly string[] = ['requested', 'reminded', 'overdue'];

/**
 * Quarterly, mid-term and end reviews, each with where it stands (from the API: the mail
 * the lifecycle sent, the reports in, and the clock), and for who files the quarterly
 * report, a link to it while it is due.
 */
export function Reviews({
  networkId,
  mentorship: m,
  viewer,
}: {
  networkId: string;
  mentorship: Mentorship;
  viewer: Viewer;
}) {
  const t = useMT();
  const tr = useReviewT();
  const tf = useReflectionT();
  const states = useQuery(mentorshipReviewsQuery(networkId, m.id));
  const byN = new Map((states.data ?? []).map((r) => [r.n, r]));
  const canFile = viewer.isAdmin || viewer.coordinatorOf === m.mentorOrganizationId;
  const base = `/networks/${networkId}/mentorships/${m.id}`;
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">{t('mentorships.reviews.heading')}</h2>
      <p>{t('mentorships.reviews.intro')}</p>
      {states.isPending ? <Loading /> : null}
      {states.isError ? (
        <div className="notice error" role="alert">
          <p>{tr('monitoring.statesFailed')}</p>
          <button type="button" onClick={() => void states.refetch()}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      <ul className="entries">
        {m.reviews.map((r, i) => {
          // review n is the n-th of the stored reviews: the lifecycle numbers them so
          const state = byN.get(i + 1)?.state;
          const hint = state ? reviewStateHint(tr, state) : undefined;
          return (
            <li key={`${r.kind}-${r.period ?? ''}`}>
              <span className="entry-title">{reviewLabel(t, r)}</span>: {formatDate(r.dueDate)}{' '}
              {state ? <ReviewStateBadge state={state} /> : null}
              {hint ? <p className="hint">{hint}</p> : null}
              {state === 'past' ? (
                <p className="hint">{t('mentorships.reviews.notMailed')}</p>
              ) : null}
              {r.kind === 'quarterly' ? null : (
                <p>
                  <Link href={`${base}/${r.kind === 'mid-term' ? 'reflection' : 'evaluation'}`}>
                    {tf(
                      r.kind === 'mid-term'
                        ? 'reflection.links.reflection'
                        : 'reflection.links.evaluation',
                    )}
                  </Link>
                </p>
              )}
              {canFile &&
              !m.ending &&
              r.kind === 'quarterly' &&
              state &&
              WAITING.includes(state) ? (
                <p>
                  <Link href={`${base}/quarterly-reports/new?period=${r.period}`}>
                    {tr('monitoring.fillReport', { period: r.period })}
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The people of the involved organizations who take part. */
