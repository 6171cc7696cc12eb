import type { Mentorship, TechnicalArea } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { api, call, idempotencyKey } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  hasErrors,
  noErrors,
  problemToErrors,
  SubmitButton,
} from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { technicalAreas } from '../../constants.ts';
import { type MentorshipTranslate, useMT } from '../../i18n/en-mentorships.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  MAX_DURATION_MONTHS,
  MIN_DURATION_MONTHS,
  type ReviewSchedule,
  reviewSchedule,
} from '../../mentorship-domain.ts';
import type { FlashState } from '../organizations/organization.tsx';
import {
  CheckboxList,
  InputField,
  SelectInput,
  today,
  useOrganizations,
  useViewer,
} from './mentorship-parts.tsx';

const FORM_ID = 'new-mentorship';
const FIELDS = [
  'mentorOrganizationId',
  'menteeOrganizationIds',
  'startDate',
  'durationMonths',
  'peerMentoring',
] as const;

interface Pair {
  key: number;
  mentor: string;
  mentee: string;
  areas: TechnicalArea[];
}

interface Draft {
  mentor: string;
  mentees: string[];
  startDate: string;
  duration: string;
  pairs: Pair[];
}

/** The review schedule of a draft, or nothing while its start date or duration is not valid. */
function scheduleOf(startDate: string, duration: string): ReviewSchedule | undefined {
  const months = Number(duration);
  if (
    !/^\d+$/.test(duration.trim()) ||
    months < MIN_DURATION_MONTHS ||
    months > MAX_DURATION_MONTHS
  )
    return undefined;
  try {
    return reviewSchedule(startDate, months);
  } catch {
    return undefined;
  }
}

/** What the browser checks before the API checks everything again. */
function check(d: Draft, t: MentorshipTranslate): FormErrors {
  const fields: Record<string, string> = {};
  const required = t('errors.isRequired');
  if (!d.mentor) fields.mentorOrganizationId = required;
  if (d.mentees.length === 0) fields.menteeOrganizationIds = t('errors.chooseOne');
  else if (d.mentees.includes(d.mentor))
    fields.menteeOrganizationIds = t('mentorships.create.mentorIsMentee');
  if (!d.startDate) fields.startDate = required;
  else if (!scheduleOf(d.startDate, '1')) fields.startDate = t('mentorships.create.invalidDate');
  if (!d.duration.trim()) fields.durationMonths = required;
  else if (!scheduleOf('2000-01-01', d.duration))
    fields.durationMonths = t('mentorships.create.durationRange');
  const pairs = d.pairs.filter((p) => d.mentees.length > 1 || p.mentor || p.mentee);
  for (const p of pairs) {
    if (!p.mentor || !p.mentee || p.areas.length === 0)
      fields.peerMentoring = t('mentorships.create.pairIncomplete');
    else if (p.mentor === p.mentee) fields.peerMentoring = t('mentorships.create.pairSame');
  }
  return { fields, other: [] };
}

/** A network admin starts a mentorship: mentor, mentees, dates, optional peer mentoring. */
export function MentorshipNewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useMT();
  const viewer = useViewer(networkId);
  const orgs = useOrganizations(networkId, viewer.isAdmin, viewer.user?.organizationId);

  return (
    <Page title={t('mentorships.create.title')}>
      {viewer.me.isPending || (viewer.isAdmin && orgs.isPending) ? (
        <Loading />
      ) : viewer.me.isError ? (
        <LoadError error={viewer.me.error} retry={() => void viewer.me.refetch()} />
      ) : !viewer.isAdmin ? (
        <div className="notice warning">
          <p>{t('mentorships.create.notAllowed')}</p>
          <p>
            <Link href={`/networks/${networkId}/mentorships`}>{t('mentorships.detail.back')}</Link>
          </p>
        </div>
      ) : orgs.error ? (
        <LoadError error={orgs.error} />
      ) : (
        <NewMentorshipForm networkId={networkId} organizations={orgs.list} />
      )}
    </Page>
  );
}

