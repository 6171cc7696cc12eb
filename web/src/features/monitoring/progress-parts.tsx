/**
 * The parts of the progress page: a milestone with its celebration, the photo form, and an
 * entry of the timeline.
 */
import type { MilestoneState, SummaryReport, TimelineEntry } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { today } from '../../clock.ts';
import { problemMessage, SubmitButton } from '../../components/form/index.ts';
import { ErrorNotice, StatusMessage } from '../../components/page.tsx';
import { useMT } from '../../i18n/en-mentorships.ts';
import { useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate } from '../../i18n/index.ts';
import { stageLabel } from '../mentorships/mentorship-parts.tsx';
import { Photo } from './monitoring-parts.tsx';
import {
  deletePhoto,
  markMilestoneReached,
  monitoringKeys,
  uploadPhoto,
} from './monitoring-queries.ts';
import '../../components/doc-form.css';
import './monitoring.css';

const MAX_BYTES = 5 * 1024 * 1024;

export function MilestoneItem({
  networkId,
  mentorshipId,
  milestone: ms,
  onReached,
}: {
  networkId: string;
  mentorshipId: string;
  milestone: MilestoneState;
  onReached: (description: string) => void;
}) {
  const tm = useMonitorT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const id = useId();
  const mark = useMutation({
    mutationFn: (body: { reachedOn: string; note?: string }) =>
      markMilestoneReached(networkId, mentorshipId, ms.id, body),
    onSuccess: async () => {
      setOpen(false);
      onReached(ms.description);
      await Promise.all(
        [
          monitoringKeys.milestones(networkId, mentorshipId),
          monitoringKeys.timeline(networkId, mentorshipId),
          monitoringKeys.tips(networkId, mentorshipId),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onError: (e) => setError(problemMessage(e, tm)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mark.isPending) return;
    const data = new FormData(event.currentTarget);
    const reachedOn = String(data.get('reachedOn') ?? '').trim();
    const note = String(data.get('note') ?? '').trim();
    setError(undefined);
    mark.mutate({ reachedOn, ...(note ? { note } : {}) });
  };
  return (
    <li>
      <p className="entry-title">{ms.description}</p>
      <p>
        {tm('monitor.progress.dueOn', { date: formatDate(ms.dueDate) })}
        {' · '}
        {ms.reached ? (
          <span className="reached">
            <span aria-hidden="true">✓ </span>
            {ms.reachedOn
              ? tm('monitor.progress.reached', { date: formatDate(ms.reachedOn) })
              : tm('monitor.progress.reached', { date: '' })}
          </span>
        ) : ms.overdue ? (
          <span className="badge follow-up-overdue">{tm('monitor.progress.overdue')}</span>
        ) : (
          tm('monitor.progress.planned')
        )}
      </p>
      {!ms.reached && !open ? (
        <p>
          <button type="button" onClick={() => setOpen(true)}>
            {tm('monitor.progress.markReachedOf', { description: ms.description })}
          </button>
        </p>
      ) : null}
      {open ? (
        <form
          className="narrow"
          onSubmit={submit}
          aria-label={tm('monitor.progress.markReachedOf', { description: ms.description })}
        >
          <ErrorNotice message={error} />
          <div className="field">
            <label htmlFor={`${id}-on`}>{tm('monitor.progress.reachedOn')}</label>
            <input id={`${id}-on`} name="reachedOn" type="date" defaultValue={today()} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{tm('monitor.progress.note')}</label>
            <textarea id={`${id}-note`} name="note" rows={2} maxLength={1000} />
          </div>
          <div className="actions">
            <SubmitButton
              label={tm('monitor.progress.save')}
              busy={mark.isPending}
              busyLabel={tm('monitor.progress.saving')}
            />
            <button type="button" onClick={() => setOpen(false)}>
              {tm('monitor.progress.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

export function PhotoForm({
  networkId,
  mentorshipId,
  reports,
  milestones,
}: {
  networkId: string;
  mentorshipId: string;
  reports: SummaryReport[];
  milestones: MilestoneState[];
}) {
  const tm = useMonitorT();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const add = useMutation({
    mutationFn: (input: { file: File; attach: string; caption: string }) => {
      const [attachTo, ...rest] = input.attach.split(':');
      const entryId = rest.join(':');
      return uploadPhoto(networkId, mentorshipId, input.file, {
        attachTo: attachTo ?? 'mentorship',
        ...(entryId ? { entryId } : {}),
        ...(input.caption ? { caption: input.caption } : {}),
      });
    },
    onSuccess: async () => {
      formRef.current?.reset();
      setDone(tm('monitor.progress.uploaded'));
      await queryClient.invalidateQueries({
        queryKey: monitoringKeys.timeline(networkId, mentorshipId),
      });
    },
    onError: (e) => setError(problemMessage(e, tm)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setError(undefined);
    setDone(undefined);
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0)
      return setError(tm('monitor.progress.chooseFile'));
    if (file.size > MAX_BYTES) return setError(tm('monitor.progress.tooBig'));
    add.mutate({
      file,
      attach: String(data.get('attach') ?? 'mentorship'),
      caption: String(data.get('caption') ?? '').trim(),
    });
  };
  return (
    <section aria-labelledby="add-photo" className="panel">
      <h2 id="add-photo">{tm('monitor.progress.photosHeading')}</h2>
      <p>{tm('monitor.progress.photosIntro')}</p>
      <StatusMessage message={done} />
      <form
        ref={formRef}
        className="narrow"
        onSubmit={submit}
        aria-labelledby="add-photo"
        noValidate
      >
        <ErrorNotice message={error} />
        <div className="field">
          <label htmlFor={`${id}-file`}>{tm('monitor.progress.photoFile')}</label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-attach`}>{tm('monitor.progress.attachTo')}</label>
          <select id={`${id}-attach`} name="attach" defaultValue="mentorship">
            <option value="mentorship">{tm('monitor.progress.attachMentorship')}</option>
            {reports.map((r) => (
              <option key={r.id} value={`summary-report:${r.id}`}>
                {tm('monitor.progress.attachReport', { date: formatDate(r.meetingDate) })}
              </option>
            ))}
            {milestones.map((ms) => (
              <option key={ms.id} value={`milestone:${ms.id}`}>
                {tm('monitor.progress.attachMilestone', { description: ms.description })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-caption`}>{tm('monitor.progress.photoCaption')}</label>
          <input id={`${id}-caption`} name="caption" type="text" maxLength={300} />
        </div>
        <SubmitButton
          label={tm('monitor.progress.upload')}
          busy={add.isPending}
          busyLabel={tm('monitor.progress.uploading')}
        />
      </form>
    </section>
  );
}

export function TimelineItem({
  networkId,
  mentorshipId,
  entry,
  canRemove,
}: {
  networkId: string;
  mentorshipId: string;
  entry: TimelineEntry;
  canRemove: (uploadedBy: string) => boolean;
}) {
  const tm = useMonitorT();
  const t = useMT();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (photoId: string) => deletePhoto(networkId, mentorshipId, photoId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: monitoringKeys.timeline(networkId, mentorshipId) }),
  });
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  let details: ReactNode = null;
  switch (entry.kind) {
    case 'milestone-reached':
      details = (
        <>
          <p className="entry-title">{entry.description}</p>
          {entry.note ? <p>{entry.note}</p> : null}
        </>
      );
      break;
    case 'summary-report':
      details = (
        <>
          <p className="entry-title">
            <Link href={`${base}/summary-reports/${entry.id}`}>
              {tm('monitor.progress.openReport')}
            </Link>
          </p>
          <p>{tm('monitor.progress.participants', { names: entry.participants.join(', ') })}</p>
          {entry.followUpActions ? (
            <p>{tm('monitor.progress.actions', { count: entry.followUpActions })}</p>
          ) : null}
        </>
      );
      break;
    case 'gathering':
      details = (
        <p className="entry-title">
          {entry.title} (
          {t(`mentorships.approaches.${entry.approach}` as 'mentorships.approaches.on-site')})
        </p>
      );
      break;
    case 'quarterly-report':
      details = (
        <p className="entry-title">
          <Link href={`${base}/quarterly-reports/${entry.period}`}>
            {tm('monitor.section.printQuarterly', { period: entry.period })}
          </Link>{' '}
          · {tm('monitor.progress.hours', { hours: entry.totalHours })}
        </p>
      );
      break;
    case 'stage-change':
      details = (
        <p className="entry-title">
          {tm(entry.from ? 'monitor.progress.stageMove' : 'monitor.progress.stageStart', {
            to: stageLabel(t, entry.to as Parameters<typeof stageLabel>[1]),
          })}
        </p>
      );
      break;
    default:
      break;
  }
  return (
    <li className={entry.kind === 'milestone-reached' ? 'milestone' : undefined}>
      <p className="when">
        <span className="badge">{tm(`monitor.progress.kinds.${entry.kind}`)}</span>{' '}
        {formatDate(entry.date)}
      </p>
      {details}
      {entry.photos.length ? (
        <ul className="photos">
          {entry.photos.map((p) => (
            <li key={p.id}>
              <figure>
                <Photo
                  networkId={networkId}
                  mentorshipId={mentorshipId}
                  photoId={p.id}
                  alt={
                    p.caption
                      ? tm('monitor.progress.photoAlt', { caption: p.caption })
                      : tm('monitor.progress.photoAltNone', { date: formatDate(p.uploadedAt) })
                  }
                />
                {p.caption ? <figcaption>{p.caption}</figcaption> : null}
              </figure>
              {canRemove(p.uploadedBy) ? (
                <button
                  type="button"
                  className="link-button"
                  aria-disabled={remove.isPending || undefined}
                  onClick={() => {
                    if (!remove.isPending) remove.mutate(p.id);
                  }}
                >
                  {tm('monitor.progress.removePhoto')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
