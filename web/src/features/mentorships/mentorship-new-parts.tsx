/**
 * The parts of the new mentorship form: its draft and checks, the peer mentoring pairs of a
 * one-to-many mentorship, and the preview of the review schedule.
 */
import type { TechnicalArea } from '@sisi/domain';
import {
  CheckboxGroup,
  type FormErrors,
  type Row,
  SelectField,
  useField,
  useFormContext,
} from '../../components/form/index.ts';
import { technicalAreas } from '../../constants.ts';
import { type MentorshipTranslate, useMT } from '../../i18n/en-mentorships.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  MAX_DURATION_MONTHS,
  MIN_DURATION_MONTHS,
  type ReviewSchedule,
  reviewSchedule,
} from '../../mentorship-domain.ts';
import { today } from './mentorship-parts.tsx';

export const FORM_ID = 'new-mentorship';
/** The fields of the form, by the API's names (its error paths start with them). */
export const FIELDS = [
  'mentorOrganizationId',
  'menteeOrganizationIds',
  'startDate',
  'durationMonths',
  'peerMentoring',
] as const;

/** A peer mentoring pair; its key numbers it in ids (`new-mentorship-pair-1-mentor`). */
export type Pair = Row & { mentor: string; mentee: string; areas: TechnicalArea[] };

export interface Draft {
  mentorOrganizationId: string;
  menteeOrganizationIds: string[];
  startDate: string;
  durationMonths: string;
  pairs: Pair[];
}

/** The review schedule of a draft, or nothing while its start date or duration is not valid. */
export function scheduleOf(startDate: string, duration: string): ReviewSchedule | undefined {
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
export function check(d: Draft, t: MentorshipTranslate): FormErrors {
  const fields: Record<string, string> = {};
  const required = t('errors.isRequired');
  const mentees = d.menteeOrganizationIds;
  if (!d.mentorOrganizationId) fields.mentorOrganizationId = required;
  if (mentees.length === 0) fields.menteeOrganizationIds = t('errors.chooseOne');
  else if (mentees.includes(d.mentorOrganizationId))
    fields.menteeOrganizationIds = t('mentorships.create.mentorIsMentee');
  if (!d.startDate) fields.startDate = required;
  else if (!scheduleOf(d.startDate, '1')) fields.startDate = t('mentorships.create.invalidDate');
  if (!d.durationMonths.trim()) fields.durationMonths = required;
  else if (!scheduleOf('2000-01-01', d.durationMonths))
    fields.durationMonths = t('mentorships.create.durationRange');
  const pairs = d.pairs.filter((p) => mentees.length > 1 || p.mentor || p.mentee);
  for (const p of pairs) {
    if (!p.mentor || !p.mentee || p.areas.length === 0)
      fields.peerMentoring = t('mentorships.create.pairIncomplete');
    else if (p.mentor === p.mentee) fields.peerMentoring = t('mentorships.create.pairSame');
  }
  return { fields };
}

/** Peer mentoring between the mentees: pairs, each with the areas they share. */
export function PeerMentoring({
  mentees,
  onAdd,
}: {
  mentees: { value: string; label: string }[];
  onAdd: () => void;
}) {
  const t = useMT();
  const form = useFormContext();
  const draft = form.value as Draft;
  const label = t('mentorships.create.peerHeading');
  const { id, error, errorEl } = useField('peerMentoring', { label });
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field group invalid' : 'field group'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{label}</legend>
      <p className="hint">{t('mentorships.create.peerIntro')}</p>
      {errorEl}
      {mentees.length < 2 ? (
        <p>{t('mentorships.create.peerNeedsTwo')}</p>
      ) : (
        <>
          {draft.pairs.map((p, i) => (
            <PeerPair
              key={p._key}
              number={i + 1}
              pair={p}
              mentees={mentees}
              onRemove={() =>
                form.set(
                  'pairs',
                  draft.pairs.filter((x) => x._key !== p._key),
                )
              }
            />
          ))}
          <p>
            <button type="button" onClick={onAdd}>
              {t('mentorships.create.addPair')}
            </button>
          </p>
        </>
      )}
    </fieldset>
  );
}

function PeerPair({
  number,
  pair,
  mentees,
  onRemove,
}: {
  number: number;
  pair: Pair;
  mentees: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const t = useMT();
  const path = `pairs.${pair._key}`;
  const idOf = (name: string) => `${FORM_ID}-pair-${pair._key}-${name}`;
  const legend = t('mentorships.create.pair', { number });
  return (
    <fieldset className="pair">
      <legend>{legend}</legend>
      <SelectField
        path={`${path}.mentor`}
        id={idOf('mentor')}
        name="mentor"
        label={t('mentorships.create.peerMentor')}
        placeholder={t('mentorships.create.chooseMentee')}
        options={mentees}
      />
      <SelectField
        path={`${path}.mentee`}
        id={idOf('mentee')}
        name="mentee"
        label={t('mentorships.create.peerMentee')}
        placeholder={t('mentorships.create.chooseMentee')}
        options={mentees.filter((m) => m.value !== pair.mentor)}
      />
      <CheckboxGroup
        path={`${path}.areas`}
        id={idOf('areas')}
        name="areas"
        order="chosen"
        legend={t('mentorships.create.areas')}
        options={technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) }))}
      />
      <p>
        <button type="button" onClick={onRemove}>
          {t('mentorships.create.removePair', { number })}
        </button>
      </p>
    </fieldset>
  );
}

/** The review dates the mentorship will have, as the draft stands. */
export function SchedulePreview({
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