function NewMentorshipForm({
  networkId,
  organizations,
}: {
  networkId: string;
  organizations: readonly { id: string; name: string }[];
}) {
  const t = useMT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    mentor: '',
    mentees: [],
    startDate: today(),
    duration: '12',
    pairs: [],
  });
  const [nextKey, setNextKey] = useState(1);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [key] = useState(idempotencyKey);
  const update = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? id;

  const create = useMutation({
    mutationFn: (json: {
      mentorOrganizationId: string;
      menteeOrganizationIds: string[];
      startDate: string;
      durationMonths: number;
      peerMentoring: {
        mentorOrganizationId: string;
        menteeOrganizationId: string;
        areas: TechnicalArea[];
      }[];
    }) =>
      call(
        api.networks[':networkId'].mentorships.$post(
          { param: { networkId }, json },
          { headers: { 'idempotency-key': key } },
        ),
      ),
    onSuccess: async (m: Mentorship) => {
      queryClient.setQueryData(keys.mentorship(networkId, m.id), m);
      await queryClient.invalidateQueries({ queryKey: keys.mentorships(networkId) });
      navigate(`/networks/${networkId}/mentorships/${m.id}`, {
        state: { flash: t('mentorships.create.created') } satisfies FlashState,
      });
    },
    onError: (error) => setErrors(problemToErrors(error, FIELDS, t)),
  });

  const labels: Record<string, string> = {
    mentorOrganizationId: t('mentorships.create.mentor'),
    menteeOrganizationIds: t('mentorships.create.mentees'),
    startDate: t('mentorships.create.startDate'),
    durationMonths: t('mentorships.create.duration'),
    peerMentoring: t('mentorships.create.peerHeading'),
  };

  const submit = () => {
    if (create.isPending) return;
    const found = check(draft, t);
    if (hasErrors(found)) return setErrors(found);
    setErrors(noErrors);
    const peers = draft.mentees.length > 1 ? draft.pairs : [];
    create.mutate({
      mentorOrganizationId: draft.mentor,
      menteeOrganizationIds: draft.mentees,
      startDate: draft.startDate,
      durationMonths: Number(draft.duration),
      peerMentoring: peers.map((p) => ({
        mentorOrganizationId: p.mentor,
        menteeOrganizationId: p.mentee,
        areas: p.areas,
      })),
    });
  };

  const menteeOptions = organizations
    .filter((o) => o.id !== draft.mentor)
    .map((o) => ({ value: o.id, label: o.name }));
  const chosenMentees = draft.mentees.map((id) => ({ value: id, label: nameOf(id) }));
  const setPair = (key: number, changes: Partial<Pair>) =>
    update({ pairs: draft.pairs.map((p) => (p.key === key ? { ...p, ...changes } : p)) });
  const schedule = scheduleOf(draft.startDate, draft.duration);

  return (
    <>
      <p>{t('mentorships.create.intro')}</p>
      <div className="narrow">
        <Form id={FORM_ID} errors={errors} labels={labels} onSubmit={submit}>
          <SelectInput
            formId={FORM_ID}
            errors={errors}
            name="mentorOrganizationId"
            label={labels.mentorOrganizationId!}
            placeholder={t('mentorships.create.chooseMentor')}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            value={draft.mentor}
            onChange={(mentor) =>
              update({ mentor, mentees: draft.mentees.filter((id) => id !== mentor) })
            }
          />
          <CheckboxList
            formId={FORM_ID}
            errors={errors}
            name="menteeOrganizationIds"
            label={labels.menteeOrganizationIds!}
            hint={t('mentorships.create.menteesHint')}
            options={menteeOptions}
            values={draft.mentees}
            onChange={(mentees) => update({ mentees })}
          />
          <InputField
            formId={FORM_ID}
            errors={errors}
            type="date"
            name="startDate"
            label={labels.startDate!}
            hint={t('mentorships.create.startDateHint')}
            value={draft.startDate}
            onChange={(startDate) => update({ startDate })}
            required
            short
          />
          <InputField
            formId={FORM_ID}
            errors={errors}
            type="number"
            name="durationMonths"
            label={labels.durationMonths!}
            hint={t('mentorships.create.durationHint')}
            value={draft.duration}
            onChange={(duration) => update({ duration })}
            min={MIN_DURATION_MONTHS}
            max={MAX_DURATION_MONTHS}
            required
            short
          />

          <fieldset
            id={`${FORM_ID}-peerMentoring`}
            tabIndex={-1}
            className={errors.fields.peerMentoring ? 'field group invalid' : 'field group'}
            aria-describedby={
              errors.fields.peerMentoring ? `${FORM_ID}-peerMentoring-error` : undefined
            }
          >
            <legend>{labels.peerMentoring}</legend>
            <p className="hint">{t('mentorships.create.peerIntro')}</p>
            {errors.fields.peerMentoring ? (
              <p className="field-error" id={`${FORM_ID}-peerMentoring-error`}>
                <span className="visually-hidden">{t('errors.summaryTitle')}: </span>
                {labels.peerMentoring}: {errors.fields.peerMentoring}
              </p>
            ) : null}
            {draft.mentees.length < 2 ? (
              <p>{t('mentorships.create.peerNeedsTwo')}</p>
            ) : (
              <>
                {draft.pairs.map((p, i) => (
                  <PeerPair
                    key={p.key}
                    number={i + 1}
                    pair={p}
                    mentees={chosenMentees}
                    onChange={(changes) => setPair(p.key, changes)}
                    onRemove={() => update({ pairs: draft.pairs.filter((x) => x.key !== p.key) })}
                  />
                ))}
                <p>
                  <button
                    type="button"
                    onClick={() => {
                      update({
                        pairs: [
                          ...draft.pairs,
                          { key: nextKey, mentor: '', mentee: '', areas: [] },
                        ],
                      });
                      setNextKey(nextKey + 1);
                    }}
                  >
                    {t('mentorships.create.addPair')}
                  </button>
                </p>
              </>
            )}
          </fieldset>

          <SchedulePreview schedule={schedule} mentees={draft.mentees.length} />

          <SubmitButton
            label={t('mentorships.create.submit')}
            busy={create.isPending}
            busyLabel={t('mentorships.create.submitting')}
          />
          <p>
            <Link href={`/networks/${networkId}/mentorships`}>
              {t('mentorships.create.cancel')}
            </Link>
          </p>
        </Form>
      </div>
    </>
  );
}

