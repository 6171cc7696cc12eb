/**
 * The mentorship evaluation forms (001 Annex 7): one per organization of the mentorship,
 * every field of the paper (from `@sisi/domain/static`). The reader's organization's form
 * (any organization's, for a network admin) is filled and saved as often as needed, with
 * optimistic locking, until it is signed; the signed forms are shown side by side, question
 * by question. Each form prints as on paper, and so does the blank one.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/evaluation`
 * (`?organization=<id>`: whose form to fill; `?view=blank`: the blank paper form;
 * `?view=paper&organization=<id>`: that organization's form as on paper).
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearch } from 'wouter';
import { useMentorshipContext, useMentorshipParams } from '../../components/mentorship-context.tsx';
import { InfoNotice, LoadErrors, Loading } from '../../components/page.tsx';
import { useReflectionT } from '../../i18n/en-reflection.ts';
import { EvaluationEditor } from './evaluation-editor.tsx';
import { editableOrganizations } from './evaluation-model.ts';
import { PaperEvaluation } from './evaluation-paper.tsx';
import { SideBySide, StatusList } from './evaluation-views.tsx';
import { PaperFormPage } from './reflection-parts.tsx';
import { evaluationsQuery } from './reflection-queries.ts';

export function EvaluationPage() {
  const { networkId, mentorshipId } = useMentorshipParams();
  const tr = useReflectionT();
  const search = new URLSearchParams(useSearch());
  const view = search.get('view');
  const asked = search.get('organization') ?? '';
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const m = ctx.mentorship.data;
  const list = useQuery(evaluationsQuery(networkId, mentorshipId));
  const path = `/networks/${networkId}/mentorships/${mentorshipId}/evaluation`;
  const nameOf = (id: string) =>
    String(ctx.organizationOptions.find((o) => o.value === id)?.label ?? '');
  const editable = editableOrganizations(ctx.me.data, m);
  const chosen = editable.includes(asked) ? asked : editable[0];

  let body: ReactNode;
  if (view === 'blank') {
    body = <PaperEvaluation />;
  } else if (ctx.mentorship.isError || list.isError) {
    body = <LoadErrors queries={[ctx.mentorship, list]} />;
  } else if (!ctx.ready || !m || !list.data) {
    body = <Loading />;
  } else if (view === 'paper') {
    const entry = list.data.find((e) => e.organizationId === asked);
    body = entry?.evaluation ? (
      <PaperEvaluation record={entry.evaluation} organizationName={nameOf(entry.organizationId)} />
    ) : (
      <PaperEvaluation />
    );
  } else {
    body = (
      <>
        <StatusList entries={list.data} nameOf={nameOf} path={path} />
        {chosen ? (
          <section aria-labelledby="evaluation-fill">
            <h2 id="evaluation-fill">
              {tr('evaluation.fill.heading', { organization: nameOf(chosen) })}
            </h2>
            {editable.length > 1 ? (
              <nav aria-label={tr('evaluation.fill.choose')}>
                <ul className="org-choice">
                  {editable.map((id) => (
                    <li key={id}>
                      <Link
                        href={`${path}?organization=${id}`}
                        aria-current={id === chosen ? 'page' : undefined}
                      >
                        {nameOf(id)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <EvaluationEditor
              key={chosen}
              networkId={networkId}
              mentorship={m}
              organizationId={chosen}
              nameOf={nameOf}
            />
          </section>
        ) : (
          <InfoNotice>{tr('evaluation.fill.notYours')}</InfoNotice>
        )}
        <SideBySide entries={list.data} nameOf={nameOf} />
      </>
    );
  }

  return (
    <PaperFormPage
      paper="evaluation"
      organizationOptions={ctx.organizationOptions}
      blank={view === 'blank' || view === 'paper'}
    >
      {view ? null : <p className="no-print">{tr('evaluation.intro')}</p>}
      {body}
    </PaperFormPage>
  );
}
