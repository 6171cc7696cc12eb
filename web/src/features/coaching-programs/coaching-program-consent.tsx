/**
 * The coaching informed consent form of a program: each participant reads it and signs
 * for themself (typed name, "I agree") before their first session. No session or note is
 * recorded for a pair until both have signed.
 *
 * `/networks/:networkId/coaching-programs/:programId/consent`
 */
import { coachingConsentForm } from '@sisi/domain/static';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import {
  Checkbox,
  Form,
  type FormErrors,
  noErrors,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { Page } from '../../components/page.tsx';
import { tProgramText, useProgramT } from '../../i18n/en-programs.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import {
  BackToProgram,
  errorsOf,
  ProgramGate,
  programBase,
  useProgram,
} from './coaching-program-parts.tsx';
import { programKeys, signConsent } from './coaching-program-queries.ts';

export function ConsentPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const t = useT();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const form = coachingConsentForm;
  const sign = useMutation({
    mutationFn: (body: { textVersion: string; signature: string; agree: boolean }) =>
      signConsent(networkId, programId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, programId) });
      navigate(programBase(networkId, programId), {
        state: { flash: tp('programs.consent.signedFlash') },
      });
    },
    onError: (error) => setErrors(errorsOf(error, ['signature', 'agree', 'textVersion'], t)),
  });
  const labels = {
    signature: tp('programs.consent.signature'),
    agree: tp('programs.consent.agree'),
  };
  return (
    <Page title={tp('programs.consent.title')}>
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <h2>{tProgramText('consent.title', form.title)}</h2>
            <p className="hint">
              {tp('programs.consent.version', { version: form.version })}.{' '}
              {tp('programs.consent.sourceNote')}
            </p>
            {form.sections.map((s) => (
              <section key={s.id} aria-labelledby={`consent-${s.id}`}>
                <h3 id={`consent-${s.id}`}>{tProgramText(`consent.${s.id}.heading`, s.heading)}</h3>
                <p>{tProgramText(`consent.${s.id}.text`, s.text)}</p>
              </section>
            ))}
            <p>
              <strong>{tProgramText('consent.statement', form.statement)}</strong>
            </p>
            {program.viewer.consent ? (
              <div className="notice success">
                <p>
                  {tp('programs.consent.signed', {
                    date: formatDate(program.viewer.consent.signedAt),
                    name: program.viewer.consent.signature,
                  })}
                </p>
              </div>
            ) : !program.viewer.participant ? (
              <div className="notice warning">
                <p>{tp('programs.consent.notParticipant')}</p>
              </div>
            ) : (
              <Form
                id="consent"
                errors={errors}
                labels={labels}
                onSubmit={(data) => {
                  if (sign.isPending) return;
                  const local: FormErrors = { fields: {}, other: [] };
                  if (!text(data, 'signature')) local.fields.signature = t('errors.isRequired');
                  if (data.get('agree') !== 'on') local.fields.agree = t('errors.isRequired');
                  if (Object.keys(local.fields).length) return setErrors(local);
                  sign.mutate({
                    textVersion: form.version,
                    signature: text(data, 'signature'),
                    agree: true,
                  });
                }}
              >
                <Checkbox name="agree" label={labels.agree} />
                <TextField
                  name="signature"
                  label={labels.signature}
                  autoComplete="name"
                  maxLength={120}
                />
                <SubmitButton
                  label={tp('programs.consent.submit')}
                  busy={sign.isPending}
                  busyLabel={tp('programs.consent.submitting')}
                />
              </Form>
            )}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}