function PeerPair({
  number,
  pair,
  mentees,
  onChange,
  onRemove,
}: {
  number: number;
  pair: Pair;
  mentees: { value: string; label: string }[];
  onChange: (changes: Partial<Pair>) => void;
  onRemove: () => void;
}) {
  const t = useMT();
  const formId = `${FORM_ID}-pair-${pair.key}`;
  const legend = t('mentorships.create.pair', { number });
  return (
    <fieldset className="pair">
      <legend>{legend}</legend>
      <SelectInput
        formId={formId}
        errors={noErrors}
        name="mentor"
        label={t('mentorships.create.peerMentor')}
        placeholder={t('mentorships.create.chooseMentee')}
        options={mentees}
        value={pair.mentor}
        onChange={(mentor) => onChange({ mentor })}
      />
      <SelectInput
        formId={formId}
        errors={noErrors}
        name="mentee"
        label={t('mentorships.create.peerMentee')}
        placeholder={t('mentorships.create.chooseMentee')}
        options={mentees.filter((m) => m.value !== pair.mentor)}
        value={pair.mentee}
        onChange={(mentee) => onChange({ mentee })}
      />
      <CheckboxList
        formId={formId}
        errors={noErrors}
        name="areas"
        label={t('mentorships.create.areas')}
        options={technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) }))}
        values={pair.areas}
        onChange={(areas) => onChange({ areas: areas as TechnicalArea[] })}
      />
      <p>
        <button type="button" onClick={onRemove}>
          {t('mentorships.create.removePair', { number })}
        </button>
      </p>
    </fieldset>
  );
}

function SchedulePreview({
  schedule,
  mentees,
}: {
  schedule: ReviewSchedule | undefined;
  mentees: number;
}) {
  const t = useMT();
  const now = today();
  const entries = schedule
    ? [
        ...schedule.quarterlyReviews.map((date, i) => ({
          label: t('mentorships.reviews.quarterly', { number: i + 1 }),
          date,
        })),
        { label: t('mentorships.reviews.midTerm'), date: schedule.midTermReview },
        { label: t('mentorships.reviews.end'), date: schedule.endReview },
      ].sort((a, b) => a.date.localeCompare(b.date))
    : [];
  return (
    <section aria-labelledby="schedule-preview" className="panel">
      <h2 id="schedule-preview">{t('mentorships.create.scheduleHeading')}</h2>
      <p className="hint">{t('mentorships.create.scheduleHint')}</p>
      {mentees > 0 ? (
        <p>
          {t('mentorships.create.type', {
            type: t(`mentorships.types.${mentees > 1 ? 'one-to-many' : 'one-to-one'}`),
          })}
        </p>
      ) : null}
      {entries.length > 0 ? (
        <ul className="entries">
          {entries.map((e) => (
            <li key={e.label}>
              <span className="entry-title">{e.label}</span>: {formatDate(e.date)}{' '}
              {e.date <= now ? (
                <span className="badge status-past">{t('mentorships.reviews.past')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('mentorships.create.scheduleEmpty')}</p>
      )}
      {entries.some((e) => e.date <= now) ? (
        <p className="hint">{t('mentorships.reviews.notMailed')}</p>
      ) : null}
    </section>
  );
}
