/** The evaluation forms at a glance: where each one stands, and the signed ones side by side. */
import { Link } from 'wouter';
import { useReflectionT } from '../../i18n/en-reflection.ts';
import { formatDate } from '../../i18n/index.ts';
import { answerOf, F, numbered, rowLabel } from './evaluation-model.ts';
import type { EvaluationEntry } from './reflection-queries.ts';

/** Where each organization's form stands, with a link to print a signed one as on paper. */
export function StatusList({
  entries,
  nameOf,
  path,
}: {
  entries: EvaluationEntry[];
  nameOf: (id: string) => string;
  path: string;
}) {
  const tr = useReflectionT();
  return (
    <ul className="evaluation-status">
      {entries.map((e) => {
        const sign = e.evaluation?.content.signature;
        return (
          <li key={e.organizationId}>
            <strong>{nameOf(e.organizationId)}</strong> ({tr(`evaluation.roles.${e.role}`)}):{' '}
            <span className={`badge evaluation-${e.status}`}>
              {e.status === 'signed' && sign
                ? tr('evaluation.signedBy', { name: sign.name, date: formatDate(sign.date) })
                : tr(`evaluation.statuses.${e.status}`)}
            </span>
            {e.evaluation ? (
              <Link
                className="no-print"
                href={`${path}?view=paper&organization=${e.organizationId}`}
              >
                {tr('reflection.print')}: {nameOf(e.organizationId)}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Each question with every shown organization's answer beside the others'. */
export function SideBySide({
  entries,
  nameOf,
}: {
  entries: EvaluationEntry[];
  nameOf: (id: string) => string;
}) {
  const tr = useReflectionT();
  const shown = entries.filter((e) => e.evaluation?.signedAt);
  const rows: { key: string; label: string; id: Parameters<typeof answerOf>[1] }[] = [];
  for (const q of F.questions) {
    if (q.id === 'results') {
      for (const row of F.results.rows) {
        rows.push({
          key: `results.${row.id}`,
          label: `${q.n}. ${rowLabel(row)}`,
          id: `results.${row.id}`,
        });
      }
    } else rows.push({ key: q.id, label: numbered(q.id), id: q.id });
  }
  return (
    <section aria-labelledby="side-by-side">
      <h2 id="side-by-side">{tr('evaluation.sideBySide')}</h2>
      {shown.length === 0 ? (
        <p>{tr('evaluation.nothingToCompare')}</p>
      ) : (
        <>
          <p className="hint">{tr('evaluation.sideBySideHint')}</p>
          <ul className="side-by-side">
            {rows.map((row) => (
              <li key={row.key}>
                <h3>{row.label}</h3>
                <dl>
                  {shown.map((e) => (
                    <div key={e.organizationId}>
                      <dt>
                        {nameOf(e.organizationId)} ({tr(`evaluation.roles.${e.role}`)})
                      </dt>
                      <dd>
                        {answerOf(tr, row.id, e.evaluation!.content) ?? (
                          <span className="hint">{tr('evaluation.notAnswered')}</span>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
