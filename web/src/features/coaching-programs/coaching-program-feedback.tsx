/**
 * The self-assessment of core coaching competencies (a participant's baseline, then
 * follow-ups showing change; the coordinator sees the program's aggregate only) and the
 * participant survey (answers without names; results over the program, from 3 answers).
 *
 * `/networks/:networkId/coaching-programs/:programId/self-assessment`,
 * `/networks/:networkId/coaching-programs/:programId/survey`
 */
import { useState } from 'react';
import { useParams } from 'wouter';
import { Page, StatusMessage } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { AssessmentSummary, Mine } from './coaching-program-assessment.tsx';
import { BackToProgram, ProgramGate, useProgram } from './coaching-program-parts.tsx';
import { Answer, Results } from './coaching-program-survey.tsx';

/** `/networks/:networkId/coaching-programs/:programId/self-assessment` */
export function SelfAssessmentPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const [done, setDone] = useState<string>();
  return (
    <Page title={tp('programs.assessment.title')}>
      <StatusMessage message={done} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <p>{tp('programs.assessment.intro')}</p>
            <p className="hint">{tp('programs.assessment.sourceNote')}</p>
            {program.viewer.participant ? (
              <Mine networkId={networkId} program={program} onDone={setDone} />
            ) : null}
            {program.viewer.manages ? (
              <AssessmentSummary networkId={networkId} programId={program.id} />
            ) : null}
            {!program.viewer.participant && !program.viewer.manages ? (
              <div className="notice warning">
                <p>{tp('programs.assessment.notParticipant')}</p>
              </div>
            ) : null}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}

/** `/networks/:networkId/coaching-programs/:programId/survey` */
export function SurveyPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const [done, setDone] = useState<string>();
  return (
    <Page title={tp('programs.survey.title')}>
      <StatusMessage message={done} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <p>{tp('programs.survey.intro')}</p>
            <p className="hint">{tp('programs.survey.sourceNote')}</p>
            {program.viewer.participant ? (
              <Answer networkId={networkId} program={program} onDone={setDone} />
            ) : null}
            {program.viewer.manages ? (
              <Results networkId={networkId} program={program} onDone={setDone} />
            ) : null}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}
