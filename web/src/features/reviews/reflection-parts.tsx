/**
 * Pieces shared by the reflection and evaluation screens: their page with its print bar
 * (Print, and the blank paper form), and opening every `<details>` before printing so
 * nothing folded is left off the paper.
 */

import { evaluationForm, reflectionForm } from '@sisi/domain/static';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'wouter';
import type { ChoiceOption } from '../../components/form/index.ts';
import { MentorshipHeader, useMentorshipParams } from '../../components/mentorship-context.tsx';
import { Page } from '../../components/page.tsx';
import { type ReflectionMessageKey, tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import './reflection.css';

/** Opens the page's folded parts when it is printed, and folds them back after. */
export function usePrintUnfolds(): void {
  useEffect(() => {
    const opened: HTMLDetailsElement[] = [];
    const before = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('main details:not([open])')) {
        d.open = true;
        opened.push(d);
      }
    };
    const after = () => {
      for (const d of opened.splice(0)) d.open = false;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

/** "Print" and a link to the blank paper form (or back from it). */
function PrintBar({
  blank,
  blankHref,
  backHref,
  blankLabel,
  backLabel,
}: {
  blank: boolean;
  blankHref: string;
  backHref: string;
  blankLabel: ReflectionMessageKey;
  backLabel: ReflectionMessageKey;
}) {
  const tr = useReflectionT();
  usePrintUnfolds();
  return (
    <div className="print-bar">
      <button type="button" onClick={() => window.print()}>
        {tr('reflection.print')}
      </button>
      {blank ? (
        <Link href={backHref}>{tr(backLabel)}</Link>
      ) : (
        <Link href={blankHref}>{tr(blankLabel)}</Link>
      )}
    </div>
  );
}

/** The two paper forms of the reviews: Annex 6 (reflection) and Annex 7 (evaluation). */
const PAPERS = {
  reflection: {
    form: reflectionForm,
    blankLabel: 'reflection.blank',
    backLabel: 'reflection.backFromBlank',
  },
  evaluation: {
    form: evaluationForm,
    blankLabel: 'reflection.blankEvaluation',
    backLabel: 'reflection.backFromBlankEvaluation',
  },
} as const;

/**
 * The page of a paper form of the reviews: its title, the annex it reproduces, the
 * mentorship, and a print bar linking to the blank paper form (`?view=blank`) and back.
 */
export function PaperFormPage({
  paper,
  organizationOptions,
  blank,
  children,
}: {
  paper: keyof typeof PAPERS;
  organizationOptions: readonly ChoiceOption[];
  /** Whether the paper form is shown (the print bar then links back). */
  blank: boolean;
  children: ReactNode;
}) {
  const tr = useReflectionT();
  const { networkId, mentorshipId } = useMentorshipParams();
  const { form, blankLabel, backLabel } = PAPERS[paper];
  const path = `/networks/${networkId}/mentorships/${mentorshipId}/${paper}`;
  return (
    <Page title={tr(`${paper}.title`)}>
      <div className="printable">
        <p className="lead">
          {tr('reflection.annex', {
            annex: form.annex,
            title: tPaper(`${paper}.title`, form.title),
          })}
        </p>
        <MentorshipHeader
          networkId={networkId}
          mentorshipId={mentorshipId}
          organizationOptions={organizationOptions}
        />
        <PrintBar
          blank={blank}
          blankHref={`${path}?view=blank`}
          backHref={path}
          blankLabel={blankLabel}
          backLabel={backLabel}
        />
        {children}
      </div>
    </Page>
  );
}

/**
 * A box as on the paper: empty, or crossed when `checked` (said in words too, for screen
 * readers; the text beside it is the option).
 */
export function PaperBox({ checked = false }: { checked?: boolean }) {
  const tr = useReflectionT();
  return (
    <>
      <span className="paper-box" aria-hidden="true">
        {checked ? '☒' : '☐'}
      </span>
      {checked ? <span className="visually-hidden">{tr('reflection.paper.checked')} </span> : null}
    </>
  );
}

/** Ruled lines to write on, as under the paper's questions and comment boxes. */
export function PaperLines({ label, count = 4 }: { label: string; count?: number }) {
  return (
    <div className="paper-lines" role="img" aria-label={label}>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical empty lines
        <span key={i} />
      ))}
    </div>
  );
}
