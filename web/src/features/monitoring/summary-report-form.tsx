/**
 * The summary report's form: the sheet's boxes, follow-up actions and issues as rows, the
 * milestones reached, sent once and checked by the domain's schema first.
 */
import {
  type Mentorship,
  type SummaryReportInput,
  summaryReportForm,
  summaryReportReporters,
  summaryReportSchema,
  summaryReportWhen,
  type User,
} from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import { today } from '../../clock.ts';
import {
  CheckboxGroup,
  type ChoiceOption,
  Form,
  fieldErrorsOf,
  newKey,
  optional,
  present,
  problemMessage,
  RadioGroup,
  type Row,
  refusal,
  SelectField,
  schemaProblems,
  sendWith,
  TextAreas,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { tSheetText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import type { FlashState } from '../organizations/organization.tsx';
import { type MentorshipPerson, monitoringKeys, postSummaryReport } from './monitoring-queries.ts';
import '../../components/doc-form.css';

type NameRow = Row & { name: string };
type ActionRow = Row & { what: string; ownerId: string; dueDate: string };
type IssueRow = Row & { raised: string; solutions: string; pending: string };
type Draft = {
  organizationIds: string[];
  meetingDate: string;
  participants: NameRow[];
  agenda: string;
  progress: string;
  milestonesReached: string[];
  followUpActions: ActionRow[];
  issues: IssueRow[];
  nextMeetingDate: string;
  nextMeetingAgenda: string;
  reportedBy: string;
  date: string;
};

export const FORM = summaryReportForm;
type FieldId = (typeof FORM.fields)[number]['id'];
/** The sheet's label of a box, by id. */
const boxLabel = (id: FieldId) => tSheetText(id, FORM.fields.find((f) => f.id === id)!.text);
const column = <C extends { id: string; text: string }>(list: readonly C[], id: C['id']) =>
  tSheetText(`${id}`, list.find((c) => c.id === id)!.text);

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
const nameRow = (name = ''): NameRow => ({ _key: newKey(), name });
const actionRow = (): ActionRow => ({ _key: newKey(), what: '', ownerId: '', dueDate: '' });
const issueRow = (): IssueRow => ({ _key: newKey(), raised: '', solutions: '', pending: '' });

function toBody(d: Draft): SummaryReportInput {
  return {
    organizationIds: d.organizationIds,
    meetingDate: present(d.meetingDate),
    participants: d.participants.map((p) => present(p.name)),
    agenda: optional(d.agenda),
    progress: optional(d.progress),
    milestonesReached: d.milestonesReached,
    followUpActions: d.followUpActions.map((a) => ({
      what: present(a.what),
      ownerId: present(a.ownerId),
      dueDate: present(a.dueDate),
    })),
    issues: d.issues.map((i) => ({
      raised: present(i.raised),
      solutions: optional(i.solutions),
      pending: optional(i.pending),
    })),
    nextMeetingDate: optional(d.nextMeetingDate),
    nextMeetingAgenda: optional(d.nextMeetingAgenda),
    reportedBy: present(d.reportedBy) as SummaryReportInput['reportedBy'],
    date: present(d.date),
  };
}

/** A new report: the reader's organization (or every mentee), the reader as a participant. */
export function newDraft(m: Mentorship, me: User | undefined): Draft {
  const mine = me?.organizationId;
  return {
    organizationIds:
      mine && m.menteeOrganizationIds.includes(mine) ? [mine] : [...m.menteeOrganizationIds],
    meetingDate: '',
    participants: [nameRow(me?.name ?? '')],
    agenda: '',
    progress: '',
    milestonesReached: [],
    followUpActions: [],
    issues: [],
    nextMeetingDate: '',
    nextMeetingAgenda: '',
    reportedBy:
      mine === m.mentorOrganizationId
        ? 'mentor'
        : mine && m.menteeOrganizationIds.includes(mine)
          ? 'mentee'
          : '',
    date: today(),
  };
}

/** A new summary report, filled from `initial`; on success, back to the mentorship. */
export function SummaryForm({
  networkId,
  mentorship: m,
  organizations,
  people,
  milestones,
  initial,
}: {
  networkId: string;
  mentorship: Mentorship;
  organizations: readonly ChoiceOption[];
  people: MentorshipPerson[];
  milestones: { id: string; description: string; reached: boolean }[];
  initial: Draft;
}) {
  const t = useT();
  const tm = useMonitorT();
  const queryClient = useQueryClient();
  const form = useForm<Draft>({ initial: initial });
  const { value: draft, setErrors } = form;
  const [key] = useState(idempotencyKey);
  const sent = useRef(draft);
  const base = `/networks/${networkId}/mentorships/${m.id}`;

  const submit = useMutation({
    mutationFn: (body: SummaryReportInput) => postSummaryReport(networkId, m.id, body, key),
    onMutate: () => {
      sent.current = form.value;
    },
    onSuccess: async (report) => {
      await Promise.all(
        [
          monitoringKeys.summaryReports(networkId, m.id),
          monitoringKeys.followUps(networkId, m.id),
          monitoringKeys.milestones(networkId, m.id),
          monitoringKeys.timeline(networkId, m.id),
          monitoringKeys.tips(networkId, m.id),
          monitoringKeys.mine(networkId),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      const state: FlashState = {
        flash: tm('monitor.form.submitted', { date: formatDate(report.meetingDate) }),
      };
      navigate(base, { state });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.errors.length > 0 && error.status === 400) {
        setErrors({ fields: fieldErrorsOf(error.errors, sent.current) });
      } else if (error instanceof ApiProblem && error.status === 422) {
        setErrors({ message: tm('monitor.form.ended'), fields: {} });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = sendWith(form, submit, {
    body: (value) => {
      const body = toBody(value);
      const problems = schemaProblems(summaryReportSchema, body, t('errors.isRequired'));
      return refusal({ fields: fieldErrorsOf(problems, value) }) ?? body;
    },
    label: tm('monitor.form.submit'),
    busyLabel: tm('monitor.form.submitting'),
  });

  const ownerOptions: ChoiceOption[] = people.map((p) => ({
    value: p.id,
    label:
      p.role === 'coordinator' ? tm('monitor.form.ownerCoordinator', { name: p.name }) : p.name,
  }));
  const open = milestones.filter((ms) => !ms.reached);
  const reached = milestones.filter((ms) => ms.reached);

  return (
    <>
      <p>{tm('monitor.form.intro')}</p>
      <details className="no-print">
        <summary>{tSheetText('instructionsHeading', FORM.instructionsHeading)}</summary>
        <p>{tSheetText('instructions', FORM.instructions)}</p>
        <p>{summaryReportWhen.text}</p>
      </details>
      <Form form={form} id="summary-report" look="document" {...send}>
        <h2>{tSheetText('heading', FORM.heading)}</h2>
        <CheckboxGroup
          path="organizationIds"
          legend={boxLabel('organization')}
          options={organizations}
        />
        <TextField path="meetingDate" type="date" label={boxLabel('meeting-date')} />
        <RepeatableList<NameRow>
          path="participants"
          legend={boxLabel('meeting-participants')}
          hint={tm('monitor.form.participantsHint')}
          itemLabel={(n) => tm('monitor.form.participantN', { n })}
          addLabel={tm('monitor.form.addParticipant')}
          removeLabel={(n) => tm('monitor.form.removeParticipant', { n })}
          newRow={() => nameRow()}
          max={100}
          inline
        >
          {(_r, rowPath, n) => (
            <TextField
              path={`${rowPath}.name`}
              errorPath={rowPath}
              label={tm('monitor.form.participantN', { n })}
              maxLength={120}
            />
          )}
        </RepeatableList>
        <TextAreas
          rows={4}
          maxLength={4000}
          fields={[
            ['agenda', boxLabel('agenda')],
            ['progress', boxLabel('progress')],
          ]}
        />
        {milestones.length === 0 ? (
          <p className="hint">{tm('monitor.form.noMilestones')}</p>
        ) : (
          <CheckboxGroup
            path="milestonesReached"
            legend={tSheetText('milestones-reached', FORM.milestonesReached.text)}
            hint={[
              tm('monitor.form.milestonesHint'),
              ...reached.map((ms) =>
                tm('monitor.form.alreadyReached', { description: ms.description }),
              ),
            ].join(' ')}
            options={open.map((ms) => ({ value: ms.id, label: ms.description }))}
          />
        )}
        <RepeatableList<ActionRow>
          path="followUpActions"
          legend={boxLabel('follow-up-actions')}
          itemLabel={(n) => tm('monitor.form.actionN', { n })}
          addLabel={tm('monitor.form.addAction')}
          removeLabel={(n) => tm('monitor.form.removeAction', { n })}
          newRow={actionRow}
          max={30}
        >
          {(_r, rowPath) => (
            <div className="field-row summary-action">
              <TextField
                path={`${rowPath}.what`}
                label={column(FORM.followUpColumns, 'what')}
                maxLength={1000}
              />
              <SelectField
                path={`${rowPath}.ownerId`}
                label={column(FORM.followUpColumns, 'who')}
                placeholder={tm('monitor.form.chooseOwner')}
                options={ownerOptions}
              />
              <TextField
                path={`${rowPath}.dueDate`}
                type="date"
                label={column(FORM.followUpColumns, 'by-when')}
              />
            </div>
          )}
        </RepeatableList>
        <RepeatableList<IssueRow>
          path="issues"
          legend={boxLabel('issues')}
          itemLabel={(n) => tm('monitor.form.issueN', { n })}
          addLabel={tm('monitor.form.addIssue')}
          removeLabel={(n) => tm('monitor.form.removeIssue', { n })}
          newRow={issueRow}
          max={30}
        >
          {(_r, rowPath) => (
            <>
              <TextField
                path={`${rowPath}.raised`}
                label={column(FORM.issueColumns, 'raised')}
                rows={2}
                maxLength={2000}
              />
              <TextField
                path={`${rowPath}.solutions`}
                label={column(FORM.issueColumns, 'solutions')}
                rows={2}
                maxLength={4000}
              />
              <TextField
                path={`${rowPath}.pending`}
                label={column(FORM.issueColumns, 'pending')}
                rows={2}
                maxLength={4000}
              />
            </>
          )}
        </RepeatableList>
        <TextField path="nextMeetingDate" type="date" label={boxLabel('next-meeting-date')} />
        <TextField
          path="nextMeetingAgenda"
          label={boxLabel('next-meeting-agenda')}
          rows={3}
          maxLength={4000}
        />
        <RadioGroup
          path="reportedBy"
          legend={boxLabel('reported-by')}
          options={summaryReportReporters.map((r) => ({
            value: r.id,
            label: tSheetText(`reporters.${r.id}`, r.label),
          }))}
        />
        <TextField path="date" type="date" label={boxLabel('date')} />
      </Form>
    </>
  );
}
