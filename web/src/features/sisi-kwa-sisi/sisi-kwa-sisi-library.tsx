/**
 * Step 5 of Sisi Kwa Sisi coaching: "Document best practices and learnings that need to be
 * cross-pollinated." The network's library (published write-ups, readable by everyone in
 * the network), the reader's own write-ups (drafts only they see, which they publish or
 * withdraw), and the write-up form with its explicit consent checkbox.
 *
 * `/networks/:networkId/sisi-kwa-sisi/best-practices`
 */
import type { BestPractice, CreateBestPracticeInput } from '@sisi/domain';
import type { ThematicArea } from '@sisi/domain/static';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'wouter';
import {
  CheckboxField,
  optional,
  present,
  problemMessage,
  SelectField,
  sendWith,
  TextField,
} from '../../components/form/index.ts';
import { Loading, Page, StatusMessage } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { SisiForm, useCreateForm } from './sisi-kwa-sisi-form.tsx';
import { AreaField, areaLabel, SisiLinks, useSisiRoles } from './sisi-kwa-sisi-parts.tsx';
import {
  bestPracticesQuery,
  coachingsQuery,
  setPublished,
  sisiKeys,
  writeBestPractice,
} from './sisi-kwa-sisi-queries.ts';

export function SisiKwaSisiLibraryPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const ts = useSisiT();
  const roles = useSisiRoles(networkId);
  const library = useInfiniteQuery(bestPracticesQuery(networkId, 'library'));
  return (
    <Page title={ts('sisiKwaSisi.library.title')}>
      <SisiLinks networkId={networkId} manages={roles.manages} />
      <p>{ts('sisiKwaSisi.library.intro')}</p>
      <h2>{ts('sisiKwaSisi.library.publishedHeading')}</h2>
      <PagedCards
        query={library}
        empty={ts('sisiKwaSisi.library.empty')}
        card={(p) => <PracticeCard key={p.id} networkId={networkId} p={p} mine={false} />}
      />
      <Mine networkId={networkId} />
      <WriteUp networkId={networkId} />
    </Page>
  );
}

function PracticeCard({
  networkId,
  p,
  mine,
}: {
  networkId: string;
  p: BestPractice;
  mine: boolean;
}) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: (value: boolean) => setPublished(networkId, p.id, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sisiKeys.practices(networkId) }),
  });
  return (
    <li className="card">
      <h3 className="card-title">{p.title}</h3>
      <p>
        <span className="badge">{areaLabel(p.area)}</span>
        {p.status === 'published' && p.publishedAt ? (
          <span>{ts('sisiKwaSisi.library.published', { date: formatDate(p.publishedAt) })}</span>
        ) : (
          <span className="badge status-invited">{ts('sisiKwaSisi.library.draft')}</span>
        )}
      </p>
      <p>{ts('sisiKwaSisi.library.by', { name: p.authorName })}</p>
      <p className="note-text">{p.practice}</p>
      {p.learnings ? <p className="note-text">{p.learnings}</p> : null}
      {mine ? (
        <div className="actions">
          <button
            type="button"
            aria-disabled={publish.isPending || undefined}
            onClick={() => {
              if (!publish.isPending) publish.mutate(p.status !== 'published');
            }}
          >
            {p.status === 'published'
              ? ts('sisiKwaSisi.library.withdraw', { title: p.title })
              : ts('sisiKwaSisi.library.publish', { title: p.title })}
          </button>
          {publish.isError ? (
            <span className="field-error" role="alert">
              {problemMessage(publish.error, t)}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function Mine({ networkId }: { networkId: string }) {
  const ts = useSisiT();
  const mine = useInfiniteQuery(bestPracticesQuery(networkId, 'mine'));
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">{ts('sisiKwaSisi.library.mine')}</h2>
      <PagedCards
        query={mine}
        empty={ts('sisiKwaSisi.library.mineEmpty')}
        card={(p) => <PracticeCard key={p.id} networkId={networkId} p={p} mine />}
      />
    </section>
  );
}

type Draft = {
  coachingId: string;
  title: string;
  area: string;
  practice: string;
  learnings: string;
  consentToPublish: boolean;
};

const emptyDraft = (): Draft => ({
  coachingId: '',
  title: '',
  area: '',
  practice: '',
  learnings: '',
  consentToPublish: false,
});

function WriteUp({ networkId }: { networkId: string }) {
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const coachings = useInfiniteQuery(coachingsQuery(networkId));
  const mine = (coachings.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.myRole);
  const { form, key, done, created } = useCreateForm(emptyDraft);

  const write = useMutation({
    mutationFn: (body: CreateBestPracticeInput) => writeBestPractice(networkId, body, key),
    onSuccess: async (p) => {
      created(
        p.status === 'published'
          ? ts('sisiKwaSisi.library.savedPublished')
          : ts('sisiKwaSisi.library.savedDraft'),
      );
      await queryClient.invalidateQueries({ queryKey: sisiKeys.practices(networkId) });
    },
    onError: (error) => form.fail(error),
  });

  const send = sendWith(form, write, {
    body: (draft): CreateBestPracticeInput => ({
      coachingId: present(draft.coachingId),
      title: draft.title.trim(),
      area: present<ThematicArea>(draft.area),
      practice: draft.practice.trim(),
      learnings: optional(draft.learnings),
      consentToPublish: draft.consentToPublish,
    }),
    label: ts('sisiKwaSisi.library.submit'),
    busyLabel: ts('sisiKwaSisi.library.submitting'),
  });

  if (coachings.isPending) return <Loading />;
  if (mine.length === 0) {
    return (
      <section aria-labelledby="write-heading">
        <h2 id="write-heading">{ts('sisiKwaSisi.library.write')}</h2>
        <p>{ts('sisiKwaSisi.library.noCoaching')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="write-heading">
      <h2 id="write-heading">{ts('sisiKwaSisi.library.write')}</h2>
      <p>{ts('sisiKwaSisi.library.writeIntro')}</p>
      <StatusMessage message={done} />
      <SisiForm form={form} id="best-practice" labelledBy="write-heading" {...send}>
        <SelectField
          path="coachingId"
          label={ts('sisiKwaSisi.library.coaching')}
          placeholder={ts('sisiKwaSisi.library.chooseCoaching')}
          options={mine.map((c) => ({
            value: c.id,
            label: ts('sisiKwaSisi.list.pair', { coach: c.coach.name, peer: c.peer.name }),
          }))}
        />
        <TextField path="title" label={ts('sisiKwaSisi.library.practiceTitle')} maxLength={200} />
        <AreaField
          path="area"
          label={ts('sisiKwaSisi.library.area')}
          placeholder={ts('sisiKwaSisi.plan.chooseArea')}
        />
        <TextField
          path="practice"
          label={ts('sisiKwaSisi.library.practice')}
          rows={6}
          maxLength={8000}
        />
        <TextField
          path="learnings"
          label={ts('sisiKwaSisi.library.learnings')}
          rows={4}
          maxLength={4000}
        />
        <CheckboxField
          path="consentToPublish"
          label={ts('sisiKwaSisi.library.consent')}
          hint={ts('sisiKwaSisi.library.consentHint')}
        />
      </SisiForm>
    </section>
  );
}
