/**
 * The mid-term reflection questionnaire (001 Annex 6): every section, item and scale of the
 * paper (from `@sisi/domain/static`), answered once per person, anonymously. Before
 * answering, the reader is told how anonymous their answer is on their side. Afterwards (and
 * for who does not answer, such as a network admin) the page shows each side's pooled
 * results and the comparison, every item marked in words: both strong, both weak, disagree,
 * mixed, or not enough answers; the rule is written above it.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/reflection` (`?view=blank`: the paper
 * questionnaire, blank, to print).
 */
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useSearch } from 'wouter';
import { useMentorshipContext, useMentorshipParams } from '../../components/mentorship-context.tsx';
import { InfoNotice, LoadErrors, Loading, StatusMessage } from '../../components/page.tsx';
import { useReflectionT } from '../../i18n/en-reflection.ts';
import { PaperReflection } from './reflection-paper.tsx';
import { PaperFormPage } from './reflection-parts.tsx';
import { reflectionQuery } from './reflection-queries.ts';
import { AnonymityNotice, Questionnaire } from './reflection-questionnaire.tsx';
import { ResultsView } from './reflection-results.tsx';

export function ReflectionPage() {
  const { networkId, mentorshipId } = useMentorshipParams();
  const tr = useReflectionT();
  const blank = new URLSearchParams(useSearch()).get('view') === 'blank';
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const results = useQuery(reflectionQuery(networkId, mentorshipId));
  const [sent, setSent] = useState<string>();

  let body: ReactNode;
  if (blank) {
    body = <PaperReflection />;
  } else if (ctx.mentorship.isError || results.isError) {
    body = <LoadErrors queries={[ctx.mentorship, results]} />;
  } else if (!ctx.ready || !results.data) {
    body = <Loading />;
  } else if (results.data.you.canAnswer) {
    body = (
      <>
        <AnonymityNotice results={results.data} />
        <Questionnaire
          networkId={networkId}
          mentorshipId={mentorshipId}
          onSent={() => setSent(tr('reflection.form.sent'))}
        />
      </>
    );
  } else {
    body = (
      <>
        {sent ? null : (
          <InfoNotice>
            {results.data.you.answered ? tr('reflection.answered') : tr('reflection.notRespondent')}
          </InfoNotice>
        )}
        <ResultsView results={results.data} />
      </>
    );
  }

  return (
    <PaperFormPage paper="reflection" organizationOptions={ctx.organizationOptions} blank={blank}>
      <StatusMessage message={sent} />
      {blank ? null : <p className="no-print">{tr('reflection.intro')}</p>}
      {body}
    </PaperFormPage>
  );
}
