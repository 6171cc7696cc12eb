/**
 * The coaching informed consent form of a program: each participant reads it and signs
 * for themself (typed name, "I agree") before their first session. No session or note is
 * recorded for a pair until both have signed.
 *
 * `/networks/:networkId/coaching-programs/:programId/consent`
 */
import { coachingConsentForm } from '@sisi/domain/static';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import {
  CheckboxField,
  Form,
  refusal,
  requireValues,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
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
  const form = useForm({ initial: { agree: false, signature: '' } });
  const consent = coachingConsentForm;
  const sign = useMutation({
    mutationFn: (body: { textVersion: string; signature: string; agree: boolean }) =>
      signConsent(networkId, programId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, programId) });
      navigate(programBase(networkId, programId), {
        state: { flash: tp('programs.consent.signedFlash') },
      });
    },
    onError: (error) => form.setErrors(errorsOf(error, ['signature', 'agree', 'textVersion'], t)),
  });
  const send = sendWith(form, sign, {
    body: (value) => {
      const missing = requireValues(value, ['signature'], t('errors.isRequired'));
      if (!value.agree) missing.fields.agree = t('errors.isRequired');
      return (
        refusal(missing) ?? {
          textVersion: consent.version,
          signature: value.signature.trim(),
          agree: true,
        }
      );
    },
    label: tp('programs.consent.submit'),
    busyLabel: tp('programs.consent.submitting'),
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
            <h2>{tProgramText('consent.title', consent.title)}</h2>
            <p className="hint">
              {tp('programs.consent.version', { version: consent.version })}.{' '}
              {tp('programs.consent.sourceNote')}
            </p>
            {consent.sections.map((s) => (
              <section key={s.id} aria-labelledby={`consent-${s.id}`}>
                <h3 id={`consent-${s.id}`}>{tProgramText(`consent.${s.id}.heading`, s.heading)}</h3>
                <p>{tProgramText(`consent.${s.id}.text`, s.text)}</p>
              </section>
            ))}
            <p>
              <strong>{tProgramText('consent.statement', consent.statement)}</strong>
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
              <Form form={form} id="consent" ids="name" {...send}>
                <CheckboxField path="agree" label={labels.agree} />
                <TextField
                  path="signature"
                  label={labels.signature}
                  autoComplete="name"
                  maxLength={120}
                />
              </Form>
            )}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}
