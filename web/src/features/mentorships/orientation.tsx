/**
 * The orientation meeting (001 Annex 2, "Orientation Meeting Discussion Guide"): the
 * meeting's date and attendees by role, then the guide's four parts rendered from
 * `orientationGuide`, each question answered where `orientationSchema` keeps it.
 */
import {
  type AttendeeRole,
  attendeeRoles,
  type OrientationQuestion,
  orientationGuide,
  orientationSchema,
} from '@sisi/domain';
import { useTechnicalAreaOptions } from '../../components/choices.ts';
import {
  CheckboxGroup,
  CheckboxGroupWithOther,
  type ChoiceOption,
  newKey,
  optional,
  otherText,
  present,
  type Row,
  SelectField,
  TextField,
  useFormContext,
} from '../../components/form/index.ts';
import { useMentorshipRoute } from '../../components/mentorship-context.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { useVersionedDoc } from '../../components/versioned-doc.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import { MentorshipDocPage } from './mentorship-doc.tsx';
import {
  type OrientationContent,
  type OrientationInput,
  orientationQuery,
  putOrientation,
} from './queries.ts';

type Attendee = Row & { name: string; organizationId: string; roles: string[] };
type NextMeeting = Row & { date: string; time: string; place: string };
type OrientationDraft = {
  meetingDate: string;
  attendees: Attendee[];
  answers: Record<string, string>;
  technicalAreas: string[];
  otherTechnicalArea: string;
  operationalGuidelines: Record<string, string>;
  nextMeetings: NextMeeting[];
};

function toDraft(c: OrientationContent | undefined): OrientationDraft {
  return {
    meetingDate: c?.meetingDate ?? '',
    attendees: (c?.attendees ?? []).map((a) => ({
      _key: newKey(),
      name: a.name,
      organizationId: a.organizationId,
      roles: [...a.roles],
    })),
    answers: { ...c?.answers },
    technicalAreas: c?.technicalAreas ?? [],
    otherTechnicalArea: c?.otherTechnicalArea ?? '',
    operationalGuidelines: { ...c?.operationalGuidelines },
    nextMeetings: (c?.nextMeetings ?? []).map((m) => ({
      _key: newKey(),
      date: m.date,
      time: m.time ?? '',
      place: m.place ?? '',
    })),
  };
}

/** Text answers without the empty ones. */
const filled = <K extends string>(record: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(record)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  ) as Partial<Record<K, string>>;

function toBody(d: OrientationDraft): OrientationInput {
  return {
    meetingDate: optional(d.meetingDate),
    attendees: d.attendees.map((a) => ({
      name: a.name.trim(),
      organizationId: present(a.organizationId),
      roles: a.roles as AttendeeRole[],
    })),
    answers: filled(d.answers),
    technicalAreas: d.technicalAreas as NonNullable<OrientationContent['technicalAreas']>,
    otherTechnicalArea: otherText(d.technicalAreas, d.otherTechnicalArea),
    operationalGuidelines: filled(d.operationalGuidelines),
    nextMeetings: d.nextMeetings.map((m) => ({
      date: present(m.date),
      time: optional(m.time),
      place: optional(m.place),
    })),
  };
}

/** `/networks/:networkId/mentorships/:mentorshipId/orientation` */
export function OrientationPage() {
  const tp = usePlanT();
  const route = useMentorshipRoute();
  const { networkId, mentorshipId, ctx } = route;
  const doc = useVersionedDoc({
    query: orientationQuery(networkId, mentorshipId),
    ready: ctx.ready,
    toDraft,
    toBody,
    schema: orientationSchema,
    put: (body) => putOrientation(networkId, mentorshipId, body),
    canEdit: ctx.canManage,
  });
  return (
    <MentorshipDocPage
      title={tp('s2s.orientation.title')}
      route={route}
      doc={doc}
      id="orientation"
      intro={<p>{tp('s2s.orientation.intro')}</p>}
      conflictText={tp('s2s.orientation.conflict')}
      savedText={tp('s2s.orientation.saved')}
    >
      <OrientationFields organizations={ctx.organizationOptions} />
    </MentorshipDocPage>
  );
}

function OrientationFields({ organizations }: { organizations: readonly ChoiceOption[] }) {
  const tp = usePlanT();
  const roleOptions = attendeeRoles.map((r) => ({ value: r.id, label: r.text }));
  return (
    <>
      <section>
        <h2>{tp('s2s.orientation.meetingHeading')}</h2>
        <TextField path="meetingDate" type="date" label={tp('s2s.orientation.meetingDate')} />
        <RepeatableList<Attendee>
          path="attendees"
          legend={tp('s2s.orientation.attendees')}
          hint={tp('s2s.orientation.attendeesHint')}
          itemLabel={(n) => tp('s2s.orientation.attendeeN', { n })}
          addLabel={tp('s2s.orientation.addAttendee')}
          removeLabel={(n) => tp('s2s.orientation.removeAttendee', { n })}
          newRow={() => ({ _key: newKey(), name: '', organizationId: '', roles: [] })}
          max={50}
        >
          {(_row, rp) => (
            <>
              <div className="columns">
                <TextField path={`${rp}.name`} label={tp('s2s.form.name')} maxLength={120} />
                <SelectField
                  path={`${rp}.organizationId`}
                  label={tp('s2s.form.organization')}
                  placeholder={tp('s2s.form.choose')}
                  options={organizations}
                />
              </div>
              <CheckboxGroup
                path={`${rp}.roles`}
                legend={tp('s2s.orientation.roles')}
                options={roleOptions}
              />
            </>
          )}
        </RepeatableList>
      </section>
      {orientationGuide.map((part, i) => (
        <section key={part.id}>
          <h2>{tp('s2s.orientation.partN', { n: i + 1, title: part.title })}</h2>
          {part.questions.map((q) => (
            <GuideQuestion key={q.id} question={q} />
          ))}
        </section>
      ))}
    </>
  );
}

/** One question of the guide, answered in the shape `orientationSchema` keeps it. */
function GuideQuestion({ question }: { question: OrientationQuestion }) {
  const tp = usePlanT();
  const _form = useFormContext();
  const areaOptions = useTechnicalAreaOptions();
  const path = question.answer.join('.');
  switch (question.answer[0]) {
    case 'technicalAreas': {
      return (
        <CheckboxGroupWithOther
          path="technicalAreas"
          otherPath="otherTechnicalArea"
          legend={question.text}
          otherLabel={tp('s2s.form.otherTechnicalArea')}
          options={areaOptions}
        />
      );
    }
    case 'nextMeetings':
      return (
        <RepeatableList<NextMeeting>
          path="nextMeetings"
          legend={question.text}
          itemLabel={(n) => tp('s2s.orientation.meetingN', { n })}
          addLabel={tp('s2s.orientation.addMeeting')}
          removeLabel={(n) => tp('s2s.orientation.removeMeeting', { n })}
          newRow={() => ({ _key: newKey(), date: '', time: '', place: '' })}
          max={20}
        >
          {(_row, rp) => (
            <div className="columns">
              <TextField path={`${rp}.date`} type="date" label={tp('s2s.orientation.date')} />
              <TextField path={`${rp}.time`} type="time" label={tp('s2s.orientation.time')} />
              <TextField path={`${rp}.place`} label={tp('s2s.orientation.place')} maxLength={200} />
            </div>
          )}
        </RepeatableList>
      );
    default:
      return <TextField path={path} label={question.text} rows={3} maxLength={4000} />;
  }
}
